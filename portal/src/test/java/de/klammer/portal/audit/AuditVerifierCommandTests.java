package de.klammer.portal.audit;

import static org.assertj.core.api.Assertions.assertThat;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AuditVerifierCommandTests {

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
    void reportsIntactChainOverJdbcUrl() {
        AuditChainDatabase database = AuditChainDatabase.create(postgres, "latest");
        database.appendRows(4);
        Output output = new Output();

        int status = AuditVerifierCommand.run(
                new String[] {"--jdbc-url", database.jdbcUrl, "--username", "postgres"}, output.stream);

        assertThat(status).isEqualTo(AuditVerifierCommand.INTACT);
        assertThat(output.text()).contains("INTACT: all 4 rows of the audit trail are unchanged");
        assertThat(output.text()).contains("chain head: row 4, hash ");
    }

    @Test
    void namesFirstBrokenRowOverJdbcUrl() {
        AuditChainDatabase database = AuditChainDatabase.create(postgres, "latest");
        database.appendRows(4);
        database.tamper("update audit_event set details = 'rewritten' where sequence = 2");
        Output output = new Output();

        int status = AuditVerifierCommand.run(
                new String[] {"--jdbc-url", database.jdbcUrl, "--username", "postgres"}, output.stream);

        assertThat(status).isEqualTo(AuditVerifierCommand.BROKEN);
        assertThat(output.text()).contains("BROKEN at row 2 (id " + database.idOfRow(2) + "): ROW_HASH_MISMATCH");
        assertThat(output.text()).contains("1 rows before it are intact");
    }

    @Test
    void verifiesEmbeddedDataDirectory(@TempDir Path dataDirectory) throws IOException {
        try (EmbeddedPostgres demo = EmbeddedPostgres.builder()
                .setDataDirectory(dataDirectory)
                .setCleanDataDirectory(false)
                .start()) {
            AuditChainDatabase.inDatabase(demo, "postgres").appendRows(3);
        }
        Output output = new Output();

        int status = AuditVerifierCommand.run(new String[] {"--data-dir", dataDirectory.toString()}, output.stream);

        assertThat(status).isEqualTo(AuditVerifierCommand.INTACT);
        assertThat(output.text()).contains("INTACT: all 3 rows");
    }

    @Test
    void rejectsUnknownArgument() {
        Output output = new Output();

        int status = AuditVerifierCommand.run(new String[] {"--jdbc"}, output.stream);

        assertThat(status).isEqualTo(AuditVerifierCommand.FAILED);
        assertThat(output.text()).contains("Unknown argument: --jdbc");
        assertThat(output.text()).contains("Usage: audit-verify");
    }

    @Test
    void explainsUnreachableDatabase() {
        Output output = new Output();

        int status = AuditVerifierCommand.run(
                new String[] {"--jdbc-url", "jdbc:postgresql://127.0.0.1:1/none", "--username", "postgres"},
                output.stream);

        assertThat(status).isEqualTo(AuditVerifierCommand.FAILED);
        assertThat(output.text()).contains("Opening the database failed");
    }

    private static final class Output {

        private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        private final PrintStream stream = new PrintStream(bytes, true, StandardCharsets.UTF_8);

        String text() {
            return bytes.toString(StandardCharsets.UTF_8);
        }
    }
}
