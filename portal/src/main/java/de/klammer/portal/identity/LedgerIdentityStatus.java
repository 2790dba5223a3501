package de.klammer.portal.identity;

import java.util.Locale;

/**
 * States of a ledger identity. Register and enrol are separate committed steps, so a failure between them leaves
 * {@link #REGISTERED} with the reason, to be resumed or withdrawn.
 */
public enum LedgerIdentityStatus {
    /** Requested, waiting for an administrator of the same authority. */
    REQUESTED,
    /** Approved, not yet registered at the CA; a failed registration stays here with its reason. */
    APPROVED,
    /** Registered at the CA, not yet enrolled; a failed enrolment stays here with its reason. */
    REGISTERED,
    /** Holds a certificate. */
    ENROLLED,
    /**
     * Ended for good without a certificate. NOTE: no step sets it yet, because every failed CA step stays resumable;
     * it can be withdrawn like an open request.
     */
    FAILED,
    /** Withdrawn before enrolment; the CA identity was deleted or revoked. */
    WITHDRAWN,
    /** Revoked at the CA after enrolment. */
    REVOKED;

    /** Returns the lower-case column value. */
    public String databaseValue() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses a column value. */
    public static LedgerIdentityStatus fromDatabaseValue(String value) {
        return valueOf(value.toUpperCase(Locale.ROOT));
    }

    /** Returns whether the request can be continued with resume. */
    public boolean resumable() {
        return this == APPROVED || this == REGISTERED;
    }
}
