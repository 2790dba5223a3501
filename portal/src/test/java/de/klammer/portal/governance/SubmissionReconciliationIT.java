package de.klammer.portal.governance;

import static org.assertj.core.api.Assertions.assertThat;

import de.klammer.ledger.AppliedConfigUpdate;
import de.klammer.portal.PortalApplication;
import de.klammer.portal.audit.AuditEvent;
import de.klammer.portal.audit.AuditService;
import de.klammer.portal.browser.BoardSteps;
import de.klammer.portal.governance.internal.LedgerSubmission;
import de.klammer.portal.governance.internal.LedgerSubmissionRepository;
import de.klammer.portal.governance.internal.LedgerSubmitter;
import de.klammer.portal.governance.internal.Proposal;
import de.klammer.portal.governance.internal.ProposalRepository;
import de.klammer.portal.ledger.LedgerGateway;
import de.klammer.portal.ledger.TestChannel;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;

/**
 * A portal that stops between broadcasting an approved update and recording it, then starts again on the same
 * database: the restarted submitter finds the update on the channel and records it as applied without sending it
 * again, so the channel carries it exactly once.
 */
class SubmissionReconciliationIT {

    private static final String CHANNEL = "asyl-status";

    @TempDir
    Path dataDirectory;

    /**
     * The strategy of the security context before this test. Starting a portal sets a new global strategy, which
     * would leave the cached Spring contexts of other tests reading another one than their method security uses.
     */
    private SecurityContextHolderStrategy previousStrategy;

    @BeforeEach
    void rememberSecurityStrategy() {
        previousStrategy = SecurityContextHolder.getContextHolderStrategy();
    }

    @AfterEach
    void restoreSecurityStrategy() {
        SecurityContextHolder.setContextHolderStrategy(previousStrategy);
    }

    @Test
    void appliesInterruptedSubmissionExactlyOnce() throws IOException {
        String reference;
        byte[] configUpdate;
        long baseSequence;
        try (ConfigurableApplicationContext first = startPortal(true)) {
            String rule = BoardSteps.endorsementFlip(first.getBean(LedgerGateway.class), CHANNEL);
            reference = BoardSteps.propose(baseUrl(first), "bamf", "bamf-board-1", rule);
            BoardSteps.approve(baseUrl(first), "bamf", "bamf-board-2", reference, "Offen");
            BoardSteps.approve(baseUrl(first), "lds", "lds-board-1", reference, "Beschlossen");
            LedgerSubmitter submitter = first.getBean(LedgerSubmitter.class);

            submitter.processDueSubmissions();

            assertThat(submitter.isHalted()).as("submitter halted right after the broadcast").isTrue();
            Proposal proposal = proposal(first, reference);
            assertThat(submission(first, proposal.id()).state().databaseValue()).isEqualTo("sending");
            configUpdate = proposal.preparedUpdate().configUpdate();
            baseSequence = proposal.preparedUpdate().baseSequence();
        }

        try (ConfigurableApplicationContext second = startPortal(false)) {
            second.getBean(LedgerSubmitter.class).processDueSubmissions();

            Proposal proposal = proposal(second, reference);
            assertThat(proposal.status()).isEqualTo(ProposalStatus.APPLIED);
            assertThat(submission(second, proposal.id()).state().databaseValue()).isEqualTo("confirmed");
            List<AuditEvent> trail = second.getBean(AuditService.class).findBySubject("proposal", reference);
            assertThat(trail).extracting(AuditEvent::action).doesNotContain("ledger-submission.sent");
            assertThat(trail).filteredOn(event -> event.action().equals("proposal.applied"))
                    .singleElement()
                    .satisfies(event -> assertThat(event.details()).contains("interrupted submission"));
            List<AppliedConfigUpdate> blocks = TestChannel.listApplied(CHANNEL, configUpdate, baseSequence);
            assertThat(blocks).as("config blocks carrying the update").hasSize(1);
            assertThat(proposal.appliedBlock()).isEqualTo(blocks.getFirst().blockNumber());
            assertThat(proposal.appliedSequence()).isEqualTo(blocks.getFirst().sequence());
        }
    }

    private ConfigurableApplicationContext startPortal(boolean haltAfterBroadcast) {
        return new SpringApplicationBuilder(PortalApplication.class)
                .profiles("demo", "test")
                .properties(Map.of(
                        "klammer.portal.embedded-db.data-dir", dataDirectory.resolve("postgres").toString(),
                        "klammer.portal.submitter.halt-after-broadcast", String.valueOf(haltAfterBroadcast),
                        "klammer.ledger.network-descriptor", TestChannel.descriptor().toString(),
                        "klammer.ledger.key-store-directory", dataDirectory.resolve("keys").toString(),
                        "klammer.ledger.key-store-password", "test-key-password"))
                .run();
    }

    private static Proposal proposal(ConfigurableApplicationContext context, String reference) {
        return context.getBean(ProposalRepository.class).findAll().stream()
                .filter(proposal -> proposal.reference().equals(reference))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no proposal " + reference));
    }

    private static LedgerSubmission submission(ConfigurableApplicationContext context, UUID proposalId) {
        return context.getBean(LedgerSubmissionRepository.class).findByProposalId(proposalId).orElseThrow();
    }

    private static String baseUrl(ConfigurableApplicationContext context) {
        return "http://127.0.0.1:" + context.getEnvironment().getRequiredProperty("local.server.port");
    }
}
