package de.klammer.portal.governance.internal;

import de.klammer.portal.audit.AuditEntry;
import de.klammer.portal.audit.AuditService;
import de.klammer.portal.governance.ProposalDecided;
import de.klammer.portal.governance.ProposalStatus;
import de.klammer.portal.governance.SubmissionState;
import de.klammer.portal.ledger.AppliedUpdate;
import de.klammer.portal.ledger.AuthoritySignature;
import de.klammer.portal.ledger.LedgerGateway;
import de.klammer.portal.ledger.LedgerRejectedException;
import de.klammer.portal.ledger.LedgerUnavailableException;
import de.klammer.portal.ledger.PreparedUpdate;
import de.klammer.portal.shell.PortalProperties;
import de.klammer.portal.shell.PortalProperties.SubmitterProperties;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Works off the ledger submissions of approved proposals (the transactional outbox). Each step commits on its own,
 * so that a crash leaves a row whose state shows how far it got:
 *
 * <ul>
 *   <li>{@code pending}: checks staleness, records {@code sending}, broadcasts, records {@code sent} with the
 *       transaction id, then waits for the config block and records it;
 *   <li>{@code sending} or {@code sent} (a crash during or after a broadcast): looks for the update on the channel
 *       first and records it when found, so it never sends an applied update again; otherwise marks the proposal
 *       stale or sends again.
 * </ul>
 *
 * Orderer rejections fail the proposal with the orderer's reason; transport failures are retried with exponential
 * back-off. Callers make sure only one portal instance runs this at a time.
 */
@Component
public class LedgerSubmitter {

    private static final Logger log = LoggerFactory.getLogger(LedgerSubmitter.class);

    /** Audit actor of the submitter's steps. */
    static final String ACTOR = "system:ledger-submitter";

    private static final int BATCH_SIZE = 20;
    private static final EnumSet<SubmissionState> IN_PROGRESS =
            EnumSet.of(SubmissionState.PENDING, SubmissionState.SENDING, SubmissionState.SENT);

    private final LedgerSubmissionRepository submissions;
    private final ProposalRepository proposals;
    private final ProposalSignatures signatures;
    private final LedgerGateway ledger;
    private final AuditService audit;
    private final TransactionTemplate transactions;
    private final SubmitterProperties properties;
    private final ApplicationEventPublisher events;

    /** Set by the crash-simulating test hook; a halted submitter does nothing until the process restarts. */
    private volatile boolean halted;

    LedgerSubmitter(
            LedgerSubmissionRepository submissions,
            ProposalRepository proposals,
            ProposalSignatures signatures,
            LedgerGateway ledger,
            AuditService audit,
            TransactionTemplate transactions,
            PortalProperties properties,
            ApplicationEventPublisher events) {
        this.submissions = submissions;
        this.proposals = proposals;
        this.signatures = signatures;
        this.ledger = ledger;
        this.audit = audit;
        this.transactions = transactions;
        this.properties = properties.submitter();
        this.events = events;
    }

    /** Processes every submission that is in progress and due, oldest first, up to a batch of 20. */
    public void processDueSubmissions() {
        if (halted) {
            return;
        }
        List<UUID> due = transactions.execute(
                status -> submissions.findDueIds(IN_PROGRESS, Instant.now(), PageRequest.of(0, BATCH_SIZE)));
        for (UUID submissionId : due) {
            if (halted) {
                return;
            }
            process(submissionId);
        }
    }

    /** Returns whether the test hook {@code halt-after-broadcast} has stopped this submitter. */
    public boolean isHalted() {
        return halted;
    }

