package de.klammer.portal.governance.internal;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Gauges over the ledger submission outbox: the number of submissions per state, and the age of the oldest one that
 * still waits for the orderer. They are read from the database at each scrape, so every portal instance reports the
 * same figures. An operator alerts on a growing {@code pending} count or a rising age.
 */
@Component
class LedgerSubmissionMetrics implements MeterBinder {

    private static final List<String> STATES = List.of("pending", "sending", "sent", "failed", "stale");

    private final JdbcClient jdbc;

    LedgerSubmissionMetrics(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        for (String state : STATES) {
            Gauge.builder("klammer.ledger.submissions", () -> count(state))
                    .description("Ledger submissions in this state")
                    .tag("state", state)
                    .register(registry);
        }
        Gauge.builder("klammer.ledger.submissions.oldest.waiting", this::oldestWaitingSeconds)
                .description("Age of the oldest submission not yet confirmed, failed or stale")
                .baseUnit("seconds")
                .register(registry);
    }

    private long count(String state) {
        return jdbc.sql("select count(*) from ledger_submission where state = ?")
                .param(state)
                .query(Long.class)
                .single();
    }

    private double oldestWaitingSeconds() {
        return jdbc.sql("""
                        select coalesce(extract(epoch from now() - min(created_at)), 0)
                        from ledger_submission
                        where state in ('pending', 'sending', 'sent')
                        """)
                .query(Double.class)
                .single();
    }
}
