package de.klammer.identity;

/** CRL reason codes of RFC 5280, section 5.3.1, with the names fabric-ca accepts in a revoke request. */
public enum RevocationReason {
    UNSPECIFIED(0, "unspecified"),
    KEY_COMPROMISE(1, "keycompromise"),
    CA_COMPROMISE(2, "cacompromise"),
    AFFILIATION_CHANGED(3, "affiliationchange"),
    SUPERSEDED(4, "superseded"),
    CESSATION_OF_OPERATION(5, "cessationofoperation"),
    CERTIFICATE_HOLD(6, "certificatehold"),
    REMOVE_FROM_CRL(8, "removefromcrl"),
    PRIVILEGE_WITHDRAWN(9, "privilegewithdrawn"),
    AA_COMPROMISE(10, "aacompromise");

    private final int code;
    private final String caName;

    RevocationReason(int code, String caName) {
        this.code = code;
        this.caName = caName;
    }

    /** Returns the numeric reason code that a CRL entry carries. */
    public int code() {
        return code;
    }

    /** Returns the name used in the {@code reason} field of fabric-ca's revoke request. */
    public String caName() {
        return caName;
    }
}
