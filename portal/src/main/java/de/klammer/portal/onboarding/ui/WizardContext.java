package de.klammer.portal.onboarding.ui;

import de.klammer.portal.onboarding.OnboardingDraft;
import de.klammer.portal.onboarding.OnboardingService;
import java.util.function.Supplier;

/** Services of the surrounding wizard that a step form uses. */
interface WizardContext {

    OnboardingService service();

    OnboardingDraft draft();

    /**
     * Runs a step's save and shows the next step, or the error at the field. A slow save, which contacts a provider or
     * CA, runs in the background behind a progress indicator.
     */
    void save(StepForm form, Supplier<OnboardingDraft> save, boolean slow);

    /** Opens the given step of the current draft. */
    void show(de.klammer.portal.onboarding.OnboardingStep step);
}
