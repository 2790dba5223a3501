package de.klammer.portal.governance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import de.klammer.portal.IntegrationTest;
import de.klammer.portal.governance.GovernanceRuleViolationException.Rule;
import de.klammer.portal.governance.internal.LedgerSubmitter;
import de.klammer.portal.security.TestUsers;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;

@IntegrationTest
@RecordApplicationEvents
class ProposalDeadlineTests extends GovernanceTestSupport {

    @Autowired
    ProposalDeadlines deadlines;

    @Autowired
    LedgerSubmitter submitter;

    @Autowired
    ApplicationEvents events;

    @BeforeEach
    void postponeEarlierSubmissions() {
        postponeUnfinishedSubmissions();
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
        TestUsers.signIn(bamfProposer);
        return proposals.propose(
                        new ProposalTexts("Deadline test", "Checks the voting deadline.", "Art. 6(1)(e) GDPR", false),
                        CHANNEL_CHANGE)
                .id();
    }

    private void moveDeadline(UUID id, Instant deadline) {
        jdbc.sql("update proposal set voting_deadline = ? where id = ?")
                .params(Timestamp.from(deadline), id)
                .update();
    }
}
