package de.klammer.portal.onboarding;

import de.klammer.ledger.ImportedMsp;
import de.klammer.portal.governance.OrganizationDefinitions;
import de.klammer.portal.onboarding.internal.OnboardingDraftRepository;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Component;

/** Reads an organisation-addition proposal's MSP definition from the onboarding draft that opened it. */
@Component
class DraftOrganizationDefinitions implements OrganizationDefinitions {

    private final OnboardingDraftRepository drafts;
    private final OnboardingDrafts views;

    DraftOrganizationDefinitions(OnboardingDraftRepository drafts, OnboardingDrafts views) {
        this.drafts = drafts;
        this.views = views;
    }

    @Override
    public Optional<ImportedMsp> forProposal(UUID proposalId) {
        return drafts.findByProposalId(proposalId).map(views::importMsp);
    }
}
