package de.klammer.portal.identity.erasure;

import de.klammer.identity.CertificateQuery;
import de.klammer.identity.FabricCaClient;
import de.klammer.identity.RevocationReason;
import de.klammer.identity.RevocationTarget;
import de.klammer.portal.identity.CertificateAuthorities;
import de.klammer.portal.ledger.AppliedUpdate;
import de.klammer.portal.ledger.AuthoritySignature;
import de.klammer.portal.ledger.LedgerGateway;
import de.klammer.portal.ledger.MspChange;
import de.klammer.portal.ledger.PreparedUpdate;
import de.klammer.portal.shell.PortalProperties;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * Revokes ledger identities so that the orderer rejects them: revokes all their certificates at their authority's CA,
 * generates the CRL and puts it into the organisation's MSP definition on every channel where it is a member. The
 * same update removes revoked certificates from the MSP admins. It runs no database transaction, so callers record
 * the outcome themselves, and it can run again after a failure: identities without an unrevoked certificate are
 * skipped at the CA, and the CRL goes onto the channels again.
 */
@Component
public class IdentityRevocation {

    private final CertificateAuthorities certificateAuthorities;
    private final LedgerGateway ledger;
    private final ErasureProperties erasureProperties;
    private final String portalChannel;

    IdentityRevocation(
            CertificateAuthorities certificateAuthorities,
            LedgerGateway ledger,
            ErasureProperties erasureProperties,
            PortalProperties portalProperties) {
        this.certificateAuthorities = certificateAuthorities;
        this.ledger = ledger;
        this.erasureProperties = erasureProperties;
        this.portalChannel = portalProperties.channel();
    }

    /**
     * Revokes the identities of one organisation and puts the CRL on its channels, one update per channel that the
     * organisation's admin signs.
     *
     * @param mspId MSP ID of the organisation whose CA enrolled the identities
     * @param enrollmentIds pseudonymous enrolment IDs at that CA
     * @return each channel where the CRL is now in force, with its block, as {@code "<channel> block <number>"}
     * @throws de.klammer.identity.FabricCaException when the CA is unreachable or rejects the revocation
     * @throws IllegalStateException when a channel does not apply the update within the erasure await timeout
     */
    public List<String> revoke(String mspId, List<String> enrollmentIds, RevocationReason reason) {
        FabricCaClient client = certificateAuthorities.client(mspId);
        List<String> fingerprints = new ArrayList<>();
        for (String enrollmentId : enrollmentIds) {
            List<X509Certificate> active = client.identities()
                    .listCertificates(CertificateQuery.forIdentity(enrollmentId).onlyNotRevoked());
            active.forEach(certificate -> fingerprints.add(CertificateEncodings.sha256(certificate)));
            // An earlier run may have revoked it before its channel update failed.
            if (!active.isEmpty()) {
                client.revoke(new RevocationTarget.Identity(enrollmentId), reason, false);
            }
        }
        String crlPem = CertificateEncodings.pem(client.generateCrl());
        List<String> blocks = new ArrayList<>();
        for (String channel : channels()) {
            boolean member = ledger.readChannel(channel).organizations().stream()
                    .anyMatch(organization -> organization.mspId().equals(mspId));
            if (member) {
                blocks.add(channel + " block " + putCrlOnChannel(channel, mspId, crlPem, fingerprints));
            }
        }
        return blocks;
    }

    /** Adds the CRL, and removes revoked listed admins, in one update that the organisation's admin signs. */
    private long putCrlOnChannel(String channel, String mspId, String crlPem, List<String> fingerprints) {
        PreparedUpdate update = ledger.prepareMspChange(channel, new MspChange(mspId, crlPem, fingerprints));
        AuthoritySignature signature = ledger.sign(mspId, update);
        ledger.submit(update, List.of(signature));
        AppliedUpdate applied = ledger.awaitApplied(update, erasureProperties.awaitTimeout())
                .orElseThrow(() -> new IllegalStateException("The CRL update of " + mspId + " on channel " + channel
                        + " was not applied within " + erasureProperties.awaitTimeout()));
        return applied.blockNumber();
    }

    private List<String> channels() {
        return erasureProperties.channels().isEmpty() ? List.of(portalChannel) : erasureProperties.channels();
    }
}
