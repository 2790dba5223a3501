package de.klammer.portal.identity.erasure;

import java.util.Locale;

/**
 * The committed steps of executing a request, in order. An erasure skips {@link #IDENTITY_CORRECTED}, and a
 * correction ends at {@link #REFUSAL_VERIFIED} because it keeps the person's vault entry.
 */
public enum ExecutionStep {
    /** Nothing executed yet. */
    FILED,
    /** The CA identity carries the corrected attributes and a new certificate was enrolled (correction only). */
    IDENTITY_CORRECTED,
    /** The CA revoked the certificates. */
    REVOKED_AT_CA,
    /** The CRL update was broadcast on every channel of the organisation. */
    CRL_SUBMITTED,
    /** A config block carries the CRL update on every channel. */
    CRL_CONFIRMED,
    /** Each channel's MSP definition rejects the revoked certificates. */
    REFUSAL_VERIFIED,
    /** The person's data key and vault entry are destroyed (erasure only). */
    VAULT_DESTROYED;

    /** Returns the value stored in the database, for example {@code revoked_at_ca}. */
    public String databaseValue() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses a database value. */
    public static ExecutionStep fromDatabase(String value) {
        return valueOf(value.toUpperCase(Locale.ROOT));
    }
}
