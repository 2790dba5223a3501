package de.klammer.portal.offboarding;

import de.klammer.portal.audit.AuditEntry;
import de.klammer.portal.audit.AuditService;
import de.klammer.portal.authority.AuthorityService;
import de.klammer.portal.governance.ProposalDecided;
import de.klammer.portal.offboarding.internal.OffboardingStore;
import de.klammer.portal.offboarding.internal.OffboardingStore.Row;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Follows the decision on an organisation-removal proposal. It runs in the transaction that records the decision, so
 * the authority's status changes together with the proposal or not at all. An applied removal archives the authority
 * and, after the commit, starts the revocation of its identities. A rejected, expired or failed one leaves the
 * authority active and ends the offboarding.
 */
@Component
class OffboardingDecisions {

    private static final Logger log = LoggerFactory.getLogger(OffboardingDecisions.class);

    /** Audit actor of the steps that follow a decision. */
    static final String SYSTEM_ACTOR = "system:offboarding";

    private final OffboardingStore store;
    private final AuthorityService authorities;
    private final OffboardingRevocation revocation;
    private final AuditService audit;

    OffboardingDecisions(
            OffboardingStore store,
            AuthorityService authorities,
            OffboardingRevocation revocation,
            AuditService audit) {
        this.store = store;
        this.authorities = authorities;
        this.revocation = revocation;
        this.audit = audit;
    }

    @EventListener
    void onProposalDecided(ProposalDecided event) {
        Optional<Row> offboarding = store.find(event.proposalId());
        if (offboarding.isEmpty()) {
            return;
        }
        Row row = offboarding.get();
        switch (event.outcome()) {
            case APPLIED -> archive(row, event.reference());
            case REJECTED, EXPIRED, FAILED -> abandon(row, event.reference(), event.outcome().databaseValue());
            default -> log.atDebug().log("Offboarding proposal {} is {}", event.reference(), event.outcome());
        }
    }

    private void archive(Row row, String reference) {
        if (!store.transition(row.proposalId(), OffboardingState.PROPOSED.databaseValue(),
                OffboardingState.REVOKING.databaseValue())) {
            return;
        }
        boolean archived = authorities.archive(row.authorityId(), row.proposalId());
        audit.record(new AuditEntry(SYSTEM_ACTOR, null, "authority.archived", "authority", row.mspId(), archived
                ? "organisation removed from the channel by proposal " + reference + "; authority archived"
                : "organisation removed from the channel by proposal " + reference + "; authority was not active"));
        log.atInfo()
                .addKeyValue("mspId", row.mspId())
                .addKeyValue("proposal", reference)
                .log("Archived offboarded authority; revoking its identities after the commit");
        revocation.runAfterCommit(row.proposalId());
    }

    private void abandon(Row row, String reference, String status) {
        if (!store.transition(row.proposalId(), OffboardingState.PROPOSED.databaseValue(),
                OffboardingState.ABANDONED.databaseValue())) {
            return;
        }
        authorities.linkOffboardingProposal(row.authorityId(), null);
        audit.record(new AuditEntry(SYSTEM_ACTOR, null, "offboarding.abandoned", "authority", row.mspId(),
                "proposal " + reference + " is " + status + "; the authority stays active"));
    }
}
