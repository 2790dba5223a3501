package de.klammer.identity;

/** Enrollment failed because the secret does not match the identity's registered secret. */
public class InvalidEnrollmentSecretException extends CaRequestFailedException {

    public InvalidEnrollmentSecretException(
            String caName, String enrollmentId, int httpStatus, int errorCode, String caMessage) {
        super(
                caName,
                enrollmentId,
                "enroll",
                httpStatus,
                errorCode,
                caMessage,
                "Fabric CA " + caName + " rejected the enrollment secret of " + enrollmentId + " (error code "
                        + errorCode + "). Use the secret returned at registration, or let a registrar set a new one"
                        + " by modifying the identity. The CA locks an identity out after repeated wrong secrets.");
    }
}
