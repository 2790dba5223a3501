package de.klammer.portal.faults;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import de.klammer.ledger.AppliedConfigUpdate;
import de.klammer.portal.PortalApplication;
import de.klammer.portal.authority.AuthorityService;
import de.klammer.portal.authority.BoardMemberService;
import de.klammer.portal.faults.CrashingPortal.Step;
import de.klammer.portal.governance.ProposalDetails;
import de.klammer.portal.governance.ProposalService;
import de.klammer.portal.governance.ProposalTexts;
import de.klammer.portal.governance.VoteChoice;
import de.klammer.portal.ledger.LedgerGateway;
import de.klammer.portal.ledger.PolicyChange;
import de.klammer.portal.ledger.PolicyView;
import de.klammer.portal.ledger.TestChannel;
import de.klammer.portal.security.PortalUser;
import de.klammer.portal.security.TestUsers;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;

/**
 * Kills the portal process with SIGKILL at each step of a ledger change and starts it again on the same database.
 * Every change must end applied, and each update must be on the channel exactly once. The board votes in a portal
 * inside this JVM with its submitter switched off, and separate portal processes ({@link CrashingPortal}) submit.
 */
class PortalCrashIT {

    private static final String CHANNEL = "asyl-status";
    private static final Duration STEP_TIMEOUT = Duration.ofMinutes(3);

    @TempDir
    static Path home;

    private static ConfigurableApplicationContext board;
    private static SecurityContextHolderStrategy previousStrategy;

    @BeforeAll
    static void startBoardPortal() {
        previousStrategy = SecurityContextHolder.getContextHolderStrategy();
        board = new SpringApplicationBuilder(PortalApplication.class)
                .profiles("demo", "test")
                .properties(Map.of(
                        "klammer.portal.embedded-db.data-dir", home.resolve("postgres").toString(),
                        "klammer.ledger.network-descriptor", TestChannel.descriptor().toString(),
                        "klammer.ledger.key-store-directory", home.resolve("keys").toString(),
                        "klammer.ledger.key-store-password", "test-key-password"))
                .run();
    }

    @AfterAll
    static void stopBoardPortal() {
        if (board != null) {
            board.close();
        }
        SecurityContextHolder.setContextHolderStrategy(previousStrategy);
    }

    @Test
    void killedSubmissionsApplyExactlyOnce() throws Exception {
        List<String> paths = List.of(
                "/Channel/Application/Endorsement",
                "/Channel/Application/LifecycleEndorsement",
                "/Channel/Application/BamfMSP/Endorsement",
                "/Channel/Application/LdsMSP/Endorsement");
        List<ProposalDetails> approved = new ArrayList<>();
        for (String path : paths) {
            approved.add(proposeAndApprove(new PolicyChange(path, flip(path))));
        }

        for (Step step : Step.values()) {
            ProposalDetails target = approved.get(step.ordinal());
            Path marker = home.resolve("crash-" + step.name());
            Process portal = startPortal(step, target.configUpdateSha256(), marker);
            awaitMarker(portal, marker, step);
            portal.destroyForcibly().waitFor();

            assertThat(submissionState(target.id())).as("submission state after the kill at " + step)
                    .isEqualTo(expectedStateAfterKill(step));
        }

        Process recovery = startPortal(null, "", home.resolve("no-crash"));
        try {
            awaitAllApplied(recovery, approved);
        } finally {
            recovery.destroy();
            recovery.waitFor();
        }

        for (ProposalDetails proposal : approved) {
            assertThat(proposalStatus(proposal.id())).as(proposal.reference()).isEqualTo("applied");
            assertThat(submissionState(proposal.id())).as(proposal.reference()).isEqualTo("confirmed");
            assertThat(listApplied(proposal)).as("config blocks carrying " + proposal.reference()).hasSize(1);
        }
    }

    private static String expectedStateAfterKill(Step step) {
        return switch (step) {
            case AFTER_APPROVAL -> "pending";
            case AFTER_SIGNING, AFTER_SUBMIT -> "sending";
            case BEFORE_CONFIRMATION -> "sent";
        };
    }

    /** Returns a valid rule for the policy that differs from the live one. */
    private static String flip(String path) {
        String current = board.getBean(LedgerGateway.class).readChannel(CHANNEL).policies().stream()
                .filter(policy -> policy.path().equals(path))
                .map(PolicyView::text)
                .findFirst()
                .orElseThrow(() -> new AssertionError("channel has no policy " + path));
        if (path.endsWith("MSP/Endorsement")) {
            String msp = path.split("/")[3];
            return current.contains(msp + ".peer") ? "OR('" + msp + ".member')" : "OR('" + msp + ".peer')";
        }
        String group = path.substring(path.lastIndexOf('/') + 1).equals("LifecycleEndorsement")
                ? "Endorsement"
                : path.substring(path.lastIndexOf('/') + 1);
        return current.startsWith("MAJORITY") ? "ANY " + group : "MAJORITY " + group;
    }

