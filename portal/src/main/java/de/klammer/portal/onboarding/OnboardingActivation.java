package de.klammer.portal.onboarding;

import de.klammer.portal.audit.AuditEntry;
import de.klammer.portal.audit.AuditService;
import de.klammer.portal.governance.ProposalDecided;
import de.klammer.portal.governance.ProposalStatus;
import de.klammer.portal.onboarding.internal.AuthorityRows;
import de.klammer.portal.onboarding.internal.OnboardingDraftEntity;
import de.klammer.portal.onboarding.internal.OnboardingDraftRepository;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Follows the decision on an onboarding proposal. When its update is applied, the proposed authority becomes active
 * and the draft completed. When it is rejected, expires or fails, the proposed authority row is deleted and the draft
 * opens again, so the administrator can fix it and submit once more. It runs in the transaction that records the
 * decision, so both change together or not at all.
 */
@Component
class OnboardingActivation {

    private static final Logger log = LoggerFactory.getLogger(OnboardingActivation.class);
    private static final String SYSTEM_ACTOR = "system:onboarding";

    private final OnboardingDraftRepository drafts;
    private final AuthorityRows authorityRows;
    private final AuditService audit;

    OnboardingActivation(OnboardingDraftRepository drafts, AuthorityRows authorityRows, AuditService audit) {
        this.drafts = drafts;
        this.authorityRows = authorityRows;
        this.audit = audit;
    }

    // A proposal that goes stale publishes no decision, so its draft stays submitted. A board member recomputes the
    // proposal from the draft's MSP definition (DraftOrganizationDefinitions), and voting starts over.
    @EventListener
    void onProposalDecided(ProposalDecided event) {
        Optional<OnboardingDraftEntity> linked = drafts.findByProposalId(event.proposalId());
        if (linked.isEmpty()) {
            return;
        }
        OnboardingDraftEntity draft = linked.get();
        if (event.outcome() == ProposalStatus.APPLIED) {
            Optional<String> code = authorityRows.activate(event.proposalId());
            draft.markCompleted();
            record(draft, "onboarding.completed", "proposal " + event.reference() + " applied; authority "
                    + code.orElse(String.valueOf(draft.code())) + " is active");
            log.atInfo()
                    .addKeyValue("proposal", event.reference())
                    .addKeyValue("mspId", draft.mspId())
                    .log("Onboarded authority is active");
            return;
        }
        if (event.outcome() == ProposalStatus.REJECTED
                || event.outcome() == ProposalStatus.EXPIRED
                || event.outcome() == ProposalStatus.FAILED) {
            authorityRows.deleteProposed(event.proposalId());
            draft.reopen();
            record(draft, "onboarding.reopened", "proposal " + event.reference() + " ended "
                    + event.outcome().databaseValue() + "; the proposed authority is removed and the draft can change"
                    + " again");
        }
    }

    private void record(OnboardingDraftEntity draft, String action, String details) {
        audit.record(new AuditEntry(SYSTEM_ACTOR, null, action, "onboarding-draft", draft.id().toString(), details));
    }
}
