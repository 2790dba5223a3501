package de.klammer.portal.identity.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.router.BeforeEvent;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.HasUrlParameter;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AccessDeniedErrorRouter;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;
import com.vaadin.flow.server.streams.InMemoryUploadCallback;
import com.vaadin.flow.server.streams.InMemoryUploadHandler;
import de.klammer.identity.InvalidCsrException;
import de.klammer.identity.PersonRecord;
import de.klammer.identity.PersonalDataFoundException;
import de.klammer.portal.identity.EnrollmentOutcome;
import de.klammer.portal.identity.EnrollmentRuleViolationException;
import de.klammer.portal.identity.FailureMessage;
import de.klammer.portal.identity.HandedOverKeyStore;
import de.klammer.portal.identity.IdentityKind;
import de.klammer.portal.identity.IdentityVaultService;
import de.klammer.portal.identity.KeySource;
import de.klammer.portal.identity.LedgerIdentityDetails;
import de.klammer.portal.identity.LedgerIdentityNotFoundException;
import de.klammer.portal.identity.LedgerIdentityService;
import de.klammer.portal.identity.LedgerIdentityStatus;
import de.klammer.portal.security.CurrentUser;
import de.klammer.portal.security.PortalRole;
import de.klammer.portal.security.PortalUser;
import de.klammer.portal.shell.ui.MainLayout;
import jakarta.annotation.security.RolesAllowed;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * One ledger identity: its state and last failure, the actions its state allows (approve, resume, withdraw, renew),
 * the CSR upload, the one-time hand-over of a generated key, and resolving the pseudonym for a stated purpose.
 */
@Route(value = "identities", layout = MainLayout.class)
@RolesAllowed({"CLERK", "AUTHORITY_ADMIN", "DPO", "AUDITOR"})
@AccessDeniedErrorRouter
class LedgerIdentityDetailsView extends VerticalLayout implements HasUrlParameter<String>, HasDynamicTitle {

    /** Upper bound for an uploaded CSR; a P-256 PKCS#10 request in PEM takes well under 1 KB. */
    static final int MAX_CSR_BYTES = 16 * 1024;

    private final LedgerIdentityService identities;
    private final IdentityVaultService vault;
    private final PortalUser user;
    private final Div content = new Div();
    private @Nullable UUID id;

    LedgerIdentityDetailsView(LedgerIdentityService identities, IdentityVaultService vault, CurrentUser currentUser) {
        this.identities = identities;
        this.vault = vault;
        this.user = currentUser.require();
        setId("identity-details-view");
        content.setWidthFull();
        add(content);
    }

    @Override
    public void setParameter(BeforeEvent event, String parameter) {
        try {
            id = UUID.fromString(parameter);
            show(identities.details(id), null);
        } catch (IllegalArgumentException | LedgerIdentityNotFoundException e) {
            content.removeAll();
            content.add(new H1(getTranslation("identity.details.not-found")));
        }
    }

    @Override
    public String getPageTitle() {
        return getTranslation("identity.details.title");
    }

    private void show(LedgerIdentityDetails identity, @Nullable HandedOverKeyStore keyStore) {
        content.removeAll();
        content.add(new H1(getTranslation("identity.details.heading", identity.enrollmentId())));
        content.add(createFacts(identity));
        if (identity.failureCode() != null) {
            content.add(createFailure(identity));
        }
        if (keyStore != null) {
            content.add(createHandOver(keyStore));
        }
        content.add(createActions(identity));
        if (mayUploadCsr(identity)) {
            content.add(createCsrUpload(identity));
        }
        if (identity.kind() == IdentityKind.PERSON
                && (user.hasRole(PortalRole.DPO) || user.hasRole(PortalRole.AUTHORITY_ADMIN))) {
            content.add(createResolve(identity));
        }
    }

