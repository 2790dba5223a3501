package de.klammer.portal.identity.erasure;

import java.util.Locale;

/** Status of a data subject request. */
public enum RequestStatus {
    /** Filed, nothing executed yet. */
    OPEN,
    /** Execution started; resumable from its last committed step. */
    IN_PROGRESS,
    /** Every step done. */
    COMPLETED,
    /** Closed without erasure because an Art. 17(3) GDPR exception requires keeping the data. */
    RETAINED,
    /** The last execution attempt failed; the step before it is committed and execution can be resumed. */
    FAILED;

    /** Returns the value stored in the database, for example {@code in_progress}. */
    public String databaseValue() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses a database value. */
    public static RequestStatus fromDatabase(String value) {
        return valueOf(value.toUpperCase(Locale.ROOT));
    }

    /** Returns whether the request still awaits a response, so its due date matters. */
    public boolean isPending() {
        return this == OPEN || this == IN_PROGRESS || this == FAILED;
    }
}
