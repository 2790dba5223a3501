package de.klammer.portal.governance.internal;

import de.klammer.portal.governance.SubmissionState;
import de.klammer.portal.ledger.AppliedUpdate;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * Outbox row for an approved proposal: written in the transaction of the last approval, worked off by the ledger
 * submitter. State changes go through methods that reject transitions the life cycle does not allow.
 */
@Entity
@Table(name = "ledger_submission")
public class LedgerSubmission {

    @Id
    private UUID id = new UUID(0, 0);

    @Column(name = "proposal_id", nullable = false, unique = true, updatable = false)
    private UUID proposalId = new UUID(0, 0);

    @Convert(converter = SubmissionStateConverter.class)
    @Column(nullable = false)
    private SubmissionState state = SubmissionState.PENDING;

    @Column(nullable = false)
    private int attempts;

    @Column(name = "next_attempt_at", nullable = false)
    private Instant nextAttemptAt = Instant.EPOCH;

    @Column(name = "tx_id")
    private @Nullable String txId;

    @Column(name = "last_error")
    private @Nullable String lastError;

    @Column(name = "block_number")
    private @Nullable Long blockNumber;

    @Column(name = "sequence")
    private @Nullable Long sequence;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt = Instant.EPOCH;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt = Instant.EPOCH;

    @Version
    private long version;

    protected LedgerSubmission() {}

    /** Creates a pending submission that is due at once. */
    public static LedgerSubmission pending(UUID proposalId) {
        LedgerSubmission submission = new LedgerSubmission();
        submission.id = UUID.randomUUID();
        submission.proposalId = proposalId;
        submission.createdAt = Instant.now();
        submission.updatedAt = submission.createdAt;
        submission.nextAttemptAt = submission.createdAt;
        return submission;
    }

    /** Records that a broadcast is about to start; a crash from here on leaves the row in {@code sending}. */
    public void markSending() {
        if (state != SubmissionState.SENDING) {
            transitionTo(SubmissionState.SENDING);
        }
        this.attempts++;
    }

    /** Records that the ordering service accepted the broadcast. */
    public void markSent(String txId) {
        transitionTo(SubmissionState.SENT);
        this.txId = txId;
        this.lastError = null;
    }

    /** Records the config block that carries the update. */
    public void markConfirmed(AppliedUpdate applied) {
        transitionTo(SubmissionState.CONFIRMED);
        this.blockNumber = applied.blockNumber();
        this.sequence = applied.sequence();
    }

    /** Records that the ordering service rejected the update. */
    public void markFailed(String error) {
        transitionTo(SubmissionState.FAILED);
        this.lastError = error;
    }

    /** Records that the channel config moved on, so this update can no longer apply. */
    public void markStale() {
        transitionTo(SubmissionState.STALE);
    }

    /** Keeps the state and schedules another attempt after {@code delay}. */
    public void retryAfter(Duration delay, String error) {
        if (!state.isInProgress()) {
            throw new IllegalStateException("Submission " + id + " cannot be retried in state " + state.databaseValue());
        }
        this.nextAttemptAt = Instant.now().plus(delay);
        this.lastError = error;
        this.updatedAt = Instant.now();
    }

    /** Counts a failed attempt that happened before any broadcast, for example a failed staleness check. */
    public void countFailedAttempt() {
        this.attempts++;
    }

    private void transitionTo(SubmissionState next) {
        if (!state.canTransitionTo(next)) {
            throw new IllegalStateException("Submission " + id + " cannot move from state " + state.databaseValue()
                    + " to " + next.databaseValue());
        }
        this.state = next;
        this.updatedAt = Instant.now();
    }

    public UUID id() {
        return id;
    }

    public UUID proposalId() {
        return proposalId;
    }

    public SubmissionState state() {
        return state;
    }

    public int attempts() {
        return attempts;
    }

    public Instant nextAttemptAt() {
        return nextAttemptAt;
    }

    public @Nullable String txId() {
        return txId;
    }

    public @Nullable String lastError() {
        return lastError;
    }
}