    private Component createFacts(LedgerIdentityDetails identity) {
        VerticalLayout facts = new VerticalLayout();
        facts.setPadding(false);
        facts.add(fact("identity.status", IdentityTexts.status(this, identity.status()), "identity-status"));
        facts.add(fact("identity.kind", IdentityTexts.kind(this, identity.kind()), null));
        facts.add(fact("identity.roles", IdentityTexts.roles(this, identity.roles()), null));
        facts.add(fact("identity.concept-role", Objects.requireNonNullElse(
                identity.conceptRole(), getTranslation("identity.concept-role.none")), "identity-concept-role"));
        facts.add(fact("identity.valid-until", identity.validUntil().toString(), null));
        facts.add(fact("identity.key-source", getTranslation("identity.key-source."
                + identity.keySource().name().toLowerCase(Locale.ROOT)), null));
        facts.add(fact("identity.requester", identity.requester(), null));
        facts.add(fact("identity.approver", Objects.requireNonNullElse(identity.approver(), "–"), null));
        if (identity.awaitsCsr()) {
            facts.add(new Paragraph(getTranslation("identity.details.awaits-csr", identity.enrollmentId())));
        }
        identity.certificates().forEach(certificate -> facts.add(fact(
                "identity.certificate.serial",
                certificate.serialHex() + " · " + certificate.status() + " · "
                        + IdentityTexts.dateTime(certificate.notAfter(), getLocale()),
                null)));
        return facts;
    }

    private Component fact(String labelKey, String value, @Nullable String elementId) {
        Paragraph paragraph = new Paragraph(getTranslation(labelKey) + ": " + value);
        if (elementId != null) {
            paragraph.setId(elementId);
        }
        return paragraph;
    }

    private Component createFailure(LedgerIdentityDetails identity) {
        Div failure = new Div();
        failure.setId("identity-failure");
        failure.getElement().setAttribute("role", "alert");
        failure.getStyle().set("color", "var(--lumo-error-text-color)");
        failure.add(new H2(getTranslation("identity.failure." + identity.failureCode())));
        failure.add(new Paragraph(Objects.requireNonNullElse(identity.failureReason(), "")));
        return failure;
    }

    private Component createHandOver(HandedOverKeyStore keyStore) {
        byte[] pkcs12 = keyStore.pkcs12();
        Anchor download = new Anchor(
                DownloadHandler.fromInputStream(event -> new DownloadResponse(
                        new ByteArrayInputStream(pkcs12), keyStore.fileName(), "application/x-pkcs12", pkcs12.length)),
                getTranslation("identity.handover.download", keyStore.fileName()));
        download.setId("identity-download");
        Paragraph password = new Paragraph(getTranslation("identity.handover.password", keyStore.password()));
        password.setId("identity-password");
        Div handOver = new Div(new H2(getTranslation("identity.handover.heading")),
                new Paragraph(getTranslation("identity.handover.once")), download, password);
        handOver.setId("identity-handover");
        return handOver;
    }

    private Component createActions(LedgerIdentityDetails identity) {
        HorizontalLayout actions = new HorizontalLayout();
        boolean admin = user.hasRole(PortalRole.AUTHORITY_ADMIN);
        LedgerIdentityStatus status = identity.status();
        if (admin && status == LedgerIdentityStatus.REQUESTED) {
            actions.add(action("identity.action.approve", "approve-identity", () -> identities.approve(id)));
        }
        if (admin && status.resumable()) {
            actions.add(action("identity.action.resume", "resume-identity", () -> identities.resume(id)));
        }
        if (admin && status == LedgerIdentityStatus.ENROLLED) {
            actions.add(action("identity.action.renew", "renew-identity", () -> identities.renew(id)));
        }
        boolean withdrawable = status == LedgerIdentityStatus.REQUESTED
                || status.resumable()
                || status == LedgerIdentityStatus.FAILED;
        if ((admin || user.hasRole(PortalRole.CLERK)) && withdrawable) {
            Button withdraw = new Button(getTranslation("identity.action.withdraw"), event -> run(
                    () -> new EnrollmentOutcome(identities.withdraw(id), null)));
            withdraw.setId("withdraw-identity");
            withdraw.addThemeVariants(ButtonVariant.LUMO_ERROR);
            actions.add(withdraw);
        }
        return actions;
    }

