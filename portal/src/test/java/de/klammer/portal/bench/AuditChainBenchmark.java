package de.klammer.portal.bench;

import static org.assertj.core.api.Assertions.assertThat;

import de.klammer.portal.audit.AuditEntry;
import de.klammer.portal.audit.AuditTrailVerifier;
import de.klammer.portal.audit.ChainVerification;
import de.klammer.portal.audit.VerificationProgress;
import de.klammer.portal.audit.internal.AuditChainAppender;
import de.klammer.portal.audit.internal.AuditChainAppender.TimedEntry;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Measures the hash-chained audit trail on embedded PostgreSQL: appends per second when several connections append
 * at once, each row in its own transaction, and the time to verify a trail of {@value #VERIFIED_ROWS} rows. It is not
 * part of the test suite, so run it with {@code ./klammer bench}.
 */
class AuditChainBenchmark {

    private static final int APPEND_THREADS = 4;
    private static final int APPENDS_PER_THREAD = 500;
    private static final int VERIFIED_ROWS = 100_000;
    private static final int VERIFY_RUNS = 3;

    @Test
    void measuresAppendAndVerify() throws Exception {
        try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().start()) {
            DataSource dataSource = postgres.getPostgresDatabase();
            Flyway.configure()
                    .dataSource(dataSource)
                    .locations("classpath:db/migration")
                    .load()
                    .migrate();

            double appendsPerSecond = measureAppends(dataSource);
            fillTrail(dataSource);
            List<Duration> verifyTimes = measureVerification(dataSource);

            List<String> lines = new ArrayList<>();
            lines.add(String.format(
                    Locale.ROOT,
                    "appends: %d threads x %d single-row transactions: %.0f rows/s",
                    APPEND_THREADS,
                    APPENDS_PER_THREAD,
                    appendsPerSecond));
            for (Duration time : verifyTimes) {
                lines.add(String.format(
                        Locale.ROOT, "verify %d rows: %.3f s", VERIFIED_ROWS, time.toNanos() / 1e9));
            }
            Path report = Path.of("target/benchmarks/audit-chain.txt");
            Files.createDirectories(report.getParent());
            Files.write(report, lines);
        }
    }

    private static double measureAppends(DataSource dataSource) throws Exception {
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(APPEND_THREADS);
        List<Future<?>> results = new ArrayList<>();
        for (int thread = 0; thread < APPEND_THREADS; thread++) {
            results.add(pool.submit(() -> {
                AuditChainAppender appender = new AuditChainAppender(new JdbcTemplate(dataSource));
                TransactionTemplate transactions =
                        new TransactionTemplate(new DataSourceTransactionManager(dataSource));
                start.await();
                for (int i = 0; i < APPENDS_PER_THREAD; i++) {
                    TimedEntry timed = new TimedEntry(
                            new AuditEntry("bm-000000000001", "bamf", "bench.appended", "bench", "B-" + i, "row " + i),
                            Instant.now().truncatedTo(ChronoUnit.MICROS));
                    transactions.executeWithoutResult(status -> appender.append(List.of(timed)));
                }
                return null;
            }));
        }

        long started = System.nanoTime();
        start.countDown();
        for (Future<?> result : results) {
            result.get(10, TimeUnit.MINUTES);
        }
        long elapsed = System.nanoTime() - started;
        pool.shutdown();
        return APPEND_THREADS * APPENDS_PER_THREAD / (elapsed / 1e9);
    }

    /** Appends rows in SQL, with the migration's hash function, until the trail has {@link #VERIFIED_ROWS} rows. */
    private static void fillTrail(DataSource dataSource) {
        new JdbcTemplate(dataSource).execute("""
                do $$
                declare
                    head audit_chain_head%rowtype;
                    event_hash text;
                begin
                    select * into head from audit_chain_head where id = 1 for update;
                    for n in head.last_sequence + 1 .. :rows loop
                        event_hash := audit_event_hash(n, now(), 'bm-000000000002', 'lds', 'bench.filled', 'bench',
                                                       'F-' || n, 'row ' || n, head.last_hash);
                        insert into audit_event (sequence, occurred_at, actor, authority_code, action, subject_type,
                                                 subject_id, details, previous_hash, row_hash)
                        values (n, now(), 'bm-000000000002', 'lds', 'bench.filled', 'bench', 'F-' || n, 'row ' || n,
                                head.last_hash, event_hash);
                        update audit_chain_head set last_sequence = n, last_hash = event_hash where id = 1;
                        head.last_sequence := n;
                        head.last_hash := event_hash;
                    end loop;
                end;
                $$
                """.replace(":rows", Integer.toString(VERIFIED_ROWS)));
    }

    private static List<Duration> measureVerification(DataSource dataSource) throws Exception {
        List<Duration> times = new ArrayList<>();
        for (int run = 0; run < VERIFY_RUNS; run++) {
            long started = System.nanoTime();
            ChainVerification result = new AuditTrailVerifier(dataSource).verify(VerificationProgress.NONE);
            times.add(Duration.ofNanos(System.nanoTime() - started));

            assertThat(result.intact()).isTrue();
            assertThat(result.verifiedRows()).isEqualTo(VERIFIED_ROWS);
        }
        return times;
    }
}
