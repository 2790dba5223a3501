package de.klammer.portal.identity.internal;

import de.klammer.portal.identity.CertificateExpiryProperties;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Warns in the log about active certificates that expire within the configured number of days. */
@Component
public class CertificateExpiryCheck {

    private static final Logger log = LoggerFactory.getLogger(CertificateExpiryCheck.class);

    private final IdentityCertificateRepository certificates;
    private final CertificateExpiryProperties properties;
    private final Clock clock = Clock.systemUTC();

    public CertificateExpiryCheck(
            IdentityCertificateRepository certificates, CertificateExpiryProperties properties) {
        this.certificates = certificates;
        this.properties = properties;
    }

    /** Logs one warning per active certificate that expires within the warning period; returns their count. */
    @Transactional(readOnly = true)
    public int warnAboutExpiringCertificates() {
        Instant now = clock.instant();
        Instant limit = now.plus(Duration.ofDays(properties.expiryWarningDays()));
        List<IdentityCertificate> expiring =
                certificates.findByStatusAndNotAfterBefore(IdentityCertificate.ACTIVE, limit);
        for (IdentityCertificate certificate : expiring) {
            log.atWarn()
                    .addKeyValue("serial", certificate.serialHex())
                    .addKeyValue("notAfter", certificate.notAfter())
                    .log(
                            "Certificate of ledger identity {} expires in {} days; renew it",
                            certificate.enrollmentId(),
                            Duration.between(now, certificate.notAfter()).toDays());
        }
        return expiring.size();
    }
}
