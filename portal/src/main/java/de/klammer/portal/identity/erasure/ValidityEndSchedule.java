package de.klammer.portal.identity.erasure;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Runs the revocation of identities past their validity on the cron {@code klammer.identity.validity-check-cron},
 * daily at 00:30 by default. The ShedLock lock in the shared database lets one portal instance run it at a time.
 */
@Component
class ValidityEndSchedule {

    /** The users' time zone, in which a validity ends at midnight. */
    private static final ZoneId ZONE = ZoneId.of("Europe/Berlin");

    private final ValidityEndRevocation revocation;
    private final Clock clock = Clock.system(ZONE);

    ValidityEndSchedule(ValidityEndRevocation revocation) {
        this.revocation = revocation;
    }

    @Scheduled(cron = "${klammer.identity.validity-check-cron:0 30 0 * * *}", zone = "Europe/Berlin")
    @SchedulerLock(name = "identity-validity-end", lockAtMostFor = "PT30M")
    public void run() {
        revocation.revokePastValidity(LocalDate.now(clock));
    }
}
