package de.klammer.portal.concept;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Runs drift detection on a fixed delay. The ShedLock lock in the shared database lets only one portal instance run
 * it at a time, so each new finding is audited once.
 */
@Component
@ConditionalOnBooleanProperty(name = "klammer.portal.concept.drift.enabled", matchIfMissing = true)
class ConceptDriftSchedule {

    private static final Logger log = LoggerFactory.getLogger(ConceptDriftSchedule.class);

    private final ConceptDriftService drift;

    ConceptDriftSchedule(ConceptDriftService drift) {
        this.drift = drift;
    }

    @Scheduled(initialDelayString = "${klammer.portal.concept.drift.interval:PT15M}",
            fixedDelayString = "${klammer.portal.concept.drift.interval:PT15M}")
    @SchedulerLock(name = "concept-drift", lockAtMostFor = "PT10M")
    public void run() {
        try {
            ConceptDrift result = drift.detect();
            if (!result.isClean()) {
                log.atWarn()
                        .addKeyValue("version", result.versionNumber())
                        .addKeyValue("findings", result.findings().size())
                        .addKeyValue("newFindings", result.newFindings())
                        .log("Channel config drifted from the applied concept");
            }
        } catch (RuntimeException e) {
            log.atError().setCause(e).log("Drift detection failed; trying again on the next run");
        }
    }
}
