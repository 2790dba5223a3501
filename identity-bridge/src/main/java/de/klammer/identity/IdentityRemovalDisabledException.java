package de.klammer.identity;

/** The CA does not allow deleting identities ({@code cfg.identities.allowremove} is off). Nothing was deleted. */
public class IdentityRemovalDisabledException extends CaRequestFailedException {

    public IdentityRemovalDisabledException(
            String caName, String enrollmentId, int httpStatus, int errorCode, String caMessage) {
        super(
                caName,
                enrollmentId,
                "delete identity",
                httpStatus,
                errorCode,
                caMessage,
                "Fabric CA " + caName + " did not delete " + enrollmentId + ", because identity removal is disabled"
                        + " there (error code " + errorCode + "). Set cfg.identities.allowremove: true in the CA"
                        + " configuration and restart it, or revoke the identity instead.");
    }
}
