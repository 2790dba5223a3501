package de.klammer.portal.onboarding.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.OrderedList;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.router.BeforeEvent;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.HasUrlParameter;
import com.vaadin.flow.router.NotFoundException;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AccessDeniedErrorRouter;
import de.klammer.portal.onboarding.OnboardingDraft;
import de.klammer.portal.onboarding.OnboardingDraftNotFoundException;
import de.klammer.portal.onboarding.OnboardingInputException;
import de.klammer.portal.onboarding.OnboardingService;
import de.klammer.portal.onboarding.OnboardingStep;
import de.klammer.portal.shell.ui.MainLayout;
import jakarta.annotation.security.RolesAllowed;
import java.util.UUID;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.concurrent.DelegatingSecurityContextRunnable;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * The onboarding wizard for one draft. A list of the six steps shows the draft's current step and opens any step already
 * reached. Each step saves to the database, so leaving the page loses nothing that was saved.
 */
@Route(value = "onboarding/draft", layout = MainLayout.class)
@RolesAllowed("NETWORK_OPERATOR")
@AccessDeniedErrorRouter
class OnboardingWizardView extends VerticalLayout implements HasUrlParameter<String>, HasDynamicTitle, WizardContext {

    private static final Logger log = LoggerFactory.getLogger(OnboardingWizardView.class);
    private static final int POLL_INTERVAL_MILLIS = 500;

    private final OnboardingService service;
    private final OrderedList steps = new OrderedList();
    private final Div content = new Div();
    private final ProgressBar progress = new ProgressBar();
    private final Paragraph progressText = new Paragraph();
    private @Nullable OnboardingDraft draft;

    OnboardingWizardView(OnboardingService service) {
        this.service = service;
        setId("onboarding-wizard-view");
        steps.setId("onboarding-steps");
        steps.getElement().setAttribute("aria-label", getTranslation("onboarding.steps"));
        content.setWidthFull();
        progress.setIndeterminate(true);
        progress.setId("onboarding-progress");
        progress.setVisible(false);
        progressText.setId("onboarding-progress-text");
        progressText.getElement().setAttribute("aria-live", "polite");
        add(new H1(getTranslation("onboarding.wizard.heading")), steps, progressText, progress, content);
    }

    @Override
    public void setParameter(BeforeEvent event, String parameter) {
        try {
            draft = service.getDraft(UUID.fromString(parameter));
        } catch (IllegalArgumentException | OnboardingDraftNotFoundException e) {
            throw new NotFoundException("No onboarding draft " + parameter);
        }
        show(draft.step());
    }

    @Override
    public String getPageTitle() {
        return getTranslation("onboarding.wizard.title");
    }

    @Override
    public OnboardingService service() {
        return service;
    }

    @Override
    public OnboardingDraft draft() {
        if (draft == null) {
            throw new IllegalStateException("The wizard has no draft yet");
        }
        return draft;
    }

    @Override
    public void show(OnboardingStep step) {
        OnboardingDraft current = draft();
        renderSteps(current, step);
        content.removeAll();
        if (!current.editable()) {
            Paragraph submitted = new Paragraph(getTranslation("onboarding.wizard.not-editable",
                    getTranslation("onboarding.status." + current.status())));
            submitted.setId("onboarding-not-editable");
            content.add(submitted);
            return;
        }
        content.add(form(step));
    }

    @Override
    public void save(StepForm form, Supplier<OnboardingDraft> save, boolean slow) {
        form.clearErrors();
        if (!slow) {
            apply(form, save);
            return;
        }
        UI ui = UI.getCurrent();
        progress.setVisible(true);
        progressText.setText(getTranslation("onboarding.wizard.checking"));
        form.setEnabled(false);
        ui.setPollInterval(POLL_INTERVAL_MILLIS);
        Runnable task = () -> {
            Result result = Result.of(save);
            ui.access(() -> {
                progress.setVisible(false);
                progressText.setText("");
                form.setEnabled(true);
                ui.setPollInterval(-1);
                apply(form, result::get);
            });
        };
        Thread.ofVirtual()
                .name("onboarding-check")
                .start(new DelegatingSecurityContextRunnable(task, SecurityContextHolder.getContext()));
    }

    @Override
    protected void onDetach(DetachEvent event) {
        event.getUI().setPollInterval(-1);
    }

    private void apply(StepForm form, Supplier<OnboardingDraft> save) {
        try {
            draft = save.get();
            show(draft.step());
        } catch (OnboardingInputException e) {
            form.showError(e.field(), e.getMessage());
        } catch (IllegalArgumentException | IllegalStateException e) {
            log.atWarn().addKeyValue("draft", draft().id()).log("Onboarding step rejected: {}", e.getMessage());
            form.showError("step", e.getMessage());
        }
    }

    private Component form(OnboardingStep step) {
        return switch (step) {
            case IDENTITY -> new IdentityStepForm(this);
            case IDENTITY_PROVIDER -> new IdentityProviderStepForm(this);
            case CERTIFICATE_AUTHORITY -> new CertificateAuthorityStepForm(this);
            case MSP_DEFINITION -> new MspStepForm(this);
            case VALIDATION -> new ValidationStepForm(this);
            case REVIEW -> new ReviewStepForm(this);
        };
    }

    private void renderSteps(OnboardingDraft current, OnboardingStep displayed) {
        steps.removeAll();
        for (OnboardingStep step : OnboardingStep.values()) {
            String label = getTranslation("onboarding.wizard.step-label", step.ordinal() + 1,
                    OnboardingStep.values().length, getTranslation("onboarding.step." + step.databaseValue()));
            ListItem item = new ListItem();
            if (step.ordinal() <= current.step().ordinal() && current.editable()) {
                Button open = new Button(label, event -> show(step));
                open.setId("onboarding-step-" + step.databaseValue());
                open.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
                item.add(open);
            } else {
                item.setText(label);
            }
            if (step == displayed) {
                item.getElement().setAttribute("aria-current", "step");
                item.getStyle().set("font-weight", "bold");
            }
            steps.add(item);
        }
    }

    /** Outcome of a save run in the background, carried to the UI thread. */
    private record Result(@Nullable OnboardingDraft draft, @Nullable RuntimeException failure) {

        static Result of(Supplier<OnboardingDraft> save) {
            try {
                return new Result(save.get(), null);
            } catch (RuntimeException e) {
                return new Result(null, e);
            }
        }

        OnboardingDraft get() {
            if (failure != null) {
                throw failure;
            }
            if (draft == null) {
                throw new IllegalStateException("The onboarding step returned no draft");
            }
            return draft;
        }
    }
}
