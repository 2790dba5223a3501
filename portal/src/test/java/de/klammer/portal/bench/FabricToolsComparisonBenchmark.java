package de.klammer.portal.bench;

import static org.assertj.core.api.Assertions.assertThat;

import de.klammer.portal.PortalApplication;
import de.klammer.portal.authority.AuthorityService;
import de.klammer.portal.authority.BoardMemberService;
import de.klammer.portal.governance.ProposalService;
import de.klammer.portal.ledger.FabricPeerCommand;
import de.klammer.portal.ledger.LedgerGateway;
import de.klammer.portal.security.TestUsers;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/**
 * Compares the same policy change, a flip of {@code /Channel/Application/Endorsement}, done with Fabric's own tools
 * and through Klammer, alternating in one run against the same orderer. The Fabric round is the wall clock of
 * {@code fabric-policy-update.sh}: fetch the config block, configtxlator decode, edit with jq, compute_update, wrap
 * the envelope, {@code peer channel signconfigtx} as the BAMF and the LDS admin, {@code peer channel update}, and
 * fetch until the new config block is served. The Klammer round is {@link ApprovalRound}: last approval to the
 * proposal reading applied. Not part of the test suite; run it with {@code ./klammer bench}.
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
class FabricToolsComparisonBenchmark {

    private static final int WARMUP_ROUNDS = 1;
    private static final int MEASURED_ROUNDS = 8;
    private static final Path SCRIPT = Path.of("src/test/resources/bench/fabric-policy-update.sh");

    @Autowired
    ProposalService proposals;

    @Autowired
    LedgerGateway ledger;

    @Autowired
    AuthorityService authorities;

    @Autowired
    BoardMemberService boardMembers;

    @Test
    void comparesFabricToolsWithKlammer() throws Exception {
        Path descriptor = Path.of(System.getProperty("klammer.network.descriptor"));
        Path workDir = Files.createTempDirectory("klammer-fabric-tools");
        FabricPeerCommand.create(FabricPeerCommand.testNetwork(), workDir);
        TestUsers users = new TestUsers(authorities, boardMembers);
        ApprovalRound klammer = new ApprovalRound(proposals, ledger, users.boardMember("bamf"),
                users.boardMember("bamf"), users.boardMember("lds"));
        Timings fabricTools = new Timings();
        Timings klammerPath = new Timings();

        for (int round = 0; round < WARMUP_ROUNDS + MEASURED_ROUNDS; round++) {
            long start = System.nanoTime();
            runScript(descriptor, workDir);
            long end = System.nanoTime();
            double klammerSeconds = klammer.run("Comparison round " + round);

            if (round >= WARMUP_ROUNDS) {
                fabricTools.add(start, end);
                klammerPath.add(0, Math.round(klammerSeconds * 1e9));
            }
        }
        TestUsers.signOut();

        String report = report(fabricTools, klammerPath, descriptor, workDir);
        System.out.println(report);
        Path target = Path.of("target", "benchmarks", "fabric-tools-comparison.txt");
        Files.createDirectories(target.getParent());
        Files.writeString(target, report);
        assertThat(fabricTools.count()).isEqualTo(MEASURED_ROUNDS);
        assertThat(klammerPath.count()).isEqualTo(MEASURED_ROUNDS);
    }

    private static void runScript(Path descriptor, Path workDir) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(List.of("bash", SCRIPT.toString(), descriptor.toString(),
                workDir.toString()))
                .redirectErrorStream(true)
                .start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(120, TimeUnit.SECONDS) || process.exitValue() != 0) {
            process.destroyForcibly();
            throw new IllegalStateException("fabric-policy-update.sh failed: " + output);
        }
    }

    private static String report(Timings fabricTools, Timings klammerPath, Path descriptor, Path workDir) {
        return String.format(Locale.ROOT,
                "same Endorsement flip, %d alternating rounds each (after %d warm-up round)%n"
                        + "Fabric tools, fetch to served config block: %s%n"
                        + "Klammer, last approval to applied proposal: %s%n"
                        + "ratio of medians (Fabric tools / Klammer): %.1f%n"
                        + "Fabric tools runs: %s%nKlammer runs: %s%n"
                        + "Fabric command: bash %s %s %s%n",
                MEASURED_ROUNDS, WARMUP_ROUNDS, fabricTools.summary(), klammerPath.summary(),
                fabricTools.median() / klammerPath.median(), fabricTools.runs(), klammerPath.runs(), SCRIPT,
                descriptor, workDir);
    }
}
