package de.klammer.identity;

/** The affiliation to add already exists at the CA (fabric-ca error 60). Nothing was changed. */
public class AffiliationExistsException extends CaRequestFailedException {

    private final String affiliation;

    public AffiliationExistsException(
            String caName, int httpStatus, int errorCode, String caMessage, String affiliation) {
        super(
                caName,
                null,
                "add affiliation",
                httpStatus,
                errorCode,
                caMessage,
                "Affiliation '" + affiliation + "' already exists at Fabric CA " + caName + " (error code "
                        + errorCode + "). Use it as it is, or call ensure to add an affiliation only when missing.");
        this.affiliation = affiliation;
    }

    public String affiliation() {
        return affiliation;
    }
}
