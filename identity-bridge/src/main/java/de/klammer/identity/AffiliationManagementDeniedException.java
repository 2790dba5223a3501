package de.klammer.identity;

/**
 * The registrar may not read or add the affiliation (fabric-ca error 71 on {@code /affiliations}). fabric-ca v1.5
 * requires the attribute {@code hf.AffiliationMgr=true} and an own affiliation at or above the requested one.
 */
public class AffiliationManagementDeniedException extends CaRequestFailedException {

    private final String affiliation;

    public AffiliationManagementDeniedException(
            String caName,
            String registrarId,
            String operation,
            int httpStatus,
            int errorCode,
            String caMessage,
            String affiliation) {
        super(
                caName,
                registrarId,
                operation,
                httpStatus,
                errorCode,
                caMessage,
                "Registrar " + registrarId + " may not " + operation + " '" + affiliation + "' at Fabric CA "
                        + caName + " (error code " + errorCode + "). Give the registrar the attribute"
                        + " hf.AffiliationMgr=true and an affiliation at or above '" + affiliation
                        + "' in the CA configuration, or add the affiliation there by hand.");
        this.affiliation = affiliation;
    }

    public String affiliation() {
        return affiliation;
    }
}
