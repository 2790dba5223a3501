package de.klammer.portal.governance;

import de.klammer.portal.audit.AuditEntry;
import de.klammer.portal.audit.AuditService;
import de.klammer.portal.governance.ProposalDecisions.AuditActor;
import de.klammer.portal.governance.internal.Proposal;
import de.klammer.portal.governance.internal.ProposalRepository;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Decides open proposals whose voting deadline has passed, and publishes {@link ProposalDeadlineApproaching} once per
 * proposal when its deadline is near. Each proposal is handled in its own transaction under its row lock, and the
 * notice column is set in the transaction that publishes, so two portal instances never both send a notice.
 */
@Component
class ProposalDeadlines {

    private static final Logger log = LoggerFactory.getLogger(ProposalDeadlines.class);

    /** Audit actor of the deadline job's steps. */
    static final String ACTOR = "system:proposal-deadlines";

    private final ProposalRepository proposals;
    private final ProposalDecisions decisions;
    private final TransactionTemplate transactions;
    private final GovernanceProperties properties;
    private final ApplicationEventPublisher events;
    private final AuditService audit;

    ProposalDeadlines(
            ProposalRepository proposals,
            ProposalDecisions decisions,
            TransactionTemplate transactions,
            GovernanceProperties properties,
            ApplicationEventPublisher events,
            AuditService audit) {
        this.proposals = proposals;
        this.decisions = decisions;
        this.transactions = transactions;
        this.properties = properties;
        this.events = events;
        this.audit = audit;
    }

    /** Decides every open proposal past its deadline, then sends the due deadline notices. */
    void processDue(Instant now) {
        List<UUID> expired = transactions.execute(
                status -> proposals.findIdsWithDeadlineAtOrBefore(ProposalStatus.OPEN, now));
        for (UUID proposalId : expired) {
            try {
                transactions.executeWithoutResult(status -> decideAtDeadline(proposalId, now));
            } catch (RuntimeException e) {
                log.atError()
                        .addKeyValue("proposal", proposalId)
                        .setCause(e)
                        .log("Failed to decide a proposal past its voting deadline; retrying on the next run");
            }
        }

        List<UUID> approaching = transactions.execute(status -> proposals.findIdsWithoutNoticeAndDeadlineAtOrBefore(
                ProposalStatus.OPEN, now.plus(properties.deadlineNotice())));
        for (UUID proposalId : approaching) {
            transactions.executeWithoutResult(status -> sendNotice(proposalId, now));
        }
    }

    private void decideAtDeadline(UUID proposalId, Instant now) {
        Proposal proposal = proposals.findByIdForUpdate(proposalId).orElseThrow();
        if (proposal.status() != ProposalStatus.OPEN || !proposal.isPastDeadline(now)) {
            return;
        }
        ApprovalOutcome outcome = decisions.decide(proposal, new AuditActor(ACTOR, null), false, now);
        log.atInfo()
                .addKeyValue("proposal", proposal.reference())
                .addKeyValue("status", outcome.status().databaseValue())
                .log("Decided proposal at its voting deadline");
    }

    private void sendNotice(UUID proposalId, Instant now) {
        Proposal proposal = proposals.findByIdForUpdate(proposalId).orElseThrow();
        Instant deadline = proposal.votingDeadline();
        if (proposal.status() != ProposalStatus.OPEN || deadline == null || proposal.isPastDeadline(now)) {
            return;
        }
        if (!proposal.markDeadlineNoticeSent()) {
            return;
        }
        events.publishEvent(
                new ProposalDeadlineApproaching(proposal.id(), proposal.reference(), proposal.title(), deadline));
        audit.record(new AuditEntry(
                ACTOR, null, "proposal.deadline-approaching", "proposal", proposal.reference(),
                "voting deadline " + deadline));
    }
}