    private static ProposalDetails proposeAndApprove(PolicyChange change) {
        SecurityContextHolder.setContextHolderStrategy(board.getBean(SecurityContextHolderStrategy.class));
        TestUsers users = new TestUsers(board.getBean(AuthorityService.class), board.getBean(BoardMemberService.class));
        ProposalService proposals = board.getBean(ProposalService.class);
        PortalUser proposer = users.boardMember("bamf");
        try {
            TestUsers.signIn(proposer);
            ProposalDetails opened = proposals.propose(
                    new ProposalTexts("Crash test", "Killed while it is applied.", "Art. 6(1)(e) GDPR", false),
                    change);
            for (PortalUser voter : List.of(users.boardMember("bamf"), users.boardMember("lds"))) {
                TestUsers.signIn(voter);
                proposals.vote(opened.id(), VoteChoice.YES, null);
            }
            TestUsers.signIn(proposer);
            ProposalDetails decided = proposals.getProposal(opened.id());
            assertThat(decided.status().name()).as(change.path()).isEqualTo("APPROVED");
            return decided;
        } finally {
            TestUsers.signOut();
        }
    }

    private static Process startPortal(Step step, String updateSha256, Path marker) throws IOException {
        String java = ProcessHandle.current().info().command().orElse("java");
        Path log = home.resolve("portal-" + (step == null ? "recovery" : step.name()) + ".log");
        List<String> command = List.of(
                java,
                "-Xmx512m",
                "-cp",
                System.getProperty("java.class.path"),
                "-Dklammer.crash.step=" + (step == null ? "" : step.name()),
                "-Dklammer.crash.update=" + updateSha256,
                "-Dklammer.crash.marker=" + marker,
                CrashingPortal.class.getName(),
                "--spring.profiles.active=demo,test",
                "--spring.datasource.url=" + ((HikariDataSource) board.getBean(DataSource.class)).getJdbcUrl(),
                "--spring.datasource.username=postgres",
                "--klammer.portal.demo-idp.enabled=false",
                "--klammer.portal.demo-idp.port=" + board.getEnvironment().getProperty("klammer.portal.demo-idp.port"),
                "--klammer.ledger.network-descriptor=" + TestChannel.descriptor(),
                "--klammer.ledger.key-store-directory=" + home.resolve("keys"),
                "--klammer.ledger.key-store-password=test-key-password",
                "--klammer.portal.submitter.enabled=true",
                "--klammer.portal.submitter.poll-interval=PT1S",
                "--klammer.portal.submitter.lock-at-most-for=PT5S");
        return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    }

    private static void awaitMarker(Process portal, Path marker, Step step) throws Exception {
        Instant deadline = Instant.now().plus(STEP_TIMEOUT);
        while (!Files.exists(marker)) {
            if (!portal.isAlive()) {
                throw new AssertionError("The portal stopped before reaching " + step + "; its log: "
                        + home.resolve("portal-" + step.name() + ".log"));
            }
            if (Instant.now().isAfter(deadline)) {
                portal.destroyForcibly();
                throw new AssertionError("The portal did not reach " + step + " within " + STEP_TIMEOUT);
            }
            Thread.sleep(200);
        }
    }

    private static void awaitAllApplied(Process portal, List<ProposalDetails> proposals) throws Exception {
        Instant deadline = Instant.now().plus(STEP_TIMEOUT);
        while (proposals.stream().anyMatch(proposal -> !proposalStatus(proposal.id()).equals("applied"))) {
            if (!portal.isAlive() || Instant.now().isAfter(deadline)) {
                throw new AssertionError("Not every proposal was applied after the restart; statuses "
                        + proposals.stream().map(proposal -> proposalStatus(proposal.id())).toList()
                        + ", portal log " + home.resolve("portal-recovery.log"));
            }
            Thread.sleep(500);
        }
    }

    private static String proposalStatus(UUID proposalId) {
        return jdbc().sql("select status from proposal where id = ?").param(proposalId).query(String.class).single();
    }

    private static String submissionState(UUID proposalId) {
        return jdbc().sql("select state from ledger_submission where proposal_id = ?")
                .param(proposalId)
                .query(String.class)
                .single();
    }

    private static JdbcClient jdbc() {
        return board.getBean(JdbcClient.class);
    }

    private static List<AppliedConfigUpdate> listApplied(ProposalDetails proposal) throws IOException {
        byte[] configUpdate = jdbc().sql("select config_update from proposal where id = ?")
                .param(proposal.id())
                .query(byte[].class)
                .single();
        return TestChannel.listApplied(CHANNEL, configUpdate, proposal.baseSequence());
    }
}
