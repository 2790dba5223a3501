package de.klammer.portal.bench;

import static org.assertj.core.api.Assertions.assertThat;

import de.klammer.portal.PortalApplication;
import de.klammer.portal.authority.AuthorityService;
import de.klammer.portal.authority.BoardMemberService;
import de.klammer.portal.governance.ChangeType;
import de.klammer.portal.governance.DecisionRule;
import de.klammer.portal.governance.DecisionRule.Counting;
import de.klammer.portal.governance.DecisionRule.Threshold;
import de.klammer.portal.governance.DecisionRuleService;
import de.klammer.portal.security.TestUsers;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/**
 * Measures how long the check of a decision rule against the live mod_policies takes on the real orderer, for a rule
 * that passes the check (so every coalition of authorities is evaluated). The check reads the channel config over
 * Deliver once per mod_policy. Not part of the test suite; run it with {@code ./klammer bench}.
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
class DecisionRuleCheckBenchmark {

    private static final int WARMUP_RUNS = 3;
    private static final int MEASURED_RUNS = 20;

    @Autowired
    DecisionRuleService rules;

    @Autowired
    AuthorityService authorities;

    @Autowired
    BoardMemberService boardMembers;

    @Test
    void measuresRuleCheckAgainstLedger() throws IOException {
        TestUsers.signIn(new TestUsers(authorities, boardMembers).boardMember("bamf"));
        DecisionRule rule = new DecisionRule(ChangeType.APPLICATION_POLICY, Threshold.ABSOLUTE_MAJORITY,
                Counting.PER_AUTHORITY, 50, Set.of(), true, Duration.ofHours(24));
        List<Double> seconds = new ArrayList<>();

        for (int run = 0; run < WARMUP_RUNS + MEASURED_RUNS; run++) {
            long start = System.nanoTime();
            List<String> missing = rules.checkAgainstLedger(rule);
            double elapsed = (System.nanoTime() - start) / 1e9;

            assertThat(missing).isEmpty();
            if (run >= WARMUP_RUNS) {
                seconds.add(elapsed);
            }
        }
        TestUsers.signOut();

        List<Double> sorted = seconds.stream().sorted().toList();
        double median = (sorted.get(sorted.size() / 2 - 1) + sorted.get(sorted.size() / 2)) / 2;
        String report = String.format(Locale.ROOT,
                "decision rule check against the live mod_policies, %d runs (after %d warm-up runs)%n"
                        + "median %.3f s, min %.3f s, max %.3f s%nruns: %s%n",
                sorted.size(), WARMUP_RUNS, median, sorted.getFirst(), sorted.getLast(),
                seconds.stream().map(s -> String.format(Locale.ROOT, "%.3f", s)).toList());
        System.out.println(report);
        Path target = Path.of("target", "benchmarks", "decision-rule-check.txt");
        Files.createDirectories(target.getParent());
        Files.writeString(target, report);
        assertThat(seconds).hasSize(MEASURED_RUNS);
    }
}
