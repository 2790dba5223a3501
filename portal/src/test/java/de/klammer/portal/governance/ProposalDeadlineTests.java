package de.klammer.portal.governance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import de.klammer.portal.IntegrationTest;
import de.klammer.portal.authority.AuthorityService;
import de.klammer.portal.authority.BoardMemberService;
import de.klammer.portal.governance.GovernanceRuleViolationException.Rule;
import de.klammer.portal.governance.internal.LedgerSubmitter;
import de.klammer.portal.ledger.InMemoryLedgerGateway;
import de.klammer.portal.ledger.PolicyChange;
import de.klammer.portal.security.PortalUser;
import de.klammer.portal.security.TestUsers;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;

@IntegrationTest
@RecordApplicationEvents
class ProposalDeadlineTests {

    private static final PolicyChange CHANGE = new PolicyChange("/Channel/Application/Endorsement", "ANY Endorsement");

    @Autowired
    ProposalService proposals;

    @Autowired
    ProposalDeadlines deadlines;

    @Autowired
    LedgerSubmitter submitter;

    @Autowired
    InMemoryLedgerGateway ledger;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    AuthorityService authorities;

    @Autowired
    BoardMemberService boardMembers;

    @Autowired
    ApplicationEvents events;

    TestUsers users;
    PortalUser proposer;
    PortalUser bamfMember;
    PortalUser ldsMember;

    @BeforeEach
    void createBoardMembers() {
        ledger.reset();
        // Submissions left in progress by earlier tests must not be picked up by this one.
        jdbc.sql("update ledger_submission set next_attempt_at = now() + interval '1 day' "
                        + "where state in ('pending', 'sending', 'sent')")
                .update();
        users = new TestUsers(authorities, boardMembers);
        proposer = users.boardMember("bamf");
        bamfMember = users.boardMember("bamf");
        ldsMember = users.boardMember("lds");
    }

    @AfterEach
    void signOut() {
        TestUsers.signOut();
    }

    @Test
    void votePastDeadlineIsRefused() {
        UUID id = propose();
        moveDeadline(id, Instant.now().minusSeconds(60));
        TestUsers.signIn(ldsMember);

        assertThatExceptionOfType(GovernanceRuleViolationException.class)
                .isThrownBy(() -> proposals.approve(id))
                .satisfies(e -> assertThat(e.rule()).isEqualTo(Rule.VOTING_CLOSED));
        assertThat(statusOf(id)).isEqualTo("open");
        assertThat(voteCount(id)).isEqualTo(1);
    }

    @Test
    void expiredProposalCannotBeApproved() {
        UUID id = propose();
        TestUsers.signIn(bamfMember);
        proposals.approve(id);
        moveDeadline(id, Instant.now().minusSeconds(60));

        deadlines.processDue(Instant.now());

        assertThat(statusOf(id)).isEqualTo("expired");
        assertThat(events.stream(ProposalDecided.class))
                .singleElement()
                .satisfies(decided -> assertThat(decided.outcome()).isEqualTo(ProposalStatus.EXPIRED));
        TestUsers.signIn(ldsMember);
        assertThatExceptionOfType(IllegalStateException.class)
                .isThrownBy(() -> proposals.approve(id))
                .withMessageContaining("expired");
        assertThat(proposals.getProposal(id).canApprove()).isFalse();
        assertThat(submissionState(id)).isNull();
    }

    @Test
    void expiredProposalIsNeverSubmitted() {
        UUID id = propose();
        TestUsers.signIn(bamfMember);
        proposals.approve(id);
        TestUsers.signIn(ldsMember);
        assertThat(proposals.approve(id).status()).isEqualTo(ProposalStatus.APPROVED);
        // An approved proposal cannot expire through the service, so force the state the submitter must refuse.
        jdbc.sql("update proposal set status = 'expired' where id = ?").param(id).update();
        int submittedBefore = ledger.submissionCount();

        submitter.processDueSubmissions();

        assertThat(ledger.submissionCount()).isEqualTo(submittedBefore);
        assertThat(submissionState(id)).isEqualTo("failed");
        assertThat(statusOf(id)).isEqualTo("expired");
    }

    @Test
    void abstainingAuthorityMissesAbsoluteMajority() {
        UUID id = propose();
        TestUsers.signIn(bamfMember);
        proposals.approve(id);
        TestUsers.signIn(ldsMember);
        proposals.vote(id, VoteChoice.ABSTAIN, null);
        assertThat(statusOf(id)).as("an abstaining authority leaves the absolute majority unmet").isEqualTo("rejected");
    }

    @Test
    void deadlineNoticeIsPublishedOnce() {
        UUID id = propose();
        moveDeadline(id, Instant.now().plus(Duration.ofHours(1)));

        deadlines.processDue(Instant.now());
        deadlines.processDue(Instant.now());

        assertThat(events.stream(ProposalDeadlineApproaching.class))
                .singleElement()
                .satisfies(notice -> assertThat(notice.proposalId()).isEqualTo(id));
        assertThat(jdbc.sql("select deadline_notice_sent_at is not null from proposal where id = ?")
                        .param(id)
                        .query(Boolean.class)
                        .single())
                .isTrue();
        assertThat(statusOf(id)).isEqualTo("open");
    }

    @Test
    void distantDeadlineSendsNoNotice() {
        UUID id = propose();

        deadlines.processDue(Instant.now());

        assertThat(events.stream(ProposalDeadlineApproaching.class)).noneMatch(notice -> notice.proposalId().equals(id));
    }

    private UUID propose() {
        TestUsers.signIn(proposer);
        return proposals.propose(
                        new ProposalTexts("Deadline test", "Checks the voting deadline.", "Art. 6(1)(e) GDPR", false),
                        CHANGE)
                .id();
    }

    private void moveDeadline(UUID id, Instant deadline) {
        jdbc.sql("update proposal set voting_deadline = ? where id = ?")
                .params(Timestamp.from(deadline), id)
                .update();
    }

    private String statusOf(UUID id) {
        return jdbc.sql("select status from proposal where id = ?").param(id).query(String.class).single();
    }

    private long voteCount(UUID id) {
        return jdbc.sql("select count(*) from vote where proposal_id = ?").param(id).query(Long.class).single();
    }

    private String submissionState(UUID id) {
        return jdbc.sql("select state from ledger_submission where proposal_id = ?")
                .param(id)
                .query(String.class)
                .optional()
                .orElse(null);
    }
}
