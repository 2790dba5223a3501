package de.klammer.identity;

import org.jspecify.annotations.Nullable;

/**
 * A Fabric CA operation failed. Subclasses name the failure; the message names the CA, the enrollment ID where one
 * is involved, and what to do. Messages never contain secrets, keys or personal data.
 */
public class FabricCaException extends RuntimeException {

    private final String caName;
    private final @Nullable String enrollmentId;

    protected FabricCaException(
            String caName, @Nullable String enrollmentId, String message, @Nullable Throwable cause) {
        super(message, cause);
        this.caName = caName;
        this.enrollmentId = enrollmentId;
    }

    public String caName() {
        return caName;
    }

    /** Returns the enrollment ID the operation was about, or null for CA-wide operations such as gencrl. */
    public @Nullable String enrollmentId() {
        return enrollmentId;
    }
}
