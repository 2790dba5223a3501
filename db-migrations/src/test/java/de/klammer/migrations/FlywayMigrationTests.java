package de.klammer.migrations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class FlywayMigrationTests {

    private static EmbeddedPostgres postgres;
    private static MigrateResult migration;

    @BeforeAll
    static void migrateEmptyDatabase() throws IOException {
        postgres = EmbeddedPostgres.builder().start();
        migration = Flyway.configure()
                .dataSource(dataSource())
                .locations("classpath:db/migration")
                .load()
                .migrate();
    }

    @AfterAll
    static void stopDatabase() throws IOException {
        postgres.close();
    }

    @Test
    void appliesEveryMigration() {
        assertThat(migration.success).isTrue();
        assertThat(migration.migrationsExecuted).isEqualTo(migrationScriptCount());
    }

    /** Counts the Flyway scripts in the module's migration folder. */
    private static int migrationScriptCount() {
        try (var files = java.nio.file.Files.list(java.nio.file.Path.of("src/main/resources/db/migration"))) {
            return (int) files.filter(file -> file.getFileName().toString().matches("V\\d+__.+\\.sql")).count();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void createsEveryTable() throws SQLException {
        List<String> tables = queryStrings(
                "select table_name from information_schema.tables where table_schema = 'public' order by 1");

        assertThat(tables)
                .contains(
                        "approval",
                        "audit_chain_head",
                        "audit_event",
                        "authority",
                        "board_member",
                        "ledger_submission",
                        "mail_outbox",
                        "notification",
                        "notification_address",
                        "person_vault",
                        "proposal",
                        "shedlock");
    }

    @Test
    void namesEveryConstraintWithPrefix() throws SQLException {
        List<String> names = queryStrings("""
                select conname from pg_constraint c join pg_namespace n on n.oid = c.connamespace
                join pg_class t on t.oid = c.conrelid
                where n.nspname = 'public' and c.contype in ('p', 'f', 'u', 'c')
                and t.relname <> 'flyway_schema_history'
                """);

        assertThat(names).isNotEmpty().allMatch(name -> name.matches("^(pk|fk|uq|ck)_[a-z0-9_]+$"));
    }

    @Test
    void rejectsUnknownProposalStatus() throws SQLException {
        List<String> statuses = queryStrings("""
                select pg_get_constraintdef(oid) from pg_constraint where conname = 'ck_proposal_status'
                """);

        assertThat(statuses).singleElement().asString().contains("'stale'").doesNotContain("'unknown'");
    }

    @Test
    void keepsAuditEventsAppendOnly() throws SQLException {
        execute("""
                insert into audit_event (actor, action, subject_type, subject_id, sequence, previous_hash, row_hash)
                values ('bm-000000000000', 'test.recorded', 'test', 'append-only', 1, repeat('0', 64), repeat('1', 64))
                """);

        assertThatExceptionOfType(SQLException.class)
                .isThrownBy(() -> execute("update audit_event set actor = 'someone' where subject_id = 'append-only'"))
                .withMessageContaining("append-only");
        assertThatExceptionOfType(SQLException.class)
                .isThrownBy(() -> execute("delete from audit_event where subject_id = 'append-only'"))
                .withMessageContaining("append-only");
        assertThatExceptionOfType(SQLException.class)
                .isThrownBy(() -> execute("truncate audit_event"))
                .withMessageContaining("append-only");
    }

    @Test
    void numbersProposalReferencesFromSequence() throws SQLException {
        List<String> first = queryStrings("select nextval('proposal_reference_seq')::text");
        List<String> second = queryStrings("select nextval('proposal_reference_seq')::text");

        assertThat(Long.parseLong(second.getFirst())).isEqualTo(Long.parseLong(first.getFirst()) + 1);
    }

    private static DataSource dataSource() {
        return postgres.getPostgresDatabase();
    }

    private static List<String> queryStrings(String sql) throws SQLException {
        try (Connection connection = dataSource().getConnection();
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery(sql)) {
            List<String> values = new ArrayList<>();
            while (rows.next()) {
                values.add(rows.getString(1));
            }
            return values;
        }
    }

    private static void execute(String sql) throws SQLException {
        try (Connection connection = dataSource().getConnection();
                Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}
