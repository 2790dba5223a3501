package de.klammer.portal.identity.internal;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Runs the certificate expiry check on the cron {@code klammer.identity.expiry-check-cron}. The ShedLock lock in the
 * shared database lets one portal instance run it at a time.
 */
@Component
class CertificateExpirySchedule {

    private final CertificateExpiryCheck check;

    CertificateExpirySchedule(CertificateExpiryCheck check) {
        this.check = check;
    }

    @Scheduled(cron = "${klammer.identity.expiry-check-cron:0 0 6 * * *}")
    @SchedulerLock(name = "certificate-expiry-check", lockAtMostFor = "PT10M")
    public void run() {
        check.warnAboutExpiringCertificates();
    }
}
