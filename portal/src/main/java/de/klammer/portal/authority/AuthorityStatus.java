package de.klammer.portal.authority;

import java.util.Locale;

/** Life-cycle state of an authority in the consortium, stored in {@code authority.status}. */
public enum AuthorityStatus {
    /** Onboarding proposed; the organisation is not on the channel yet. */
    PROPOSED,
    /** A member of the consortium: its organisation is on the channel and its board members vote. */
    ACTIVE,
    /** Offboarded: its organisation was removed from the channel; kept because proposals and votes refer to it. */
    ARCHIVED;

    /** Returns the lower-case column value. */
    public String databaseValue() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses a column value. */
    public static AuthorityStatus fromDatabaseValue(String value) {
        return valueOf(value.toUpperCase(Locale.ROOT));
    }
}
