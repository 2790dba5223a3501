package de.klammer.portal.identity.internal;

import de.klammer.identity.EnrollmentCertificates;
import de.klammer.identity.RevocationTarget;
import de.klammer.portal.identity.CertificateReissued;
import java.nio.charset.StandardCharsets;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.Base64;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Records a certificate that the correction flow issued in the identity's certificate list, so that the expiry
 * warning and renewal see it, and applies corrected roles. The earlier active certificates become superseded
 * until their revocation marks them revoked.
 */
@Component
class ReissueListener {

    private static final Logger log = LoggerFactory.getLogger(ReissueListener.class);

    private final LedgerIdentityRepository identities;
    private final IdentityCertificateRepository certificates;

    ReissueListener(LedgerIdentityRepository identities, IdentityCertificateRepository certificates) {
        this.identities = identities;
        this.certificates = certificates;
    }

    @EventListener
    @Transactional
    public void on(CertificateReissued event) {
        LedgerIdentity identity = identities.findByEnrollmentId(event.enrollmentId()).orElse(null);
        if (identity == null) {
            // Identities enrolled outside Klammer have no ledger identity row to attach the certificate to.
            log.atDebug().log("No ledger identity {} to record the reissued certificate for", event.enrollmentId());
            return;
        }
        X509Certificate certificate = event.certificate();
        String serialHex = certificate.getSerialNumber().toString(16);
        certificates
                .findByEnrollmentIdAndStatus(identity.enrollmentId(), IdentityCertificate.ACTIVE)
                .forEach(IdentityCertificate::supersede);
        String roles = EnrollmentCertificates.attributes(certificate).get(CaEnrollmentSteps.ROLES_ATTRIBUTE);
        if (roles != null && !roles.equals(identity.rolesAttributeValue())) {
            try {
                identity.correctRoles(roles);
            } catch (IllegalArgumentException e) {
                // The certificate is issued already, so an unknown role must not undo the correction step.
                log.atWarn()
                        .addKeyValue("msp", event.mspId())
                        .setCause(e)
                        .log("Kept the roles of ledger identity {}; the corrected roles attribute names an unknown"
                                + " role", identity.enrollmentId());
            }
        }
        certificates.save(new IdentityCertificate(
                serialHex,
                RevocationTarget.Certificate.of(certificate).authorityKeyIdentifier().toLowerCase(Locale.ROOT),
                identity.id(),
                identity.enrollmentId(),
                certificate.getNotBefore().toInstant(),
                certificate.getNotAfter().toInstant(),
                pem(certificate)));
        log.atInfo()
                .addKeyValue("msp", event.mspId())
                .addKeyValue("serial", serialHex)
                .log("Recorded reissued certificate of ledger identity {}", identity.enrollmentId());
    }

    private static String pem(X509Certificate certificate) {
        try {
            String base64 = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                    .encodeToString(certificate.getEncoded());
            return "-----BEGIN CERTIFICATE-----\n" + base64 + "\n-----END CERTIFICATE-----\n";
        } catch (CertificateEncodingException e) {
            throw new IllegalStateException("Cannot encode the reissued certificate", e);
        }
    }
}