    private void process(UUID submissionId) {
        Work work = transactions.execute(status -> load(submissionId));
        if (!work.state().isInProgress()) {
            return;
        }
        if (work.proposalStatus() == ProposalStatus.EXPIRED || work.proposalStatus() == ProposalStatus.REJECTED) {
            // Only approved proposals may reach the orderer; an expired or rejected one has lost its mandate.
            recordNotSendable(work);
            return;
        }
        try {
            if (work.state() == SubmissionState.SENDING || work.state() == SubmissionState.SENT) {
                Optional<AppliedUpdate> applied = ledger.findApplied(work.update());
                if (applied.isPresent()) {
                    recordApplied(work, applied.get(), "found on the channel after an interrupted submission");
                    return;
                }
            }
            if (ledger.isStale(work.update())) {
                recordStale(work);
                return;
            }
            send(work);
        } catch (LedgerRejectedException e) {
            recordRejected(work, e);
        } catch (LedgerUnavailableException e) {
            scheduleRetry(work, e);
        } catch (RuntimeException e) {
            log.atError()
                    .addKeyValue("proposal", work.reference())
                    .addKeyValue("submission", submissionId)
                    .setCause(e)
                    .log("Unexpected failure while submitting config update; retrying later");
            scheduleRetry(work, e);
        }
    }

    private void send(Work work) {
        transactions.executeWithoutResult(status -> submission(work).markSending());
        String txId = ledger.submit(work.update(), work.signatures());
        if (properties.haltAfterBroadcast()) {
            halted = true;
            log.atWarn()
                    .addKeyValue("proposal", work.reference())
                    .addKeyValue("txId", txId)
                    .log("Halted the ledger submitter right after the broadcast (test hook halt-after-broadcast)");
            return;
        }

        transactions.executeWithoutResult(status -> {
            submission(work).markSent(txId);
            Proposal proposal = proposal(work);
            if (proposal.status() == ProposalStatus.APPROVED) {
                proposal.markSubmitted();
            }
            audit(work, "ledger-submission.sent", "broadcast accepted; transaction id " + txId);
        });
        log.atInfo()
                .addKeyValue("proposal", work.reference())
                .addKeyValue("txId", txId)
                .log("Submitted config update to the ordering service");

        Optional<AppliedUpdate> applied = ledger.awaitApplied(work.update(), properties.awaitTimeout());
        if (applied.isPresent()) {
            recordApplied(work, applied.get(), "transaction id " + txId);
        } else {
            transactions.executeWithoutResult(status -> submission(work)
                    .retryAfter(properties.pollInterval(), "config block not seen within " + properties.awaitTimeout()));
            log.atInfo()
                    .addKeyValue("proposal", work.reference())
                    .addKeyValue("txId", txId)
                    .log("Config block not seen yet; checking again on the next run");
        }
    }

    private void recordApplied(Work work, AppliedUpdate applied, String context) {
        transactions.executeWithoutResult(status -> {
            submission(work).markConfirmed(applied);
            Proposal proposal = proposal(work);
            proposal.markApplied(applied);
            events.publishEvent(new ProposalDecided(
                    proposal.id(), proposal.reference(), proposal.title(), ProposalStatus.APPLIED));
            audit(work, "proposal.applied", "applied in config block " + applied.blockNumber() + ", sequence "
                    + applied.sequence() + "; " + context);
        });
        log.atInfo()
                .addKeyValue("proposal", work.reference())
                .addKeyValue("block", applied.blockNumber())
                .addKeyValue("sequence", applied.sequence())
                .log("Config update applied");
    }

    private void recordNotSendable(Work work) {
        String reason = "proposal is " + work.proposalStatus().databaseValue() + "; not sent to the ordering service";
        transactions.executeWithoutResult(status -> {
            submission(work).markFailed(reason);
            audit(work, "ledger-submission.refused", reason);
        });
        log.atWarn().addKeyValue("proposal", work.reference()).log("Refused to submit a proposal that is not approved");
    }

    private void recordStale(Work work) {
        transactions.executeWithoutResult(status -> {
            submission(work).markStale();
            proposal(work).markStale();
            audit(work, "proposal.stale", "the channel config moved on since base sequence "
                    + work.update().baseSequence() + "; recompute to collect signatures again");
        });
        log.atInfo().addKeyValue("proposal", work.reference()).log("Config update is stale; not submitted");
    }

