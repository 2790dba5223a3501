package de.klammer.identity;

/** No identity with the enrollment ID is registered at the CA. */
public class IdentityNotFoundException extends CaRequestFailedException {

    public IdentityNotFoundException(
            String caName, String enrollmentId, String operation, int httpStatus, int errorCode, String caMessage) {
        super(
                caName,
                enrollmentId,
                operation,
                httpStatus,
                errorCode,
                caMessage,
                "Identity " + enrollmentId + " is not registered at Fabric CA " + caName + ", so " + operation
                        + " failed (error code " + errorCode
                        + "). Check the enrollment ID and the CA, or register it.");
    }
}
