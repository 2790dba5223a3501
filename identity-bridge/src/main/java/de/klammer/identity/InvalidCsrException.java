package de.klammer.identity;

/** A certificate signing request was rejected before it reached the CA. */
public class InvalidCsrException extends RuntimeException {

    /** The failed check. */
    public enum Reason {
        NOT_PARSEABLE,
        BAD_SIGNATURE,
        SIGNATURE_ALGORITHM,
        KEY_ALGORITHM,
        CURVE,
        COMMON_NAME,
        SUBJECT_ATTRIBUTE,
        EXTENSION
    }

    private final String enrollmentId;
    private final Reason reason;

    public InvalidCsrException(String enrollmentId, Reason reason, String message) {
        super(message);
        this.enrollmentId = enrollmentId;
        this.reason = reason;
    }

    /** Returns the enrollment ID the CSR was checked for. */
    public String enrollmentId() {
        return enrollmentId;
    }

    public Reason reason() {
        return reason;
    }
}
