package de.klammer.portal.faults;

import static org.assertj.core.api.Assertions.assertThat;

import de.klammer.portal.LedgerIntegrationTest;
import de.klammer.portal.authority.AuthorityService;
import de.klammer.portal.authority.BoardMemberService;
import de.klammer.portal.browser.BoardSteps;
import de.klammer.portal.browser.PortalBrowser;
import de.klammer.portal.governance.ProposalDetails;
import de.klammer.portal.governance.ProposalService;
import de.klammer.portal.governance.ProposalStatus;
import de.klammer.portal.governance.ProposalTexts;
import de.klammer.portal.governance.SubmissionState;
import de.klammer.portal.governance.VoteChoice;
import de.klammer.portal.governance.internal.LedgerSubmitter;
import de.klammer.portal.ledger.LedgerGateway;
import de.klammer.portal.ledger.PolicyChange;
import de.klammer.portal.ledger.TestChannel;
import de.klammer.portal.security.PortalUser;
import de.klammer.portal.security.TestUsers;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Stops the real orderer while an approved change waits to be sent. The submission stays queued with a growing
 * back-off, and the proposal's page shows the error, the attempts and the next attempt. The change is applied once
 * when the orderer is back.
 */
@LedgerIntegrationTest
class OrdererOutageIT {

    private static final String CHANNEL = "asyl-status";

    @Autowired
    ProposalService proposals;

    @Autowired
    LedgerSubmitter submitter;

    @Autowired
    LedgerGateway ledger;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    AuthorityService authorities;

    @Autowired
    BoardMemberService boardMembers;

    @LocalServerPort
    int port;

    /**
     * Brings the orderer back even when the test failed half-way, because the test classes after this one share
     * the network. A second attempt follows a failed one, so that one bad start does not fail every later class.
     */
    @AfterEach
    void restartOrderer() throws Exception {
        TestUsers.signOut();
        try {
            network("start");
        } catch (IllegalStateException firstAttempt) {
            Thread.sleep(Duration.ofSeconds(5));
            network("start");
        }
    }

    @Test
    void queuedChangeAppliesAfterOrdererReturns() throws Exception {
        TestUsers users = new TestUsers(authorities, boardMembers);
        PortalUser proposer = users.boardMember("bamf");
        TestUsers.signIn(proposer);
        ProposalDetails opened = proposals.propose(
                new ProposalTexts("Orderer outage", "Sent while the orderer is down.", "Art. 6(1)(e) GDPR", false),
                new PolicyChange("/Channel/Application/Endorsement", BoardSteps.endorsementFlip(ledger, CHANNEL)));
        for (PortalUser voter : List.of(users.boardMember("bamf"), users.boardMember("lds"))) {
            TestUsers.signIn(voter);
            proposals.vote(opened.id(), VoteChoice.YES, null);
        }
        TestUsers.signIn(proposer);

        network("stop-orderer");
        submitter.processDueSubmissions();
        Duration firstDelay = delayOfNextAttempt(opened.id());
        makeDue(opened.id());
        submitter.processDueSubmissions();
        Duration secondDelay = delayOfNextAttempt(opened.id());
        ProposalDetails waiting = proposals.getProposal(opened.id());

        assertThat(waiting.status()).isEqualTo(ProposalStatus.APPROVED);
        assertThat(waiting.submissionState()).isEqualTo(SubmissionState.PENDING);
        assertThat(waiting.submissionError()).contains("LedgerUnavailableException");
        assertThat(attempts(opened.id())).isEqualTo(2);
        assertThat(secondDelay).isGreaterThan(firstDelay.plus(firstDelay.dividedBy(2)));
        assertThat(waiting.submissionAttempts()).isEqualTo(2);
        assertThat(waiting.nextAttemptAt()).isAfter(Instant.now());
        try (PortalBrowser browser = PortalBrowser.open("http://127.0.0.1:" + port)) {
            browser.signIn("lds", "lds-board-1");
            browser.openPage("/proposals/" + opened.id());
            assertThat(browser.text(By.id("proposal-submission")))
                    .startsWith("Übermittlung: wartet auf Übermittlung; letzter Fehler:")
                    .contains("LedgerUnavailableException");
            assertThat(browser.text(By.id("proposal-submission-retry"))).startsWith("Bisher 2 Versuch(e); der nächste");
        }

        network("start");
        makeDue(opened.id());
        submitter.processDueSubmissions();

        ProposalDetails applied = proposals.getProposal(opened.id());
        assertThat(applied.status()).isEqualTo(ProposalStatus.APPLIED);
        assertThat(applied.submissionState()).isEqualTo(SubmissionState.CONFIRMED);
        byte[] configUpdate = jdbc.sql("select config_update from proposal where id = ?")
                .param(opened.id())
                .query(byte[].class)
                .single();
        assertThat(TestChannel.listApplied(CHANNEL, configUpdate, applied.baseSequence())).hasSize(1);
    }

    /** Returns how long after its last update the submission's next attempt is due. */
    private Duration delayOfNextAttempt(UUID proposalId) {
        return jdbc.sql("select next_attempt_at, updated_at from ledger_submission where proposal_id = ?")
                .param(proposalId)
                .query((row, number) -> Duration.between(
                        row.getTimestamp("updated_at").toInstant(), row.getTimestamp("next_attempt_at").toInstant()))
                .single();
    }

    /** Moves the next attempt to now, as if the back-off had passed. */
    private void makeDue(UUID proposalId) {
        jdbc.sql("update ledger_submission set next_attempt_at = ? where proposal_id = ?")
                .param(java.sql.Timestamp.from(Instant.now()))
                .param(proposalId)
                .update();
    }

    private int attempts(UUID proposalId) {
        return jdbc.sql("select attempts from ledger_submission where proposal_id = ?")
                .param(proposalId)
                .query(Integer.class)
                .single();
    }

    /**
     * Runs a command of the network script on the test network's run folder. A failure names the command's log and
     * quotes its end, because the log stays on the machine that ran the test.
     */
    private static void network(String command) throws IOException, InterruptedException {
        Path home = TestChannel.descriptor().toAbsolutePath().getParent();
        Path log = home.resolve("klammer-network-" + command + "-" + System.nanoTime() + ".log");
        ProcessBuilder builder = new ProcessBuilder("network/klammer-network", command)
                .directory(Path.of("..").toAbsolutePath().normalize().toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        builder.environment().put("KLAMMER_NETWORK_HOME", home.toString());
        Process process = builder.start();
        boolean ended = process.waitFor(3, TimeUnit.MINUTES);
        if (!ended) {
            process.destroyForcibly().waitFor();
        }
        if (!ended || process.exitValue() != 0) {
            List<String> lines = Files.readAllLines(log);
            String tail = String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size()));
            throw new IllegalStateException("klammer-network " + command
                    + (ended ? " failed with exit code " + process.exitValue() : " did not end within 3 minutes")
                    + "; " + log + " ends with:\n" + tail);
        }
    }
}
