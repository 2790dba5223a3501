package de.klammer.portal.governance.internal;

import de.klammer.portal.governance.ProposalApproved;
import jakarta.annotation.PreDestroy;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Starts a submitter run as soon as an approval that queued a submission has committed, so the update does not wait
 * for the next poll. The run takes the scheduled job's ShedLock lock. When another instance has it, this run is
 * skipped and the regular poll picks the submission up.
 */
@Component
@ConditionalOnBooleanProperty(name = "klammer.portal.submitter.enabled", matchIfMissing = true)
class SubmissionTrigger {

    private static final Logger log = LoggerFactory.getLogger(SubmissionTrigger.class);

    private final LedgerSubmitterSchedule schedule;
    /** One thread, so triggered runs of this instance never overlap each other. */
    private final ExecutorService executor =
            Executors.newSingleThreadExecutor(Thread.ofVirtual().name("submission-trigger").factory());

    SubmissionTrigger(LedgerSubmitterSchedule schedule) {
        this.schedule = schedule;
    }

    @PreDestroy
    void stop() {
        executor.shutdownNow();
    }

    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT)
    void onApproved(ProposalApproved approved) {
        log.atDebug().addKeyValue("proposal", approved.reference()).log("Triggering the ledger submitter");
        executor.execute(schedule::run);
    }
}
