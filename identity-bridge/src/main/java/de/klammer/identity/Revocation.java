package de.klammer.identity;

import java.security.cert.X509CRL;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Result of a revoke request. Revocation at the CA alone changes nothing on the Fabric network: the CRL must go into
 * the organization's MSP definition in the channel configuration.
 *
 * @param crl the CA's new CRL when the request asked for one, otherwise null
 */
public record Revocation(List<RevokedCertificate> revoked, @Nullable X509CRL crl) {

    public Revocation {
        revoked = List.copyOf(revoked);
    }
}
