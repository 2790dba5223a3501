package de.klammer.portal.ledger;

import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A change to one organisation's MSP definition on a channel, which needs only that organisation's admin signature
 * because the MSP value's mod_policy is the organisation's {@code Admins}.
 *
 * @param mspId MSP ID of the organisation
 * @param crlPem certificate revocation list of the organisation's CA, PEM; it is added next to the CRLs already there.
 *     Null adds no CRL
 * @param certificateSha256 SHA-256 fingerprints (lower-case hex) of revoked certificates; those listed among the MSP's
 *     explicit admins are removed from them, the others are ignored
 */
public record MspChange(String mspId, @Nullable String crlPem, List<String> certificateSha256) {

    public MspChange {
        Objects.requireNonNull(mspId, "mspId must not be null");
        certificateSha256 = List.copyOf(certificateSha256);
    }
}
