package de.klammer.portal.concept.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AccessDeniedErrorRouter;
import de.klammer.portal.concept.AssignmentRequest;
import de.klammer.portal.concept.AssignmentService;
import de.klammer.portal.concept.ConceptModel;
import de.klammer.portal.concept.ConceptRuleViolationException;
import de.klammer.portal.concept.ConceptService;
import de.klammer.portal.concept.SodConflict;
import de.klammer.portal.security.CurrentUser;
import de.klammer.portal.security.PortalUser;
import de.klammer.portal.shell.ui.MainLayout;
import jakarta.annotation.security.RolesAllowed;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.AccessDeniedException;

/**
 * Assigns a role of the concept to a ledger identity of the administrator's authority for a period. Separation-of-
 * duties conflicts show up while the requester fills in the form, before they submit.
 */
@Route(value = "concept/assignments", layout = MainLayout.class)
@RolesAllowed("AUTHORITY_ADMIN")
@AccessDeniedErrorRouter
class RoleAssignmentForm extends VerticalLayout implements HasDynamicTitle {

    private final AssignmentService assignments;
    private final String authorityCode;
    private final TextField holder = new TextField();
    private final ComboBox<String> role = new ComboBox<>();
    private final DatePicker validFrom = new DatePicker();
    private final DatePicker validUntil = new DatePicker();
    private final VerticalLayout conflicts = new VerticalLayout();
    private final Button submit = new Button();

    RoleAssignmentForm(AssignmentService assignments, ConceptService concept, CurrentUser currentUser) {
        this.assignments = assignments;
        PortalUser.AuthorityRef authority = Objects.requireNonNull(currentUser.require().authority(),
                "a signed-in administrator belongs to an authority");
        this.authorityCode = authority.code();
        setId("role-assignment-form");
        ConceptModel model = concept.model(concept.workingVersion().id());
        ConceptModel.AuthorityEntry entry = model.authorities().stream()
                .filter(candidate -> candidate.code().equals(authorityCode))
                .findFirst()
                .orElseThrow();
        holder.setLabel(getTranslation("concept.assignment.holder"));
        holder.setHelperText(getTranslation("concept.assignment.holder.help"));
        holder.setValueChangeMode(ValueChangeMode.ON_BLUR);
        holder.setId("assignment-holder");
        role.setLabel(getTranslation("concept.role"));
        role.setItems(model.roles().stream().filter(candidate -> candidate.appliesTo(entry))
                .map(ConceptModel.Role::code).toList());
        role.setId("assignment-role");
        validFrom.setLabel(getTranslation("concept.assignment.valid-from"));
        validFrom.setValue(LocalDate.now());
        validFrom.setId("assignment-valid-from");
        validUntil.setLabel(getTranslation("concept.assignment.valid-until"));
        validUntil.setHelperText(getTranslation("concept.assignment.valid-until.help"));
        validUntil.setId("assignment-valid-until");
        conflicts.setId("assignment-conflicts");
        conflicts.setPadding(false);
        conflicts.getElement().setAttribute("aria-live", "polite");
        submit.setText(getTranslation("concept.assignment.submit"));
        submit.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        submit.setId("assignment-submit");
        submit.addClickListener(event -> assign());
        holder.addValueChangeListener(event -> preview());
        role.addValueChangeListener(event -> preview());
        validFrom.addValueChangeListener(event -> preview());
        validUntil.addValueChangeListener(event -> preview());
        add(new H1(getTranslation("concept.assignment.heading")),
                new Paragraph(getTranslation("concept.assignment.help", authorityCode)),
                new FormLayout(holder, role, validFrom, validUntil), conflicts, submit);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("concept.assignment.heading");
    }

    private @Nullable AssignmentRequest request() {
        if (holder.getValue().isBlank() || role.getValue() == null || validFrom.getValue() == null) {
            return null;
        }
        return new AssignmentRequest(holder.getValue().trim(), authorityCode, role.getValue(), validFrom.getValue(),
                validUntil.getValue());
    }

    /** Shows the separation-of-duties conflicts of the current input. */
    private void preview() {
        conflicts.removeAll();
        AssignmentRequest request = request();
        if (request == null) {
            return;
        }
        try {
            List<SodConflict> found = assignments.check(request);
            if (found.isEmpty()) {
                conflicts.add(new Paragraph(getTranslation("concept.assignment.no-conflict")));
            } else {
                Paragraph heading = new Paragraph(getTranslation("concept.assignment.conflicts"));
                UnorderedList list = new UnorderedList();
                found.forEach(conflict -> list.add(new ListItem(conflict.describe())));
                conflicts.add(heading, list);
            }
            submit.setEnabled(found.isEmpty());
        } catch (ConceptRuleViolationException e) {
            conflicts.add(new Paragraph(e.getMessage()));
            submit.setEnabled(false);
        }
    }

    private void assign() {
        AssignmentRequest request = request();
        if (request == null) {
            holder.setErrorMessage(getTranslation("concept.assignment.incomplete"));
            holder.setInvalid(holder.getValue().isBlank());
            role.setInvalid(role.getValue() == null);
            role.setErrorMessage(getTranslation("concept.assignment.incomplete"));
            return;
        }
        try {
            assignments.assign(request);
            Notification.show(getTranslation("concept.assignment.done", request.roleCode(), request.holder()), 5000,
                            Notification.Position.BOTTOM_START)
                    .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
            holder.clear();
            role.clear();
            validUntil.clear();
            conflicts.removeAll();
        } catch (ConceptRuleViolationException | AccessDeniedException e) {
            conflicts.removeAll();
            Paragraph error = new Paragraph(e.getMessage());
            error.getElement().setAttribute("role", "alert");
            conflicts.add(error);
        }
    }
}
