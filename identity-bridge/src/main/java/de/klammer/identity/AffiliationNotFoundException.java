package de.klammer.identity;

import org.jspecify.annotations.Nullable;

/**
 * The requested affiliation does not exist at the CA. On register, fabric-ca v1.5 reports this only as error 71
 * "Authorization failure", so the client then looks the affiliation up to distinguish it from a missing right.
 */
public class AffiliationNotFoundException extends CaRequestFailedException {

    private final String affiliation;

    public AffiliationNotFoundException(
            String caName,
            @Nullable String enrollmentId,
            String operation,
            int httpStatus,
            int errorCode,
            String caMessage,
            String affiliation) {
        super(
                caName,
                enrollmentId,
                operation,
                httpStatus,
                errorCode,
                caMessage,
                "Affiliation '" + affiliation + "' does not exist at Fabric CA " + caName + " (error code "
                        + errorCode + " on " + operation + (enrollmentId == null ? "" : " for " + enrollmentId)
                        + "). Use one of the CA's affiliations or add this one to the CA first.");
        this.affiliation = affiliation;
    }

    public String affiliation() {
        return affiliation;
    }
}
