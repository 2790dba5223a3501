package de.klammer.portal.identity.erasure;

import java.util.Locale;

/** Kind of a data subject request. */
public enum RequestKind {
    /** Erasure of the person's data and revocation of the identity (GDPR Art. 17). */
    ERASURE,
    /** Rectification of the person's data or of the identity's attributes (GDPR Art. 16). */
    CORRECTION;

    /** Returns the value stored in the database, for example {@code erasure}. */
    public String databaseValue() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses a database value. */
    public static RequestKind fromDatabase(String value) {
        return valueOf(value.toUpperCase(Locale.ROOT));
    }
}
