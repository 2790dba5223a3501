package de.klammer.portal.identity.internal;

import de.klammer.portal.identity.CertificateRevoked;
import de.klammer.portal.identity.IdentityRevoked;
import java.math.BigInteger;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Marks identities and certificates revoked when the deletion and correction flows revoke them at the CA. */
@Component
class RevocationListener {

    private static final Logger log = LoggerFactory.getLogger(RevocationListener.class);

    private final LedgerIdentityRepository identities;
    private final IdentityCertificateRepository certificates;

    RevocationListener(LedgerIdentityRepository identities, IdentityCertificateRepository certificates) {
        this.identities = identities;
        this.certificates = certificates;
    }

    @EventListener
    @Transactional
    public void on(IdentityRevoked event) {
        Instant now = Instant.now();
        identities.findByEnrollmentId(event.enrollmentId()).ifPresentOrElse(
                identity -> identity.markRevoked(event.reason()),
                () -> log.atDebug().log("No ledger identity {} to mark revoked", event.enrollmentId()));
        certificates.findByEnrollmentIdOrderByNotAfterDescCreatedAtDescKeySerialHexAsc(event.enrollmentId())
                .forEach(certificate -> certificate.revoke(now));
    }

    @EventListener
    @Transactional
    public void on(CertificateRevoked event) {
        // Serials are stored as BigInteger.toString(16): lower case without leading zeros.
        String serialHex = new BigInteger(event.serialHex(), 16).toString(16);
        certificates.findFirstByKeySerialHex(serialHex).ifPresentOrElse(
                certificate -> certificate.revoke(Instant.now()),
                () -> log.atDebug().log("No certificate with serial {} to mark revoked", serialHex));
    }
}
