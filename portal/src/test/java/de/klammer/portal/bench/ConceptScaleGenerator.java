package de.klammer.portal.bench;

import java.util.List;
import java.util.Random;
import java.util.UUID;
import org.springframework.boot.test.context.TestComponent;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.annotation.Transactional;

/**
 * Generates a large concept version for benchmarks, straight into the database. Authorities get one of five types.
 * Half of the roles apply to a type and half to one authority, and every fifth role is composed of the previous one.
 * Status types are spread over four sub-processes, with about ten rights per role. A fixed seed makes every run
 * generate the same data.
 */
@TestComponent
class ConceptScaleGenerator {

    private static final List<String> TYPES = List.of("federal", "state", "municipal", "police", "foreigners-office");
    private static final List<String> SUB_PROCESSES = List.of("registration", "allocation", "decision", "appeal");

    private final JdbcClient jdbc;

    ConceptScaleGenerator(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Inserts the data and returns the id of the new version, which is stored as discarded so no draft is blocked. */
    @Transactional
    UUID generate(int authorities, int roles, int statusTypes) {
        Random random = new Random(42);
        UUID version = UUID.randomUUID();
        int number = jdbc.sql("select coalesce(max(number), 0) + 1 from concept_version").query(Integer.class).single();
        jdbc.sql("insert into concept_version (id, number, status, created_by) values (?, ?, 'discarded', 'bench')")
                .params(version, number)
                .update();
        for (int i = 0; i < authorities; i++) {
            String code = String.format("bench-authority-%03d", i);
            jdbc.sql("insert into authority (id, code, name, msp_id, oidc_issuer, authority_type) values (?, ?, ?, ?, ?,"
                            + " ?) on conflict (code) do nothing")
                    .params(UUID.randomUUID(), code, "Benchmark authority " + i, "Bench" + i + "MSP",
                            "http://127.0.0.1/" + code, TYPES.get(i % TYPES.size()))
                    .update();
        }
        for (int i = 0; i < SUB_PROCESSES.size(); i++) {
            jdbc.sql("insert into concept_sub_process (version_id, code, name, position) values (?, ?, ?, ?)")
                    .params(version, SUB_PROCESSES.get(i), SUB_PROCESSES.get(i), i)
                    .update();
        }
        for (int i = 0; i < statusTypes; i++) {
            jdbc.sql("insert into concept_status_type (version_id, code, sub_process_code, name, position) values"
                            + " (?, ?, ?, ?, ?)")
                    .params(version, "status-" + i, SUB_PROCESSES.get(i % SUB_PROCESSES.size()), "Status " + i, i)
                    .update();
        }
        for (int i = 0; i < roles; i++) {
            String code = String.format("role-%03d", i);
            boolean byType = i % 2 == 0;
            jdbc.sql("insert into concept_role (version_id, code, name, authority_type, authority_code) values"
                            + " (?, ?, ?, ?, ?)")
                    .params(version, code, "Role " + i, byType ? TYPES.get(i % TYPES.size()) : null,
                            byType ? null : String.format("bench-authority-%03d", random.nextInt(authorities)))
                    .update();
            if (i % 5 == 4) {
                jdbc.sql("insert into concept_role_composite (version_id, role_code, component_code) values (?, ?, ?)")
                        .params(version, code, String.format("role-%03d", i - 1))
                        .update();
            }
            for (int right = 0; right < 10; right++) {
                jdbc.sql("insert into concept_right (version_id, role_code, status_type_code, action) values"
                                + " (?, ?, ?, ?) on conflict do nothing")
                        .params(version, code, "status-" + random.nextInt(statusTypes),
                                random.nextBoolean() ? "read" : "write")
                        .update();
            }
        }
        return version;
    }
}
