package de.klammer.portal.bench;

import static org.assertj.core.api.Assertions.assertThat;

import de.klammer.portal.PortalApplication;
import de.klammer.portal.authority.AuthorityService;
import de.klammer.portal.authority.BoardMemberService;
import de.klammer.portal.governance.ProposalService;
import de.klammer.portal.ledger.LedgerGateway;
import de.klammer.portal.security.PortalUser;
import de.klammer.portal.security.TestUsers;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/**
 * Measures the time from the last approval of a proposal to its confirmed config block on the real orderer, with the
 * submitter running as in production (triggered after the approval commits, polling every 5 s as a fallback). Each
 * run starts the clock before the last {@code approve} call, which signs and evaluates, and stops it when the
 * proposal reads applied in the database. Not part of the test suite; run it with {@code ./klammer bench}.
 */
@SpringBootTest(
        classes = PortalApplication.class,
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "klammer.ledger.network-descriptor=${klammer.network.descriptor}",
            "klammer.ledger.key-store-directory=${java.io.tmpdir}/klammer-keys-${random.uuid}",
            "klammer.ledger.key-store-password=bench-key-password",
            "klammer.portal.submitter.enabled=true"
        })
@ActiveProfiles({"demo", "test"})
class LastApprovalToBlockBenchmark {

    private static final int WARMUP_RUNS = 2;
    private static final int MEASURED_RUNS = 12;

    @Autowired
    ProposalService proposals;

    @Autowired
    LedgerGateway ledger;

    @Autowired
    AuthorityService authorities;

    @Autowired
    BoardMemberService boardMembers;

    @Test
    void measuresLastApprovalToConfirmedBlock() throws Exception {
        TestUsers users = new TestUsers(authorities, boardMembers);
        PortalUser proposer = users.boardMember("bamf");
        PortalUser secondBamf = users.boardMember("bamf");
        PortalUser lds = users.boardMember("lds");
        List<Double> seconds = new ArrayList<>();

        ApprovalRound round = new ApprovalRound(proposals, ledger, proposer, secondBamf, lds);

        for (int run = 0; run < WARMUP_RUNS + MEASURED_RUNS; run++) {
            double elapsed = round.run("Benchmark run " + run);

            if (run >= WARMUP_RUNS) {
                seconds.add(elapsed);
            }
        }
        TestUsers.signOut();

        String report = report(seconds);
        System.out.println(report);
        Path target = Path.of("target", "benchmarks", "last-approval-to-block.txt");
        Files.createDirectories(target.getParent());
        Files.writeString(target, report);
        assertThat(seconds).hasSize(MEASURED_RUNS);
    }

    private static String report(List<Double> seconds) throws IOException {
        List<Double> sorted = seconds.stream().sorted().toList();
        double median = sorted.size() % 2 == 1
                ? sorted.get(sorted.size() / 2)
                : (sorted.get(sorted.size() / 2 - 1) + sorted.get(sorted.size() / 2)) / 2;
        double mean = sorted.stream().mapToDouble(Double::doubleValue).average().orElse(0);
        double deviation = Math.sqrt(sorted.stream().mapToDouble(s -> (s - mean) * (s - mean)).sum() / (sorted.size() - 1));
        return String.format(Locale.ROOT,
                "last approval to confirmed config block, %d runs (after %d warm-up runs)%n"
                        + "median %.3f s, min %.3f s, max %.3f s, mean %.3f s, standard deviation %.3f s%n"
                        + "runs: %s%n",
                sorted.size(), WARMUP_RUNS, median, sorted.getFirst(), sorted.getLast(), mean, deviation,
                seconds.stream().map(s -> String.format(Locale.ROOT, "%.3f", s)).toList());
    }
}
