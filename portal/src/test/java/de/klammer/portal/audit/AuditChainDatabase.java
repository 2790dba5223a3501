package de.klammer.portal.audit;

import de.klammer.portal.audit.internal.AuditChainAppender;
import de.klammer.portal.audit.internal.AuditChainAppender.TimedEntry;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationVersion;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A fresh database with the portal's schema in a shared embedded PostgreSQL, one per test, so that tampering with
 * the audit trail touches no other test. Rows are appended with the portal's own chain appender.
 */
final class AuditChainDatabase {

    private static final AtomicInteger DATABASES = new AtomicInteger();

    final String name;
    final String jdbcUrl;
    final DataSource dataSource;
    final JdbcTemplate jdbc;

    private AuditChainDatabase(EmbeddedPostgres postgres, String name) {
        this.name = name;
        this.jdbcUrl = postgres.getJdbcUrl("postgres", name);
        this.dataSource = postgres.getDatabase("postgres", name);
        this.jdbc = new JdbcTemplate(dataSource);
    }

    /** Creates an empty database and migrates it up to {@code targetVersion}, or {@code latest}. */
    static AuditChainDatabase create(EmbeddedPostgres postgres, String targetVersion) {
        String name = "chain_" + DATABASES.incrementAndGet();
        new JdbcTemplate(postgres.getPostgresDatabase()).execute("create database " + name);
        AuditChainDatabase database = new AuditChainDatabase(postgres, name);
        database.migrate(targetVersion);
        return database;
    }

    /** Opens new connections to the existing database {@code name}, as a second portal instance would. */
    static AuditChainDatabase open(EmbeddedPostgres postgres, String name) {
        return new AuditChainDatabase(postgres, name);
    }

    /** Migrates the existing database {@code name} to the latest version. */
    static AuditChainDatabase inDatabase(EmbeddedPostgres postgres, String name) {
        AuditChainDatabase database = new AuditChainDatabase(postgres, name);
        database.migrate("latest");
        return database;
    }

    /** Creates an empty database with every migration older than the hash chain's {@code V040}. */
    static AuditChainDatabase createBeforeHashChain(EmbeddedPostgres postgres) {
        String lastBefore = Arrays.stream(Flyway.configure()
                        .dataSource(postgres.getPostgresDatabase())
                        .locations("classpath:db/migration")
                        .load()
                        .info()
                        .all())
                .map(MigrationInfo::getVersion)
                .filter(version -> version.compareTo(MigrationVersion.fromVersion("40")) < 0)
                .max(Comparator.naturalOrder())
                .orElseThrow()
                .getVersion();
        return create(postgres, lastBefore);
    }

    void migrate(String targetVersion) {
        Flyway.configure()
                .dataSource(dataSource)
                .locations("classpath:db/migration")
                .target(targetVersion)
                .load()
                .migrate();
    }

    /** Appends {@code count} rows, each in its own transaction, with subject ids {@code P-1}, {@code P-2} and so on. */
    void appendRows(int count) {
        AuditChainAppender appender = new AuditChainAppender(jdbc);
        TransactionTemplate transactions = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
        for (int i = 1; i <= count; i++) {
            AuditEntry entry = new AuditEntry(
                    "bm-00000000000" + i, i % 2 == 0 ? null : "bamf", "proposal.approved", "proposal", "P-" + i,
                    "config update sha256 " + "ab".repeat(32) + "; Umlaut ä");
            TimedEntry timed = new TimedEntry(entry, Instant.now().truncatedTo(ChronoUnit.MICROS));
            transactions.executeWithoutResult(status -> appender.append(List.of(timed)));
        }
    }

    /**
     * Runs statements as the database owner with all triggers off, as someone who bypasses the append-only rules
     * would.
     */
    void tamper(String... statements) {
        SingleConnectionDataSource owner = new SingleConnectionDataSource(jdbcUrl, "postgres", "", true);
        try {
            JdbcTemplate template = new JdbcTemplate(owner);
            template.execute("set session_replication_role = replica");
            for (String statement : statements) {
                template.execute(statement);
            }
        } finally {
            owner.destroy();
        }
    }

    ChainVerification verify() throws java.sql.SQLException {
        return new AuditTrailVerifier(dataSource).verify(VerificationProgress.NONE);
    }

    long idOfRow(long sequence) {
        return jdbc.queryForObject("select id from audit_event where sequence = ?", Long.class, sequence);
    }
}
