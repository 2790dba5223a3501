package de.klammer.portal.audit;

/** Thrown when the audit trail cannot be read from the database, so it could not be verified. */
public class AuditTrailUnreadableException extends RuntimeException {

    public AuditTrailUnreadableException(Throwable cause) {
        super("Reading the audit trail failed: " + cause.getMessage()
                + "; check the database connection and that the schema includes the hash chain", cause);
    }
}
