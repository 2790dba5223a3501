package de.klammer.portal.offboarding;

import java.time.Duration;
import java.time.Instant;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Retries outstanding offboarding revocations: failed ones, and those still marked as revoking because the portal
 * stopped during the run after the commit. Runs every {@code klammer.offboarding.revocation-interval}, 5 minutes by
 * default, and takes offboardings unchanged for longer than {@code klammer.offboarding.revocation-grace}, 2 minutes
 * by default, so that it does not start a run that a request thread is still running. The ShedLock lock in the shared
 * database lets one portal instance run it at a time.
 */
@Component
class OffboardingRevocationSchedule {

    private final OffboardingRevocation revocation;
    private final Duration grace;

    OffboardingRevocationSchedule(
            OffboardingRevocation revocation,
            @Value("${klammer.offboarding.revocation-grace:PT2M}") Duration grace) {
        this.revocation = revocation;
        this.grace = grace;
    }

    @Scheduled(
            initialDelayString = "${klammer.offboarding.revocation-interval:PT5M}",
            fixedDelayString = "${klammer.offboarding.revocation-interval:PT5M}")
    @SchedulerLock(name = "offboarding-revocation", lockAtMostFor = "PT30M")
    public void run() {
        runOutstanding(Instant.now());
    }

    /** Runs the revocations outstanding since before {@code now} less the grace period; tests call it directly. */
    int runOutstanding(Instant now) {
        return revocation.runOutstanding(now.minus(grace));
    }
}
