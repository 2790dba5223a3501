package de.klammer.portal.onboarding;

import java.util.UUID;

/** No onboarding draft has the id. */
public class OnboardingDraftNotFoundException extends RuntimeException {

    public OnboardingDraftNotFoundException(UUID draftId) {
        super("No onboarding draft has the id " + draftId + "; open it from the list of drafts");
    }
}
