package de.klammer.portal.identity.review;

import java.util.Locale;

/** State of the revocation that withdrawing an identity's roles starts. */
public enum RevocationState {
    /** Decided and committed; the revocation has not finished yet, or the portal stopped while it ran. */
    PENDING,
    /** Revoked at the CA, and the CRL is in the organisation's MSP definition on every channel where it is a member. */
    DONE,
    /** The CA or a channel update failed; an administrator can retry. */
    FAILED;

    /** Returns the lower-case column value. */
    public String databaseValue() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses a column value. */
    public static RevocationState fromDatabaseValue(String value) {
        return valueOf(value.toUpperCase(Locale.ROOT));
    }
}
