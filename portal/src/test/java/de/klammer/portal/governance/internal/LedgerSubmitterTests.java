package de.klammer.portal.governance.internal;

import static org.assertj.core.api.Assertions.assertThat;

import de.klammer.portal.IntegrationTest;
import de.klammer.portal.audit.AuditEvent;
import de.klammer.portal.audit.AuditService;
import de.klammer.portal.authority.AuthorityService;
import de.klammer.portal.authority.BoardMemberService;
import de.klammer.portal.governance.ProposalDetails;
import de.klammer.portal.governance.ProposalService;
import de.klammer.portal.governance.ProposalStatus;
import de.klammer.portal.governance.ProposalTexts;
import de.klammer.portal.governance.SubmissionState;
import de.klammer.portal.ledger.InMemoryLedgerGateway;
import de.klammer.portal.ledger.LedgerRejectedException;
import de.klammer.portal.ledger.LedgerUnavailableException;
import de.klammer.portal.ledger.PolicyChange;
import de.klammer.portal.security.PortalUser;
import de.klammer.portal.security.TestUsers;
import de.klammer.portal.shell.PortalProperties;
import de.klammer.portal.shell.PortalProperties.SubmitterProperties;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

@IntegrationTest
class LedgerSubmitterTests {

    @Autowired
    LedgerSubmitter submitter;

    @Autowired
    ProposalService proposalService;

    @Autowired
    ProposalRepository proposals;

    @Autowired
    LedgerSubmissionRepository submissions;

    @Autowired
    ApprovalRepository approvals;

    @Autowired
    ProposalSignatures signatures;

    @Autowired
    AuthorityService authorities;

    @Autowired
    BoardMemberService boardMembers;

    @Autowired
    AuditService audit;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    PortalProperties properties;

    @Autowired
    InMemoryLedgerGateway ledger;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ApplicationEventPublisher events;

    UUID proposalId;

    @BeforeEach
    void approveProposal() {
        ledger.reset();
        // Submissions left in progress by earlier tests must not be picked up by this one.
        jdbc.sql("update ledger_submission set next_attempt_at = now() + interval '1 day' "
                        + "where state in ('pending', 'sending', 'sent')")
                .update();

        TestUsers users = new TestUsers(authorities, boardMembers);
        PortalUser proposer = users.boardMember("bamf");
        TestUsers.signIn(proposer);
        ProposalDetails proposal = proposalService.propose(
                new ProposalTexts(
                        "Endorsement by any organisation", "Each authority endorses alone.", "Art. 6(1)(e) GDPR", false),
                new PolicyChange("/Channel/Application/Endorsement", "ANY Endorsement"));
        TestUsers.signIn(users.boardMember("bamf"));
        proposalService.approve(proposal.id());
        TestUsers.signIn(users.boardMember("lds"));
        proposalService.approve(proposal.id());
        TestUsers.signOut();
        proposalId = proposal.id();
    }

    @AfterEach
    void signOut() {
        TestUsers.signOut();
    }

    @Test
    void appliesPendingSubmission() {
        submitter.processDueSubmissions();

        Proposal proposal = proposal();
        assertThat(proposal.status()).isEqualTo(ProposalStatus.APPLIED);
        assertThat(proposal.appliedBlock()).isEqualTo(3);
        assertThat(proposal.appliedSequence()).isEqualTo(4);
        LedgerSubmission submission = submission();
        assertThat(submission.state()).isEqualTo(SubmissionState.CONFIRMED);
        assertThat(submission.txId()).startsWith("tx-");
        assertThat(ledger.submissionCount()).isEqualTo(1);
        assertThat(auditActions()).contains("ledger-submission.sent", "proposal.applied");
    }

