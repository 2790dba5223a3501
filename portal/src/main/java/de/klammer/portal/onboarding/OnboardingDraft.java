package de.klammer.portal.onboarding;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * An onboarding draft as the wizard shows it. Values of steps not saved yet are null. Secrets are never returned, only
 * whether one is stored.
 *
 * @param status {@code draft}, {@code submitted} (its proposal is being decided), {@code completed} or
 *     {@code discarded}
 * @param step the step the wizard opens at when the draft is resumed
 * @param caChainSubjects subjects of the chain the CA's cainfo returned, leaf first
 * @param createdBy pseudonym of the administrator who started the draft
 */
public record OnboardingDraft(
        UUID id,
        String status,
        OnboardingStep step,
        @Nullable String name,
        @Nullable String authorityType,
        @Nullable String mspId,
        @Nullable String code,
        @Nullable String oidcIssuer,
        @Nullable String oidcClientId,
        boolean oidcClientSecretStored,
        @Nullable String caUrl,
        @Nullable String caName,
        @Nullable String caTlsRootPem,
        List<String> caChainSubjects,
        @Nullable String caRegistrarId,
        boolean caRegistrarSecretStored,
        @Nullable String caAffiliation,
        @Nullable MspFormat mspFormat,
        @Nullable String mspFileName,
        @Nullable String mspOrganization,
        @Nullable UUID proposalId,
        String createdBy,
        Instant updatedAt) {

    public OnboardingDraft {
        caChainSubjects = List.copyOf(caChainSubjects);
    }

    /** Returns whether the draft can still be edited: it is neither submitted, completed nor discarded. */
    public boolean editable() {
        return status.equals("draft");
    }
}
