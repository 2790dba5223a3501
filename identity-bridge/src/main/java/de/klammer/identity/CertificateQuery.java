package de.klammer.identity;

import java.math.BigInteger;
import org.jspecify.annotations.Nullable;

/**
 * Filter for {@code GET /certificates}; null fields do not filter.
 *
 * @param authorityKeyIdentifier hex, without separators
 */
public record CertificateQuery(
        @Nullable String enrollmentId,
        @Nullable BigInteger serial,
        @Nullable String authorityKeyIdentifier,
        boolean notRevoked,
        boolean notExpired) {

    /** Selects every certificate of an identity, revoked and expired ones included. */
    public static CertificateQuery forIdentity(String enrollmentId) {
        return new CertificateQuery(enrollmentId, null, null, false, false);
    }

    /** Returns the same query limited to certificates that are not revoked. */
    public CertificateQuery onlyNotRevoked() {
        return new CertificateQuery(enrollmentId, serial, authorityKeyIdentifier, true, notExpired);
    }
}
