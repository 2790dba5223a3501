package de.klammer.portal.identity.erasure.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AccessDeniedErrorRouter;
import de.klammer.identity.FabricCaException;
import de.klammer.identity.RoleAttribute;
import de.klammer.portal.identity.FailureMessage;
import de.klammer.portal.identity.erasure.DataSubjectRequestService;
import de.klammer.portal.identity.erasure.RequestKind;
import de.klammer.portal.identity.erasure.RequestSummary;
import de.klammer.portal.shell.ui.MainLayout;
import jakarta.annotation.security.RolesAllowed;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.springframework.security.access.AccessDeniedException;

/**
 * Form to file an erasure or rectification request about an identity of the user's authority, named by its
 * pseudonymous enrolment ID. A correction lists the attributes to set as {@code name=value} and those to remove as
 * {@code -name}, one per line.
 */
@Route(value = "requests/new", layout = MainLayout.class)
@RolesAllowed({"CLERK", "AUTHORITY_ADMIN", "DPO"})
@AccessDeniedErrorRouter
class RequestForm extends VerticalLayout implements HasDynamicTitle {

    private final DataSubjectRequestService requests;

    private final RadioButtonGroup<RequestKind> kind = new RadioButtonGroup<>();
    private final TextField enrollmentId = new TextField();
    private final DatePicker receivedOn = new DatePicker();
    private final TextArea legalBasis = new TextArea();
    private final TextArea attributes = new TextArea();

    RequestForm(DataSubjectRequestService requests) {
        this.requests = requests;
        setId("erasure-request-form");
        setMaxWidth("60rem");
        add(new H1(getTranslation("erasure.form.heading")), createFields(), createSubmit());
    }

    @Override
    public String getPageTitle() {
        return getTranslation("erasure.form.heading");
    }

    private Component createFields() {
        kind.setId("erasure-request-kind");
        kind.setLabel(getTranslation("erasure.kind"));
        kind.setItems(RequestKind.values());
        kind.setItemLabelGenerator(value -> getTranslation("erasure.kind." + value.databaseValue()));
        kind.setValue(RequestKind.ERASURE);
        kind.addValueChangeListener(event -> attributes.setVisible(event.getValue() == RequestKind.CORRECTION));

        enrollmentId.setId("erasure-enrollment-id");
        enrollmentId.setLabel(getTranslation("erasure.enrollment-id"));
        enrollmentId.setHelperText(getTranslation("erasure.enrollment-id-help"));
        enrollmentId.setRequiredIndicatorVisible(true);

        receivedOn.setId("erasure-received-on");
        receivedOn.setLabel(getTranslation("erasure.received-on"));
        receivedOn.setMax(LocalDate.now());
        receivedOn.setValue(LocalDate.now());
        receivedOn.setRequiredIndicatorVisible(true);

        legalBasis.setId("erasure-legal-basis");
        legalBasis.setLabel(getTranslation("erasure.legal-basis"));
        legalBasis.setHelperText(getTranslation("erasure.legal-basis-help"));
        legalBasis.setRequiredIndicatorVisible(true);
        legalBasis.setMaxLength(2000);

        attributes.setId("erasure-attributes");
        attributes.setLabel(getTranslation("erasure.attributes"));
        attributes.setHelperText(getTranslation("erasure.attributes-help"));
        attributes.setVisible(false);

        FormLayout fields = new FormLayout(kind, enrollmentId, receivedOn, legalBasis, attributes);
        fields.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1));
        return fields;
    }

    private Component createSubmit() {
        Button submit = new Button(getTranslation("erasure.form.submit"), event -> submit());
        submit.setId("erasure-submit");
        submit.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        return submit;
    }

    private void submit() {
        try {
            RequestSummary filed = kind.getValue() == RequestKind.CORRECTION
                    ? fileCorrection()
                    : requests.fileErasure(enrollmentId.getValue().strip(), legalBasis.getValue(), receivedOn.getValue());
            Notification.show(getTranslation("erasure.form.filed", filed.reference(), filed.dueOn()))
                    .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
            getUI().ifPresent(ui -> ui.navigate(RequestWorkbenchView.class));
        } catch (IllegalArgumentException | IllegalStateException e) {
            Notification.show(getTranslation("erasure.form.rejected", e.getMessage()))
                    .addThemeVariants(NotificationVariant.LUMO_ERROR);
        } catch (FabricCaException | AccessDeniedException e) {
            FailureMessage failure = FailureMessage.of(e);
            Notification.show(getTranslation(
                            "erasure.form.rejected", getTranslation(failure.key(), failure.argumentArray())))
                    .addThemeVariants(NotificationVariant.LUMO_ERROR);
        }
    }

    private RequestSummary fileCorrection() {
        List<RoleAttribute> set = new ArrayList<>();
        List<String> removed = new ArrayList<>();
        for (String line : attributes.getValue().split("\\R")) {
            String entry = line.strip();
            if (entry.startsWith("-")) {
                removed.add(entry.substring(1).strip());
            } else if (entry.contains("=")) {
                int separator = entry.indexOf('=');
                set.add(new RoleAttribute(entry.substring(0, separator).strip(), entry.substring(separator + 1).strip()));
            } else if (!entry.isEmpty()) {
                throw new IllegalArgumentException(getTranslation("erasure.attributes-invalid", entry));
            }
        }
        return requests.fileCorrection(
                enrollmentId.getValue().strip(), legalBasis.getValue(), receivedOn.getValue(), set, removed);
    }
}