    private void recordRejected(Work work, LedgerRejectedException rejection) {
        String reason = "Orderer status " + rejection.status() + ": " + rejection.ordererMessage() + "\n"
                + rejection.explanation();
        transactions.executeWithoutResult(status -> {
            submission(work).markFailed(reason);
            Proposal proposal = proposal(work);
            proposal.markFailed(reason);
            events.publishEvent(new ProposalDecided(
                    proposal.id(), proposal.reference(), proposal.title(), ProposalStatus.FAILED));
            audit(work, "proposal.failed", reason);
        });
        log.atError()
                .addKeyValue("proposal", work.reference())
                .addKeyValue("status", rejection.status())
                .addKeyValue("ordererMessage", rejection.ordererMessage())
                .log("Ordering service rejected the config update");
    }

    private void scheduleRetry(Work work, RuntimeException failure) {
        String error = failure.getClass().getSimpleName() + ": " + failure.getMessage();
        Duration delay = transactions.execute(status -> {
            LedgerSubmission submission = submission(work);
            if (submission.state() == SubmissionState.PENDING) {
                submission.countFailedAttempt();
            }
            Duration backoff = backoff(submission.attempts());
            submission.retryAfter(backoff, error);
            audit(work, "ledger-submission.retry-scheduled", error + "; attempt " + submission.attempts()
                    + "; next attempt in " + backoff);
            return backoff;
        });
        log.atWarn()
                .addKeyValue("proposal", work.reference())
                .addKeyValue("delay", delay)
                .addKeyValue("error", error)
                .log("Ledger unavailable; retrying the submission later");
    }

    /** Returns the wait before the next attempt: the initial back-off doubled per earlier attempt, capped. */
    Duration backoff(int attempts) {
        Duration delay = properties.initialBackoff();
        for (int attempt = 1; attempt < attempts && delay.compareTo(properties.maxBackoff()) < 0; attempt++) {
            delay = delay.multipliedBy(2);
        }
        return delay.compareTo(properties.maxBackoff()) > 0 ? properties.maxBackoff() : delay;
    }

    private Work load(UUID submissionId) {
        LedgerSubmission submission = submissions.findById(submissionId)
                .orElseThrow(() -> new IllegalStateException("Submission " + submissionId + " not found"));
        Proposal proposal = proposals.findById(submission.proposalId())
                .orElseThrow(() -> new IllegalStateException("Proposal " + submission.proposalId() + " not found"));
        PreparedUpdate update = proposal.preparedUpdate();
        return new Work(
                submission.id(), proposal.id(), proposal.reference(), submission.state(), proposal.status(),
                update, signatures.of(proposal.id(), update.sha256()));
    }

    private LedgerSubmission submission(Work work) {
        return submissions.findById(work.submissionId())
                .orElseThrow(() -> new IllegalStateException("Submission " + work.submissionId() + " not found"));
    }

    private Proposal proposal(Work work) {
        return proposals.findById(work.proposalId())
                .orElseThrow(() -> new IllegalStateException("Proposal " + work.reference() + " not found"));
    }

    /**
     * Records an audit event with e-mail-like text masked, because orderer errors name Fabric identities such as
     * Admin@bamf.example.com, which the audit trail rejects as addresses.
     */
    private void audit(Work work, String action, String details) {
        audit.record(new AuditEntry(
                ACTOR, null, action, "proposal", work.reference(), AuditService.withoutEmailAddresses(details)));
    }

    /** Snapshot of one submission and what sending it needs, read in one transaction. */
    private record Work(
            UUID submissionId,
            UUID proposalId,
            String reference,
            SubmissionState state,
            ProposalStatus proposalStatus,
            PreparedUpdate update,
            List<AuthoritySignature> signatures) {}
}
