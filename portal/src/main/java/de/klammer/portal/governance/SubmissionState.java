package de.klammer.portal.governance;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/**
 * Life cycle of a ledger submission, the outbox row of an approved proposal. {@code sending} and {@code sent} rows
 * are reconciled against the channel before anything is sent again.
 */
public enum SubmissionState {
    PENDING,
    SENDING,
    SENT,
    CONFIRMED,
    FAILED,
    STALE;

    /** Returns the value stored in the {@code ledger_submission.state} column, for example {@code pending}. */
    public String databaseValue() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Returns the state for a {@code ledger_submission.state} column value. */
    public static SubmissionState fromDatabaseValue(String value) {
        return Arrays.stream(values())
                .filter(state -> state.databaseValue().equals(value))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("Unknown submission state: " + value));
    }

    /** Returns whether the submitter still has work to do on a row in this state. */
    public boolean isInProgress() {
        return this == PENDING || this == SENDING || this == SENT;
    }

    /** Returns whether a submission in this state may move to {@code next}. */
    public boolean canTransitionTo(SubmissionState next) {
        return successors().contains(next);
    }

    private Set<SubmissionState> successors() {
        return switch (this) {
            case PENDING -> EnumSet.of(SENDING, STALE, FAILED);
            case SENDING -> EnumSet.of(SENT, CONFIRMED, STALE, FAILED);
            // sent -> sending is a resend after the update was neither found on the channel nor stale.
            case SENT -> EnumSet.of(SENDING, CONFIRMED, STALE, FAILED);
            case CONFIRMED, FAILED, STALE -> EnumSet.noneOf(SubmissionState.class);
        };
    }
}
