package de.klammer.portal.identity.review;

import java.util.Locale;

/** Decision on one identity in an access review. */
public enum ReviewDecision {
    /** Not decided yet. */
    PENDING,
    /** The roles stay as they are. */
    CONFIRMED,
    /** The roles are withdrawn, and the identity is revoked at its CA and on the channels. */
    WITHDRAWN;

    /** Returns the lower-case column value. */
    public String databaseValue() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses a column value. */
    public static ReviewDecision fromDatabaseValue(String value) {
        return valueOf(value.toUpperCase(Locale.ROOT));
    }
}
