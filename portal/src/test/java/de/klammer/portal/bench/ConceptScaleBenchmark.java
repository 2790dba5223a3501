package de.klammer.portal.bench;

import static org.assertj.core.api.Assertions.assertThat;

import de.klammer.portal.PortalApplication;
import de.klammer.portal.authority.AuthorityService;
import de.klammer.portal.authority.BoardMemberService;
import de.klammer.portal.concept.CompiledConcept;
import de.klammer.portal.concept.ConceptCompiler;
import de.klammer.portal.concept.ConceptModel;
import de.klammer.portal.concept.ConceptPlan;
import de.klammer.portal.concept.ConceptPlanService;
import de.klammer.portal.concept.ConceptService;
import de.klammer.portal.concept.MatrixFilter;
import de.klammer.portal.concept.MatrixRow;
import de.klammer.portal.security.TestUsers;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;

/**
 * Measures plan computation and the rights-matrix load on a generated concept of 500 authorities, 200 roles and 40
 * status types, in the portal's process against embedded PostgreSQL and the real orderer. Not part of the test suite;
 * run it with {@code ./klammer bench}.
 */
@SpringBootTest(
        classes = PortalApplication.class,
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "klammer.ledger.network-descriptor=${klammer.network.descriptor}",
            "klammer.ledger.key-store-directory=${java.io.tmpdir}/klammer-keys-${random.uuid}",
            "klammer.ledger.key-store-password=bench-key-password"
        })
@ActiveProfiles({"demo", "test"})
@Import(ConceptScaleGenerator.class)
class ConceptScaleBenchmark {

    private static final int AUTHORITIES = 500;
    private static final int ROLES = 200;
    private static final int STATUS_TYPES = 40;
    private static final int WARMUP_RUNS = 5;
    private static final int MEASURED_RUNS = 30;

    @Autowired
    ConceptService concept;

    @Autowired
    ConceptPlanService plans;

    @Autowired
    ConceptScaleGenerator generator;

    @Autowired
    AuthorityService authorities;

    @Autowired
    BoardMemberService boardMembers;

    @Test
    void measuresPlanAndMatrixLoad() throws Exception {
        UUID version = generator.generate(AUTHORITIES, ROLES, STATUS_TYPES);
        TestUsers.signIn(new TestUsers(authorities, boardMembers).boardMember("bamf"));
        ConceptModel model = concept.model(version);
        Set<String> allMspIds = new HashSet<>();
        model.authorities().forEach(authority -> allMspIds.add(authority.mspId()));
        ConceptCompiler compiler = new ConceptCompiler("OrdererMSP");

        List<String> lines = new ArrayList<>();
        lines.add(String.format(Locale.ROOT, "concept scale: %d authorities, %d roles, %d status types, %d rights;"
                        + " %d runs after %d warm-up runs, server time in ms",
                model.authorities().size(), model.roles().size(), model.statusTypes().size(), model.rights().size(),
                MEASURED_RUNS, WARMUP_RUNS));
        lines.add(measure("plan against the live channel", () -> plans.plan(version)));
        lines.add(measure("compile only, every authority on the channel", () -> compiler.compile(model, allMspIds)));
        lines.add(measure("matrix first page (count + 100 rows)", () -> matrixPage(version, MatrixFilter.NONE)));
        lines.add(measure("matrix filtered by search 'role-01'",
                () -> matrixPage(version, new MatrixFilter("role-01", null, null, false))));
        ConceptPlan plan = plans.plan(version);
        CompiledConcept compiled = compiler.compile(model, allMspIds);
        TestUsers.signOut();

        lines.add("plan: " + plan.changes().size() + " changes; compiled policies: " + compiled.policies().size());
        String report = String.join(System.lineSeparator(), lines) + System.lineSeparator();
        System.out.println(report);
        Path target = Path.of("target", "benchmarks", "concept-scale.txt");
        Files.createDirectories(target.getParent());
        Files.writeString(target, report);
        assertThat(compiled.policies()).hasSize(STATUS_TYPES * 2 + 2);
    }

    private int matrixPage(UUID version, MatrixFilter filter) {
        int count = concept.countMatrix(version, filter);
        List<MatrixRow> rows = concept.matrix(version, filter, 0, 100);
        return count + rows.size();
    }

    private static String measure(String name, Supplier<?> operation) {
        List<Double> millis = new ArrayList<>();
        for (int run = 0; run < WARMUP_RUNS + MEASURED_RUNS; run++) {
            long start = System.nanoTime();
            operation.get();
            double elapsed = (System.nanoTime() - start) / 1e6;
            if (run >= WARMUP_RUNS) {
                millis.add(elapsed);
            }
        }
        List<Double> sorted = millis.stream().sorted().toList();
        double median = (sorted.get((sorted.size() - 1) / 2) + sorted.get(sorted.size() / 2)) / 2;
        // Nearest-rank p95.
        double p95 = sorted.get((int) Math.ceil(0.95 * sorted.size()) - 1);
        return String.format(Locale.ROOT, "%s: median %.1f ms, p95 %.1f ms, min %.1f ms, max %.1f ms", name, median,
                p95, sorted.getFirst(), sorted.getLast());
    }
}