    @Test
    void retriesWithBackoffWhenLedgerUnavailable() {
        ledger.failNextSubmit(() -> new LedgerUnavailableException("orderer 127.0.0.1:7050 refused the connection"));

        Instant before = Instant.now();
        submitter.processDueSubmissions();
        submitter.processDueSubmissions();

        LedgerSubmission submission = submission();
        assertThat(submission.state()).isEqualTo(SubmissionState.SENDING);
        assertThat(submission.attempts()).isEqualTo(1);
        assertThat(submission.lastError()).contains("refused the connection");
        assertThat(submission.nextAttemptAt()).isAfterOrEqualTo(before.plus(properties.submitter().initialBackoff()));
        assertThat(proposal().status()).isEqualTo(ProposalStatus.APPROVED);
        assertThat(ledger.submissionCount()).isZero();
        assertThat(auditActions()).contains("ledger-submission.retry-scheduled");
    }

    @Test
    void failsProposalWhenOrdererRejects() {
        ledger.failNextSubmit(() -> new LedgerRejectedException(
                "FORBIDDEN", "config update for existing channel did not pass initial checks", "Signatures are missing."));

        submitter.processDueSubmissions();

        Proposal proposal = proposal();
        assertThat(proposal.status()).isEqualTo(ProposalStatus.FAILED);
        assertThat(proposal.failureReason())
                .contains("FORBIDDEN", "did not pass initial checks", "Signatures are missing.");
        assertThat(submission().state()).isEqualTo(SubmissionState.FAILED);
    }

    @Test
    void marksStaleBeforeSending() {
        ledger.advanceSequence();

        submitter.processDueSubmissions();

        assertThat(proposal().status()).isEqualTo(ProposalStatus.STALE);
        assertThat(submission().state()).isEqualTo(SubmissionState.STALE);
        assertThat(ledger.submissionCount()).isZero();
    }

    @Test
    void confirmsInterruptedSubmissionWithoutResending() {
        LedgerSubmitter crashing = submitterWith(haltAfterBroadcast());

        crashing.processDueSubmissions();

        assertThat(crashing.isHalted()).isTrue();
        assertThat(submission().state()).isEqualTo(SubmissionState.SENDING);
        assertThat(ledger.submissionCount()).isEqualTo(1);

        submitter.processDueSubmissions();

        assertThat(submission().state()).isEqualTo(SubmissionState.CONFIRMED);
        assertThat(proposal().status()).isEqualTo(ProposalStatus.APPLIED);
        assertThat(ledger.submissionCount()).isEqualTo(1);
    }

    @Test
    void resendsInterruptedSubmissionMissingOnChannel() {
        ledger.applyOnSubmit(false);
        submitterWith(haltAfterBroadcast()).processDueSubmissions();
        ledger.applyOnSubmit(true);

        submitter.processDueSubmissions();

        assertThat(ledger.submissionCount()).isEqualTo(2);
        assertThat(proposal().status()).isEqualTo(ProposalStatus.APPLIED);
    }

    @Test
    void doublesBackoffUpToMaximum() {
        assertThat(submitter.backoff(1)).isEqualTo(Duration.ofSeconds(5));
        assertThat(submitter.backoff(2)).isEqualTo(Duration.ofSeconds(10));
        assertThat(submitter.backoff(3)).isEqualTo(Duration.ofSeconds(20));
        assertThat(submitter.backoff(30)).isEqualTo(Duration.ofMinutes(5));
    }

    private LedgerSubmitter submitterWith(SubmitterProperties submitterProperties) {
        PortalProperties changed = new PortalProperties(
                properties.authorities(),
                properties.rolesClaim(),
                properties.channel(),
                submitterProperties,
                properties.embeddedDb(),
                properties.demoIdp());
        return new LedgerSubmitter(
                submissions, proposals, signatures, ledger, audit, transactions, changed, events);
    }

    private SubmitterProperties haltAfterBroadcast() {
        SubmitterProperties current = properties.submitter();
        return new SubmitterProperties(
                current.enabled(),
                current.pollInterval(),
                current.initialBackoff(),
                current.maxBackoff(),
                current.awaitTimeout(),
                true);
    }

    private Proposal proposal() {
        return proposals.findById(proposalId).orElseThrow();
    }

    private LedgerSubmission submission() {
        return submissions.findByProposalId(proposalId).orElseThrow();
    }

    private java.util.List<String> auditActions() {
        return audit.findBySubject("proposal", proposal().reference()).stream()
                .map(AuditEvent::action)
                .toList();
    }
}
