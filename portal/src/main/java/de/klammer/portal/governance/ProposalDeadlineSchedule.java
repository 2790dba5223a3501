package de.klammer.portal.governance;

import java.time.Instant;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Runs the deadline job on a fixed delay. The ShedLock lock lets one portal instance run it at a time. The row locks
 * and the notice column keep it correct even if two runs overlapped.
 */
@Component
@ConditionalOnBooleanProperty(name = "klammer.portal.governance.deadlines-enabled", matchIfMissing = true)
class ProposalDeadlineSchedule {

    private final ProposalDeadlines deadlines;

    ProposalDeadlineSchedule(ProposalDeadlines deadlines) {
        this.deadlines = deadlines;
    }

    @Scheduled(initialDelayString = "PT10S", fixedDelayString = "${klammer.portal.governance.deadline-poll-interval:PT1M}")
    @SchedulerLock(name = "proposal-deadlines", lockAtMostFor = "PT10M")
    public void run() {
        deadlines.processDue(Instant.now());
    }
}
