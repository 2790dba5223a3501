package de.klammer.identity;

/**
 * The CA locked the identity out because too many wrong secrets were sent in a row ({@code
 * cfg.identities.passwordattempts}). The CA refuses even the right secret until a registrar sets a new one.
 */
public class IdentityLockedOutException extends CaRequestFailedException {

    public IdentityLockedOutException(
            String caName, String enrollmentId, int httpStatus, int errorCode, String caMessage) {
        super(
                caName,
                enrollmentId,
                "enroll",
                httpStatus,
                errorCode,
                caMessage,
                "Identity " + enrollmentId + " is locked out at Fabric CA " + caName + " after too many wrong"
                        + " enrollment secrets (error code " + errorCode + ": " + sanitize(caMessage) + "). A registrar"
                        + " must set a new secret by modifying the identity, which also resets the count.");
    }
}
