package de.klammer.portal.identity.erasure.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.EmailField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AccessDeniedErrorRouter;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;
import de.klammer.identity.DeadlineExtensionRejectedException;
import de.klammer.portal.identity.FailureMessage;
import de.klammer.portal.identity.erasure.ChannelProgress;
import de.klammer.portal.identity.erasure.DataSubjectRequestService;
import de.klammer.portal.identity.erasure.ExecutionResult;
import de.klammer.portal.identity.erasure.IssuedCertificate;
import de.klammer.portal.identity.erasure.RecipientView;
import de.klammer.portal.identity.erasure.RequestExecutionException;
import de.klammer.portal.identity.erasure.RequestExecutionService;
import de.klammer.portal.identity.erasure.RequestKind;
import de.klammer.portal.identity.erasure.RequestSummary;
import de.klammer.portal.security.CurrentUser;
import de.klammer.portal.security.PortalRole;
import de.klammer.portal.shell.ui.MainLayout;
import jakarta.annotation.security.RolesAllowed;
import java.io.ByteArrayInputStream;
import java.time.LocalDate;
import java.util.List;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * The DPO workbench: the authority's erasure and rectification requests with status and due date, marked when
 * overdue or due within a week, and the actions on the selected request. Below, requests of other authorities whose
 * outcome this authority must acknowledge as a recipient.
 */
@Route(value = "requests", layout = MainLayout.class)
@RolesAllowed({"DPO", "AUTHORITY_ADMIN", "AUDITOR"})
@AccessDeniedErrorRouter
class RequestWorkbenchView extends VerticalLayout implements HasDynamicTitle {

    private final DataSubjectRequestService requests;
    private final RequestExecutionService execution;
    private final boolean dpo;
    private final boolean canAcknowledge;
    private final Grid<RequestSummary> grid = new Grid<>();
    private final Grid<RequestSummary> received = new Grid<>();
    private final VerticalLayout details = new VerticalLayout();
    private final Div handOver = new Div();

    RequestWorkbenchView(
            DataSubjectRequestService requests, RequestExecutionService execution, CurrentUser currentUser) {
        this.requests = requests;
        this.execution = execution;
        this.dpo = currentUser.require().hasRole(PortalRole.DPO);
        this.canAcknowledge = dpo || currentUser.require().hasRole(PortalRole.AUTHORITY_ADMIN);
        setId("erasure-workbench");
        details.setId("erasure-request-details");
        details.setPadding(false);
        handOver.setId("erasure-handover");
        add(new H1(getTranslation("erasure.workbench.heading")), handOver, createGrid(), details);
        if (canAcknowledge) {
            add(new H2(getTranslation("erasure.received.heading")), createReceivedGrid());
        }
        refresh();
    }

    @Override
    public String getPageTitle() {
        return getTranslation("erasure.workbench.heading");
    }