    private Button action(String labelKey, String elementId, Supplier<EnrollmentOutcome> work) {
        Button button = new Button(getTranslation(labelKey), event -> run(work));
        button.setId(elementId);
        button.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        button.setDisableOnClick(true);
        return button;
    }

    private void run(Supplier<EnrollmentOutcome> work) {
        try {
            EnrollmentOutcome outcome = work.get();
            show(outcome.identity(), outcome.keyStore());
        } catch (EnrollmentRuleViolationException e) {
            error(getTranslation("identity.error.own-request"));
        } catch (IllegalStateException e) {
            error(getTranslation("identity.error.state", e.getMessage()));
            show(identities.details(id), null);
        }
    }

    private boolean mayUploadCsr(LedgerIdentityDetails identity) {
        LedgerIdentityStatus status = identity.status();
        return identity.keySource() == KeySource.CSR
                && (status == LedgerIdentityStatus.REQUESTED
                        || status.resumable()
                        || status == LedgerIdentityStatus.ENROLLED);
    }

    private Component createCsrUpload(LedgerIdentityDetails identity) {
        Upload upload = new Upload();
        upload.setId("identity-csr-upload");
        upload.setMaxFiles(1);
        upload.setMaxFileSize(MAX_CSR_BYTES);
        upload.setAcceptedFileTypes(".csr", ".pem", ".req", "application/pkcs10");
        upload.addFileRejectedListener(event -> error(getTranslation("identity.csr.rejected", MAX_CSR_BYTES)));
        upload.setUploadHandler(csrUploadHandler((metadata, bytes) -> getUI().ifPresent(ui -> ui.access(
                () -> attachCsr(new String(bytes, StandardCharsets.US_ASCII))))));
        Div section = new Div(new H2(getTranslation("identity.csr.heading")),
                new Paragraph(getTranslation("identity.csr.help", identity.enrollmentId())), upload);
        return section;
    }

    /**
     * Returns an in-memory upload handler that rejects more than one file or a file over {@link #MAX_CSR_BYTES} on the
     * server too, because a hand-made request bypasses the browser's check of {@code setMaxFileSize}.
     */
    static InMemoryUploadHandler csrUploadHandler(InMemoryUploadCallback callback) {
        return new InMemoryUploadHandler(callback) {
            @Override
            public long getFileSizeMax() {
                return MAX_CSR_BYTES;
            }

            @Override
            public long getFileCountMax() {
                return 1;
            }
        };
    }

    private void attachCsr(String pem) {
        try {
            show(identities.attachCsr(id, pem), null);
            Notification.show(getTranslation("identity.csr.attached"))
                    .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
        } catch (InvalidCsrException e) {
            FailureMessage failure = FailureMessage.of(e);
            error(getTranslation(failure.key(), failure.argumentArray()));
        } catch (PersonalDataFoundException e) {
            error(getTranslation("identity.csr.personal-data"));
        }
    }

    private Component createResolve(LedgerIdentityDetails identity) {
        TextField purpose = new TextField(getTranslation("identity.resolve.purpose"));
        purpose.setId("identity-resolve-purpose");
        purpose.setRequiredIndicatorVisible(true);
        Paragraph result = new Paragraph();
        result.setId("identity-resolve-result");
        Button resolve = new Button(getTranslation("identity.resolve.action"), event -> {
            if (purpose.getValue().isBlank()) {
                purpose.setInvalid(true);
                purpose.setErrorMessage(getTranslation("identity.resolve.purpose.required"));
                return;
            }
            PersonRecord person = vault.resolve(identity.enrollmentId(), purpose.getValue());
            result.setText(getTranslation("identity.resolve.result",
                    Objects.requireNonNullElse(person.givenName(), ""),
                    Objects.requireNonNullElse(person.familyName(), ""),
                    Objects.requireNonNullElse(person.email(), "–")));
        });
        resolve.setId("identity-resolve");
        return new Div(new H2(getTranslation("identity.resolve.heading")), purpose, resolve, result);
    }

    private void error(String message) {
        Notification.show(message).addThemeVariants(NotificationVariant.LUMO_ERROR);
    }
}
