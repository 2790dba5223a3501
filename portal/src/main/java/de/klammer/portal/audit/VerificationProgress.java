package de.klammer.portal.audit;

/** Receives progress while the audit trail is verified. */
@FunctionalInterface
public interface VerificationProgress {

    /** A listener that ignores the progress. */
    VerificationProgress NONE = (verified, total) -> {};

    /**
     * Reports that {@code verified} of about {@code total} rows are checked; called every few hundred rows and once at
     * the end.
     */
    void rowsVerified(long verified, long total);
}