    private Component createGrid() {
        grid.setId("erasure-request-grid");
        grid.setAriaLabel(getTranslation("erasure.workbench.heading"));
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES);
        grid.addColumn(RequestSummary::reference).setHeader(getTranslation("erasure.reference")).setAutoWidth(true);
        grid.addColumn(request -> getTranslation("erasure.kind." + request.kind().databaseValue()))
                .setHeader(getTranslation("erasure.kind"))
                .setAutoWidth(true);
        grid.addColumn(RequestSummary::enrollmentId).setHeader(getTranslation("erasure.enrollment-id"));
        grid.addColumn(this::statusText).setHeader(getTranslation("erasure.status")).setAutoWidth(true);
        grid.addColumn(RequestSummary::receivedOn).setHeader(getTranslation("erasure.received-on"));
        grid.addComponentColumn(this::dueDate).setHeader(getTranslation("erasure.due-on")).setAutoWidth(true);
        grid.addColumn(RequestSummary::legalBasis).setHeader(getTranslation("erasure.legal-basis")).setFlexGrow(2);
        grid.setEmptyStateText(getTranslation("erasure.workbench.empty"));
        grid.addSelectionListener(event -> showDetails(event.getFirstSelectedItem().orElse(null)));
        return grid;
    }

    private Component createReceivedGrid() {
        received.setId("erasure-received-grid");
        received.setAriaLabel(getTranslation("erasure.received.heading"));
        received.addColumn(RequestSummary::reference).setHeader(getTranslation("erasure.reference"));
        received.addColumn(RequestSummary::mspId).setHeader(getTranslation("erasure.authority"));
        received.addColumn(request -> getTranslation("erasure.kind." + request.kind().databaseValue()))
                .setHeader(getTranslation("erasure.kind"));
        received.addComponentColumn(request -> {
            Button acknowledge = new Button(getTranslation("erasure.acknowledge"),
                    event -> act(() -> requests.acknowledge(request.id()), "erasure.acknowledged"));
            acknowledge.setAriaLabel(getTranslation("erasure.acknowledge") + " " + request.reference());
            return acknowledge;
        });
        received.setEmptyStateText(getTranslation("erasure.received.empty"));
        received.setAllRowsVisible(true);
        return received;
    }

    private String statusText(RequestSummary request) {
        return getTranslation("erasure.status." + request.status().databaseValue()) + " ("
                + getTranslation("erasure.step." + request.step().databaseValue()) + ")";
    }

    /** Shows the due date, in the error colour and with a word naming the reason when the request is urgent. */
    private Component dueDate(RequestSummary request) {
        LocalDate today = LocalDate.now();
        Span due = new Span(request.dueOn().toString());
        if (request.isUrgent(today)) {
            String key = request.dueOn().isBefore(today) ? "erasure.overdue" : "erasure.due-soon";
            due.setText(request.dueOn() + " (" + getTranslation(key) + ")");
            due.getStyle().set("color", "var(--lumo-error-text-color)").set("font-weight", "600");
        }
        return due;
    }

    private void showDetails(@Nullable RequestSummary request) {
        details.removeAll();
        if (request == null) {
            return;
        }
        details.add(new H2(request.reference() + ": " + request.enrollmentId()));
        details.add(new Paragraph(getTranslation("erasure.details.deadline", request.receivedOn(),
                request.firstDueOn(), request.dueOn(), request.extensionMonths())));
        if (request.extensionReason() != null) {
            details.add(new Paragraph(getTranslation("erasure.details.extension-reason", request.extensionReason())));
        }
        if (request.retentionException() != null) {
            details.add(new Paragraph(getTranslation("erasure.details.retained", request.retentionException())));
        }
        if (request.lastError() != null) {
            details.add(new Paragraph(getTranslation("erasure.details.error", request.lastError())));
        }
        details.add(createChannelList(request.channels()), createRecipientList(request.recipients()));
        if (dpo && request.status().isPending()) {
            details.add(createActions(request));
        }
    }

    private Component createChannelList(List<ChannelProgress> channels) {
        UnorderedList list = new UnorderedList();
        list.setId("erasure-channel-progress");
        for (ChannelProgress channel : channels) {
            String block = channel.blockNumber() == null ? "-" : channel.blockNumber().toString();
            list.add(new ListItem(getTranslation("erasure.details.channel", channel.channel(),
                    getTranslation("erasure.channel-state." + channel.state()), block,
                    channel.refusalCheck() == null ? "" : channel.refusalCheck())));
        }
        return list;
    }

    private Component createRecipientList(List<RecipientView> recipients) {
        UnorderedList list = new UnorderedList();
        for (RecipientView recipient : recipients) {
            list.add(new ListItem(getTranslation(recipient.acknowledgedAt() == null
                    ? "erasure.details.recipient-open" : "erasure.details.recipient-acknowledged", recipient.mspId())));
        }
        return list;
    }

    private Component createActions(RequestSummary request) {
        Button execute = new Button(getTranslation("erasure.execute"), event -> execute(request));
        execute.setId("erasure-execute");
        execute.addThemeVariants(ButtonVariant.LUMO_PRIMARY);

        Select<Integer> months = new Select<>();
        months.setLabel(getTranslation("erasure.extension-months"));
        months.setItems(1, 2);
        months.setValue(1);
        TextArea reason = new TextArea(getTranslation("erasure.extension-reason"));
        reason.setId("erasure-extension-reason");
        DatePicker notifiedOn = new DatePicker(getTranslation("erasure.notified-on"), LocalDate.now());
        Button extend = new Button(getTranslation("erasure.extend"), event -> act(
                () -> requests.extend(request.id(), months.getValue(), reason.getValue(), notifiedOn.getValue()),
                "erasure.extended"));
        extend.setId("erasure-extend");

        TextArea exception = new TextArea(getTranslation("erasure.retention-exception"));
        exception.setId("erasure-retention-exception");
        Button retain = new Button(getTranslation("erasure.retain"),
                event -> act(() -> requests.retain(request.id(), exception.getValue()), "erasure.retained"));
        retain.setId("erasure-retain");

        FormLayout extension = new FormLayout(months, notifiedOn, reason, extend);
        FormLayout retention = new FormLayout(exception, retain);
        VerticalLayout actions = new VerticalLayout(new HorizontalLayout(execute), extension, retention);
        if (request.kind() == RequestKind.CORRECTION) {
            actions.add(createVaultCorrection(request));
        }
        return actions;
    }

    /** Fields to rectify the person's names and e-mail address in the identity vault. Nothing is shown or logged. */
    private Component createVaultCorrection(RequestSummary request) {
        TextField givenName = new TextField(getTranslation("erasure.vault.given-name"));
        TextField familyName = new TextField(getTranslation("erasure.vault.family-name"));
        EmailField email = new EmailField(getTranslation("erasure.vault.email"));
        Button correct = new Button(getTranslation("erasure.vault.correct"), event -> {
            try {
                requests.correctPersonNames(
                        request.enrollmentId(), givenName.getValue(), familyName.getValue(), email.getValue());
                Notification.show(getTranslation("erasure.vault.corrected", request.enrollmentId()))
                        .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
                givenName.clear();
                familyName.clear();
                email.clear();
            } catch (IllegalArgumentException e) {
                Notification.show(getTranslation("erasure.action-rejected", e.getMessage()))
                        .addThemeVariants(NotificationVariant.LUMO_ERROR);
            }
        });
        correct.setId("erasure-vault-correct");
        return new FormLayout(new H2(getTranslation("erasure.vault.heading")), givenName, familyName, email, correct);
    }

    private void execute(RequestSummary request) {
        handOver.removeAll();
        try {
            ExecutionResult result = execution.execute(request.id());
            String message = result.issued() == null
                    ? getTranslation("erasure.executed", request.reference())
                    : getTranslation("erasure.executed-correction", request.reference(), result.issued().serialHex());
            Notification.show(message).addThemeVariants(NotificationVariant.LUMO_SUCCESS);
            showHandOver(request, result.issued());
        } catch (RequestExecutionException e) {
            FailureMessage failure = FailureMessage.of(e.getCause() == null ? e : e.getCause());
            Notification.show(getTranslation(
                            "erasure.execution-failed", getTranslation(failure.key(), failure.argumentArray())))
                    .addThemeVariants(NotificationVariant.LUMO_ERROR);
            showHandOver(request, e.issued());
        }
        refresh();
    }

    /** Offers the certificate a correction issued, with its new key, for download once. The portal keeps neither. */
    private void showHandOver(RequestSummary request, @Nullable IssuedCertificate issued) {
        if (issued == null) {
            return;
        }
        byte[] pkcs12 = issued.pkcs12();
        String fileName = request.enrollmentId() + ".p12";
        Anchor download = new Anchor(
                DownloadHandler.fromInputStream(event -> new DownloadResponse(
                        new ByteArrayInputStream(pkcs12), fileName, "application/x-pkcs12", pkcs12.length)),
                getTranslation("erasure.handover.download", fileName));
        download.setId("erasure-download");
        Paragraph password = new Paragraph(getTranslation("erasure.handover.password", issued.password()));
        password.setId("erasure-password");
        handOver.add(new H2(getTranslation("erasure.handover.heading")),
                new Paragraph(getTranslation("erasure.handover.once")), download, password);
    }

    private void act(Supplier<RequestSummary> action, String successKey) {
        try {
            RequestSummary changed = action.get();
            Notification.show(getTranslation(successKey, changed.reference()))
                    .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
        } catch (IllegalArgumentException | IllegalStateException e) {
            Notification.show(getTranslation("erasure.action-rejected", e.getMessage()))
                    .addThemeVariants(NotificationVariant.LUMO_ERROR);
        } catch (DeadlineExtensionRejectedException e) {
            FailureMessage failure = FailureMessage.of(e);
            Notification.show(getTranslation(
                            "erasure.action-rejected", getTranslation(failure.key(), failure.argumentArray())))
                    .addThemeVariants(NotificationVariant.LUMO_ERROR);
        }
        refresh();
    }

    private void refresh() {
        List<RequestSummary> own = requests.list();
        grid.setItems(own);
        if (canAcknowledge) {
            received.setItems(requests.listReceived());
        }
        details.removeAll();
    }
}
