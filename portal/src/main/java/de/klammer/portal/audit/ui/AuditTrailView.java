package de.klammer.portal.audit.ui;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AccessDeniedErrorRouter;
import de.klammer.portal.audit.AuditVerificationService;
import de.klammer.portal.audit.ChainBreak;
import de.klammer.portal.audit.ChainVerification;
import de.klammer.portal.shell.ui.MainLayout;
import jakarta.annotation.security.RolesAllowed;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.concurrent.DelegatingSecurityContextRunnable;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Verifies the audit trail's hash chain on request. The check runs in the background while the page polls for its
 * progress, so a long trail keeps the page responsive. The result names the first broken row.
 */
@Route(value = "audit-trail", layout = MainLayout.class)
@RolesAllowed({"AUDITOR", "DPO"})
@AccessDeniedErrorRouter
class AuditTrailView extends VerticalLayout implements HasDynamicTitle {

    private static final Logger log = LoggerFactory.getLogger(AuditTrailView.class);
    private static final int POLL_INTERVAL_MILLIS = 500;

    private final AuditVerificationService verification;
    private final Button verifyButton = new Button();
    private final ProgressBar progress = new ProgressBar();
    private final Span progressText = new Span();
    private final Paragraph result = new Paragraph();
    private @Nullable UI ui;

    AuditTrailView(AuditVerificationService verification) {
        this.verification = verification;
        setId("audit-trail-view");

        verifyButton.setText(getTranslation("audit-trail.verify"));
        verifyButton.setId("audit-verify");
        verifyButton.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        verifyButton.addClickListener(event -> startVerification());

        progress.setId("audit-verify-progress");
        progress.setVisible(false);
        progress.getElement().setAttribute("aria-label", getTranslation("audit-trail.progress-label"));
        progressText.setId("audit-verify-progress-text");
        result.setId("audit-verify-result");
        result.getElement().setAttribute("role", "status");

        add(new H1(getTranslation("audit-trail.title")),
                new Paragraph(getTranslation("audit-trail.explanation")),
                verifyButton,
                progress,
                progressText,
                result);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("audit-trail.title");
    }

    @Override
    protected void onAttach(AttachEvent event) {
        ui = event.getUI();
    }

    @Override
    protected void onDetach(DetachEvent event) {
        event.getUI().setPollInterval(-1);
        ui = null;
    }

    private void startVerification() {
        UI current = UI.getCurrent();
        verifyButton.setEnabled(false);
        progress.setVisible(true);
        progress.setIndeterminate(true);
        progressText.setText("");
        result.setText(getTranslation("audit-trail.running"));
        current.setPollInterval(POLL_INTERVAL_MILLIS);

        Runnable task = () -> runVerification(current);
        Thread.ofVirtual()
                .name("audit-verify")
                .start(new DelegatingSecurityContextRunnable(task, SecurityContextHolder.getContext()));
    }

    private void runVerification(UI current) {
        try {
            ChainVerification outcome = verification.verify((verified, total) -> current.access(() -> {
                progress.setIndeterminate(false);
                progress.setValue(total == 0 ? 1 : (double) verified / total);
                progressText.setText(getTranslation("audit-trail.progress", verified, total));
            }));
            current.access(() -> showResult(outcome));
        } catch (RuntimeException e) {
            log.atError().setCause(e).log("Audit trail verification failed");
            current.access(() -> showFailure(e));
        }
    }

    private void showResult(ChainVerification outcome) {
        finish();
        ChainBreak broken = outcome.firstBreak();
        if (broken == null) {
            result.setText(getTranslation("audit-trail.intact", outcome.verifiedRows(), outcome.headHash()));
            return;
        }
        String row = broken.rowId() == null
                ? getTranslation("audit-trail.row-missing-id", broken.sequence())
                : getTranslation("audit-trail.row", broken.sequence(), broken.rowId());
        result.setText(getTranslation(
                "audit-trail.broken", row, getTranslation("audit-trail.kind." + broken.kind().name()),
                broken.description(), outcome.verifiedRows()));
    }

    private void showFailure(RuntimeException error) {
        finish();
        result.setText(getTranslation("audit-trail.failed", error.getMessage()));
    }

    private void finish() {
        progress.setVisible(false);
        verifyButton.setEnabled(true);
        if (ui != null) {
            ui.setPollInterval(-1);
        }
    }
}
