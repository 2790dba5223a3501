package de.klammer.portal.identity.review;

import java.time.Duration;
import java.time.Instant;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Resumes access review revocations left pending, for example because the portal stopped between a withdrawal's
 * commit and the end of its revocation. Runs every {@code klammer.identity.review-revocation-interval}, 5 minutes by
 * default, and takes items pending for longer than {@code klammer.identity.review-revocation-grace}, 2 minutes by
 * default, so that it does not run a revocation that the request thread is still running. The ShedLock lock in the
 * shared database lets one portal instance run it at a time.
 *
 * <p>NOTE: a revocation that runs longer than the grace period, for example while a channel update waits for its
 * block, can be started a second time here. The second run finds no unrevoked certificate at the CA and puts the same
 * CRL on the channels again, so it is redundant but harmless.
 */
@Component
class ReviewRevocationSchedule {

    private final ReviewRevocation revocation;
    private final Duration grace;

    ReviewRevocationSchedule(
            ReviewRevocation revocation,
            @Value("${klammer.identity.review-revocation-grace:PT2M}") Duration grace) {
        this.revocation = revocation;
        this.grace = grace;
    }

    @Scheduled(
            initialDelayString = "${klammer.identity.review-revocation-interval:PT5M}",
            fixedDelayString = "${klammer.identity.review-revocation-interval:PT5M}")
    @SchedulerLock(name = "access-review-revocation", lockAtMostFor = "PT30M")
    public void run() {
        runPending(Instant.now());
    }

    /** Runs the revocations pending since before {@code now} less the grace period; tests call it directly. */
    int runPending(Instant now) {
        return revocation.runPending(now.minus(grace));
    }
}
