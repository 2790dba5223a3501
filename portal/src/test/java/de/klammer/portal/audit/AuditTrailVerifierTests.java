package de.klammer.portal.audit;

import static org.assertj.core.api.Assertions.assertThat;

import de.klammer.portal.audit.ChainBreak.Kind;
import de.klammer.portal.audit.internal.AuditChainHash;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.sql.SQLException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AuditTrailVerifierTests {

    private static final int ROWS = 5;

    /** For each column, an update that changes the value of row 3 and nothing else. */
    private static final Map<String, String> ALTERATIONS = Map.of(
            "occurred_at", "occurred_at = occurred_at + interval '1 microsecond'",
            "actor", "actor = 'bm-forged'",
            "authority_code", "authority_code = 'lds'",
            "action", "action = 'proposal.rejected'",
            "subject_type", "subject_type = 'ledger-identity'",
            "subject_id", "subject_id = 'P-99'",
            "details", "details = details || ' '",
            "previous_hash", "previous_hash = repeat('1', 64)",
            "row_hash", "row_hash = repeat('2', 64)");

    private static EmbeddedPostgres postgres;

    @BeforeAll
    static void startDatabase() throws IOException {
        postgres = EmbeddedPostgres.builder().start();
    }

    @AfterAll
    static void stopDatabase() throws IOException {
        postgres.close();
    }

    @Test
    void acceptsUntouchedChain() throws SQLException {
        AuditChainDatabase database = chainOf(ROWS);

        ChainVerification result = database.verify();

        assertThat(result.firstBreak()).isNull();
        assertThat(result.intact()).isTrue();
        assertThat(result.verifiedRows()).isEqualTo(ROWS);
        assertThat(result.headSequence()).isEqualTo(ROWS);
        assertThat(result.headHash())
                .isEqualTo(database.jdbc.queryForObject(
                        "select row_hash from audit_event where sequence = ?", String.class, ROWS));
    }

    @Test
    void acceptsEmptyChain() throws SQLException {
        AuditChainDatabase database = chainOf(0);

        ChainVerification result = database.verify();

        assertThat(result.intact()).isTrue();
        assertThat(result.verifiedRows()).isZero();
        assertThat(result.headHash()).isEqualTo(AuditChainHash.GENESIS);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "occurred_at",
                "actor",
                "authority_code",
                "action",
                "subject_type",
                "subject_id",
                "details",
                "row_hash"
            })
    void detectsAlteredFieldOfRow(String column) throws SQLException {
        AuditChainDatabase database = chainOf(ROWS);

        database.tamper("update audit_event set " + ALTERATIONS.get(column) + " where sequence = 3");
        ChainBreak broken = database.verify().firstBreak();

        assertThat(broken).isNotNull();
        assertThat(broken.sequence()).isEqualTo(3);
        assertThat(broken.rowId()).isEqualTo(database.idOfRow(3));
        assertThat(broken.kind()).isEqualTo(Kind.ROW_HASH_MISMATCH);
        assertThat(broken.description()).startsWith("Row 3 (id ");
    }

    @Test
    void detectsAlteredPreviousHash() throws SQLException {
        AuditChainDatabase database = chainOf(ROWS);

        database.tamper("update audit_event set " + ALTERATIONS.get("previous_hash") + " where sequence = 3");
        ChainBreak broken = database.verify().firstBreak();

        assertThat(broken).isNotNull();
        assertThat(broken.sequence()).isEqualTo(3);
        assertThat(broken.kind()).isEqualTo(Kind.PREVIOUS_HASH_MISMATCH);
    }

    @Test
    void detectsRowHashRecomputedAfterAlteration() throws SQLException {
        AuditChainDatabase database = chainOf(ROWS);

        // A careful forger changes row 3 and stores its correct new hash; row 4 still links to the old one.
        database.tamper(
                "update audit_event set actor = 'bm-forged' where sequence = 3",
                "update audit_event set row_hash = audit_event_hash(sequence, occurred_at, actor, authority_code, "
                        + "action, subject_type, subject_id, details, previous_hash) where sequence = 3");
        ChainBreak broken = database.verify().firstBreak();

        assertThat(broken).isNotNull();
        assertThat(broken.sequence()).isEqualTo(4);
        assertThat(broken.kind()).isEqualTo(Kind.PREVIOUS_HASH_MISMATCH);
    }

    @Test
    void detectsDeletedFirstRow() throws SQLException {
        AuditChainDatabase database = chainOf(ROWS);

        database.tamper("delete from audit_event where sequence = 1");
        ChainBreak broken = database.verify().firstBreak();

        assertThat(broken).isNotNull();
        assertThat(broken.sequence()).isEqualTo(1);
        assertThat(broken.rowId()).isNull();
        assertThat(broken.kind()).isEqualTo(Kind.MISSING_ROW);
        assertThat(broken.description()).startsWith("Row 1 is missing");
    }

    @Test
    void detectsDeletedMiddleRow() throws SQLException {
        AuditChainDatabase database = chainOf(ROWS);

        database.tamper("delete from audit_event where sequence = 3");
        ChainVerification result = database.verify();

        assertThat(result.firstBreak()).isNotNull();
        assertThat(result.firstBreak().sequence()).isEqualTo(3);
        assertThat(result.firstBreak().kind()).isEqualTo(Kind.MISSING_ROW);
        assertThat(result.verifiedRows()).isEqualTo(2);
    }

    @Test
    void detectsDeletedLastRow() throws SQLException {
        AuditChainDatabase database = chainOf(ROWS);

        database.tamper("delete from audit_event where sequence = " + ROWS);
        ChainVerification result = database.verify();

        assertThat(result.firstBreak()).isNotNull();
        assertThat(result.firstBreak().sequence()).isEqualTo(ROWS);
        assertThat(result.firstBreak().kind()).isEqualTo(Kind.MISSING_ROW);
        assertThat(result.verifiedRows()).isEqualTo(ROWS - 1);
    }

    @Test
    void detectsDeletedMiddleRowWithRenumbering() throws SQLException {
        AuditChainDatabase database = chainOf(ROWS);

        database.tamper(
                "delete from audit_event where sequence = 3",
                "update audit_event set sequence = sequence - 1 where sequence > 3");
        ChainBreak broken = database.verify().firstBreak();

        assertThat(broken).isNotNull();
        assertThat(broken.sequence()).isEqualTo(3);
        assertThat(broken.kind()).isEqualTo(Kind.PREVIOUS_HASH_MISMATCH);
    }

    @Test
    void detectsForgedRowWithWrongHash() throws SQLException {
        AuditChainDatabase database = chainOf(ROWS);

        database.tamper(
                "update audit_event set sequence = sequence + 1000 where sequence >= 3",
                "update audit_event set sequence = sequence - 999 where sequence >= 1000",
                "insert into audit_event (sequence, actor, authority_code, action, subject_type, subject_id, details,"
                        + " previous_hash, row_hash) select 3, 'bm-forged', 'bamf', 'proposal.approved', 'proposal',"
                        + " 'P-3', '', row_hash, repeat('3', 64) from audit_event where sequence = 2");
        ChainBreak broken = database.verify().firstBreak();

        assertThat(broken).isNotNull();
        assertThat(broken.sequence()).isEqualTo(3);
        assertThat(broken.rowId()).isEqualTo(database.idOfRow(3));
        assertThat(broken.kind()).isEqualTo(Kind.ROW_HASH_MISMATCH);
    }

    @Test
    void detectsForgedRowWithCorrectHash() throws SQLException {
        AuditChainDatabase database = chainOf(ROWS);

        // The forged row 3 is correct in itself, so the break shows at the old row 3, now numbered 4.
        database.tamper(
                "update audit_event set sequence = sequence + 1000 where sequence >= 3",
                "update audit_event set sequence = sequence - 999 where sequence >= 1000",
                "insert into audit_event (sequence, occurred_at, actor, authority_code, action, subject_type,"
                        + " subject_id, details, previous_hash, row_hash) select 3, now(), 'bm-forged', 'bamf',"
                        + " 'proposal.approved', 'proposal', 'P-3', '', row_hash, repeat('0', 64)"
                        + " from audit_event where sequence = 2",
                "update audit_event set row_hash = audit_event_hash(sequence, occurred_at, actor, authority_code, "
                        + "action, subject_type, subject_id, details, previous_hash) where sequence = 3");
        ChainBreak broken = database.verify().firstBreak();

        assertThat(broken).isNotNull();
        assertThat(broken.sequence()).isEqualTo(4);
        assertThat(broken.kind()).isEqualTo(Kind.PREVIOUS_HASH_MISMATCH);
    }

    @Test
    void detectsForgedRowAppendedAfterHead() throws SQLException {
        AuditChainDatabase database = chainOf(ROWS);

        database.tamper(
                "insert into audit_event (sequence, occurred_at, actor, authority_code, action, subject_type,"
                        + " subject_id, details, previous_hash, row_hash) select sequence + 1, now(), 'bm-forged',"
                        + " 'bamf', 'proposal.approved', 'proposal', 'P-6', '', row_hash, repeat('0', 64)"
                        + " from audit_event where sequence = " + ROWS,
                "update audit_event set row_hash = audit_event_hash(sequence, occurred_at, actor, authority_code, "
                        + "action, subject_type, subject_id, details, previous_hash) where sequence = " + (ROWS + 1));
        ChainVerification result = database.verify();

        assertThat(result.firstBreak()).isNotNull();
        assertThat(result.firstBreak().sequence()).isEqualTo(ROWS + 1);
        assertThat(result.firstBreak().kind()).isEqualTo(Kind.HEAD_MISMATCH);
        assertThat(result.verifiedRows()).isEqualTo(ROWS + 1);
    }

    @Test
    void separateConnectionsAppendToOneChain() throws Exception {
        AuditChainDatabase database = chainOf(0);
        int instances = 3;
        int rowsPerInstance = 40;
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(instances);
        List<Future<?>> results = new ArrayList<>();

        // Each thread plays one portal instance: its own data source, transaction manager and appender.
        for (int instance = 0; instance < instances; instance++) {
            results.add(pool.submit(() -> {
                AuditChainDatabase sameDatabase = AuditChainDatabase.open(postgres, database.name);
                start.await();
                sameDatabase.appendRows(rowsPerInstance);
                return null;
            }));
        }
        start.countDown();
        for (Future<?> result : results) {
            result.get(2, TimeUnit.MINUTES);
        }
        pool.shutdown();

        ChainVerification result = database.verify();
        assertThat(result.firstBreak()).isNull();
        assertThat(result.verifiedRows()).isEqualTo(instances * rowsPerInstance);
        assertThat(result.headSequence()).isEqualTo(instances * rowsPerInstance);
    }

    @Test
    void appendOnlyTriggerRejectsChanges() {
        AuditChainDatabase database = chainOf(ROWS);

        assertThat(rejected(database, "update audit_event set actor = 'x' where sequence = 1")).isTrue();
        assertThat(rejected(database, "delete from audit_event where sequence = 1")).isTrue();
        assertThat(rejected(database, "truncate audit_event")).isTrue();
        assertThat(rejected(database, "update audit_chain_head set last_sequence = 1")).isTrue();
        assertThat(rejected(database, "delete from audit_chain_head")).isTrue();
    }

    @Test
    void migrationChainsExistingRows() throws SQLException {
        AuditChainDatabase database = AuditChainDatabase.createBeforeHashChain(postgres);
        for (int i = 1; i <= 3; i++) {
            database.jdbc.update(
                    "insert into audit_event (actor, authority_code, action, subject_type, subject_id, details)"
                            + " values (?, ?, 'proposal.opened', 'proposal', ?, ?)",
                    "bm-legacy" + i,
                    i == 2 ? null : "lds",
                    "P-" + i,
                    "written before the hash chain; Straße");
        }

        database.migrate("latest");
        ChainVerification result = database.verify();

        assertThat(result.firstBreak()).isNull();
        assertThat(result.verifiedRows()).isEqualTo(3);
        assertThat(database.jdbc.queryForObject("select previous_hash from audit_event where sequence = 1", String.class))
                .isEqualTo(AuditChainHash.GENESIS);
        database.appendRows(2);
        assertThat(database.verify().verifiedRows()).isEqualTo(5);
        assertThat(database.verify().intact()).isTrue();
    }

    @Test
    void sqlAndJavaHashesAgree() {
        AuditChainDatabase database = chainOf(0);
        Instant occurredAt = Instant.parse("2026-12-04T18:00:00.123456Z");

        String sqlHash = database.jdbc.queryForObject(
                "select audit_event_hash(7, ?::timestamptz, 'bm-1', null, 'a.b', 'proposal', 'P-1', 'ä € 𝄞', ?)",
                String.class,
                occurredAt.toString(),
                "ab".repeat(32));
        String javaHash = AuditChainHash.compute(
                7, occurredAt, "bm-1", null, "a.b", "proposal", "P-1", "ä € 𝄞", "ab".repeat(32));

        assertThat(sqlHash).isEqualTo(javaHash);
    }

    @Test
    void hashSeparatesAdjacentFields() {
        Instant occurredAt = Instant.now().truncatedTo(ChronoUnit.MICROS);

        String joined = AuditChainHash.compute(
                1, occurredAt, "ab", "c", "d", "e", "f", "", AuditChainHash.GENESIS);
        String shifted = AuditChainHash.compute(
                1, occurredAt, "a", "bc", "d", "e", "f", "", AuditChainHash.GENESIS);
        String nullCode = AuditChainHash.compute(
                1, occurredAt, "a", null, "d", "e", "f", "", AuditChainHash.GENESIS);
        String emptyCode = AuditChainHash.compute(
                1, occurredAt, "a", "", "d", "e", "f", "", AuditChainHash.GENESIS);

        assertThat(joined).isNotEqualTo(shifted);
        assertThat(nullCode).isNotEqualTo(emptyCode);
    }

    private static AuditChainDatabase chainOf(int rows) {
        AuditChainDatabase database = AuditChainDatabase.create(postgres, "latest");
        database.appendRows(rows);
        return database;
    }

    private static boolean rejected(AuditChainDatabase database, String statement) {
        try {
            database.jdbc.execute(statement);
            return false;
        } catch (org.springframework.dao.DataAccessException e) {
            return e.getMessage().contains("rejected");
        }
    }
}
