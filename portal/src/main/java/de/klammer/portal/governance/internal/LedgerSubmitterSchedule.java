package de.klammer.portal.governance.internal;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Runs the ledger submitter on a fixed delay, starting right after startup so that submissions interrupted by a
 * crash are reconciled at once. The ShedLock lock in the shared database lets only one portal instance run it at a
 * time. {@code klammer.portal.submitter.lock-at-most-for} (15 minutes) must exceed the longest run, one config-block
 * wait per due submission. It is also how long submissions wait after the instance that held the lock died.
 */
@Component
@ConditionalOnBooleanProperty(name = "klammer.portal.submitter.enabled", matchIfMissing = true)
class LedgerSubmitterSchedule {

    private final LedgerSubmitter submitter;

    LedgerSubmitterSchedule(LedgerSubmitter submitter) {
        this.submitter = submitter;
    }

    @Scheduled(initialDelay = 0, fixedDelayString = "${klammer.portal.submitter.poll-interval:PT5S}")
    @SchedulerLock(name = "ledger-submitter", lockAtMostFor = "${klammer.portal.submitter.lock-at-most-for:PT15M}")
    public void run() {
        submitter.processDueSubmissions();
    }
}
