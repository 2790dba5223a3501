package de.klammer.portal.governance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import de.klammer.portal.IntegrationTest;
import de.klammer.portal.governance.DecisionRule.Counting;
import de.klammer.portal.governance.DecisionRule.Threshold;
import de.klammer.portal.governance.GovernanceRuleViolationException.Rule;
import de.klammer.portal.security.PortalRole;
import de.klammer.portal.security.PortalUser;
import de.klammer.portal.security.TestUsers;
import java.time.Duration;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;

@IntegrationTest
@RecordApplicationEvents
class VotingTests extends GovernanceTestSupport {

    @Autowired
    DecisionRuleService rules;

    @Autowired
    ApplicationEvents events;

    @Test
    void openingPublishesEventAndProposerVote() {
        ProposalDetails proposal = propose(CHANNEL_CHANGE, false);

        assertThat(events.stream(ProposalOpened.class))
                .singleElement()
                .satisfies(opened -> assertThat(opened.proposalId()).isEqualTo(proposal.id()))
                .satisfies(opened -> assertThat(opened.votingDeadline()).isEqualTo(proposal.governance().votingDeadline()));
        assertThat(proposal.governance().votes())
                .singleElement()
                .satisfies(vote -> assertThat(vote.choice()).isEqualTo(VoteChoice.YES))
                .satisfies(vote -> assertThat(vote.voterPseudonym()).isEqualTo(bamfProposer.boardMember().pseudonym()));
        assertThat(proposal.governance().changeType()).isEqualTo(ChangeType.APPLICATION_POLICY);
        assertThat(proposal.governance().legalBasis()).isEqualTo("Art. 6(1)(e) GDPR");
        assertThat(proposal.governance().count().yesStillNeeded()).isEqualTo(1);
    }

    @Test
    void noVoteRequiresReason() {
        ProposalDetails proposal = propose(CHANNEL_CHANGE, false);
        TestUsers.signIn(ldsMember);

        assertThatExceptionOfType(GovernanceRuleViolationException.class)
                .isThrownBy(() -> proposals.vote(proposal.id(), VoteChoice.NO, "  "))
                .satisfies(e -> assertThat(e.rule()).isEqualTo(Rule.REASON_REQUIRED));
        assertThat(voteCount(proposal.id())).isEqualTo(1);
    }

    @Test
    void noVoteOfAuthorityRejectsProposal() {
        ProposalDetails proposal = propose(CHANNEL_CHANGE, false);
        TestUsers.signIn(ldsMember);

        ApprovalOutcome outcome = proposals.vote(proposal.id(), VoteChoice.NO, "LDS keeps its own endorsement.");

        assertThat(outcome.status()).isEqualTo(ProposalStatus.REJECTED);
        assertThat(events.stream(ProposalDecided.class))
                .singleElement()
                .satisfies(decided -> assertThat(decided.outcome()).isEqualTo(ProposalStatus.REJECTED));
        ProposalDetails details = proposals.getProposal(proposal.id());
        assertThat(details.governance().decidedAt()).isNotNull();
        assertThat(details.governance().votes())
                .filteredOn(vote -> vote.choice() == VoteChoice.NO)
                .singleElement()
                .satisfies(vote -> assertThat(vote.reason()).isEqualTo("LDS keeps its own endorsement."));
    }

    @Test
    void changedVoteReplacesEarlierVote() {
        ProposalDetails proposal = propose(CHANNEL_CHANGE, false);
        TestUsers.signIn(bamfMember);

        ApprovalOutcome first = proposals.vote(proposal.id(), VoteChoice.YES, null);
        ApprovalOutcome second = proposals.vote(proposal.id(), VoteChoice.ABSTAIN, "Need more time.");

        assertThat(first.signed()).isTrue();
        assertThat(second.status()).isEqualTo(ProposalStatus.OPEN);
        assertThat(voteCount(proposal.id())).isEqualTo(2);
        assertThat(signatureCount(proposal.id())).as("withdrawn yes takes its signature along").isZero();
        ProposalDetails details = proposals.getProposal(proposal.id());
        assertThat(details.governance().myVote()).isEqualTo(VoteChoice.ABSTAIN);
        assertThat(details.canApprove()).isTrue();
    }

    @Test
    void withdrawnSignatureMovesToOtherYesVoter() {
        ProposalDetails proposal = propose(CHANNEL_CHANGE, false);
        PortalUser thirdBamf = users.boardMember("bamf");
        TestUsers.signIn(bamfMember);
        proposals.vote(proposal.id(), VoteChoice.YES, null);
        TestUsers.signIn(thirdBamf);
        proposals.vote(proposal.id(), VoteChoice.YES, null);

        TestUsers.signIn(bamfMember);
        proposals.vote(proposal.id(), VoteChoice.ABSTAIN, null);
        TestUsers.signIn(ldsMember);
        ApprovalOutcome outcome = proposals.vote(proposal.id(), VoteChoice.YES, null);

        assertThat(signatureCount(proposal.id())).isEqualTo(2);
        assertThat(outcome.status()).isEqualTo(ProposalStatus.APPROVED);
    }

    @Test
    void dpoVetoRejectsPersonalDataProposal() {
        ProposalDetails proposal = propose(CHANNEL_CHANGE, true);
        PortalUser dpo = users.user("bamf", PortalRole.DPO);
        TestUsers.signIn(dpo);

        assertThat(proposals.getProposal(proposal.id()).governance().canVeto()).isTrue();
        ApprovalOutcome outcome = proposals.veto(proposal.id(), "Widens access to personal data without a DPIA.");

        assertThat(outcome.status()).isEqualTo(ProposalStatus.REJECTED);
        ProposalDetails details = proposals.getProposal(proposal.id());
        assertThat(details.governance().count().tally().vetoes()).isEqualTo(1);
        assertThat(details.governance().votes())
                .filteredOn(vote -> vote.choice() == VoteChoice.VETO)
                .singleElement()
                .satisfies(vote -> assertThat(vote.vetoRole()).isEqualTo("DPO"))
                .satisfies(vote -> assertThat(vote.voterPseudonym()).matches("user-[0-9a-f]{16}"));
    }

    @Test
    void vetoRefusedWithoutPersonalData() {
        ProposalDetails proposal = propose(CHANNEL_CHANGE, false);
        TestUsers.signIn(users.user("bamf", PortalRole.DPO));

        assertThatExceptionOfType(GovernanceRuleViolationException.class)
                .isThrownBy(() -> proposals.veto(proposal.id(), "No."))
                .satisfies(e -> assertThat(e.rule()).isEqualTo(Rule.NO_VETO_RIGHT));
        assertThat(statusOf(proposal.id())).isEqualTo("open");
    }

    @Test
    void ruleChangeAppliesAfterUnanimousVote() {
        DecisionRule stricter = new DecisionRule(ChangeType.ORGANIZATION_POLICY, Threshold.ABSOLUTE_MAJORITY,
                Counting.PER_AUTHORITY, 100, Set.of(PortalRole.DPO), false, Duration.ofHours(72));
        DecisionRule before = currentRule(ChangeType.ORGANIZATION_POLICY);
        TestUsers.signIn(bamfProposer);
        ProposalDetails proposal = proposals.proposeRuleChange(texts(), stricter);
        assertThat(proposal.governance().ruleChange()).isTrue();
        assertThat(proposal.configUpdateSha256()).isNull();

        TestUsers.signIn(ldsMember);
        ApprovalOutcome outcome = proposals.vote(proposal.id(), VoteChoice.YES, null);

        try {
            assertThat(outcome.status()).isEqualTo(ProposalStatus.APPLIED);
            assertThat(currentRule(ChangeType.ORGANIZATION_POLICY)).isEqualTo(stricter);
            assertThat(events.stream(ProposalDecided.class))
                    .singleElement()
                    .satisfies(decided -> assertThat(decided.outcome()).isEqualTo(ProposalStatus.APPLIED));
        } finally {
            restoreRule(before);
        }
    }

    @Test
    void ruleWeakerThanLedgerIsRefused() {
        DecisionRule weak = new DecisionRule(ChangeType.APPLICATION_POLICY, Threshold.SIMPLE_MAJORITY,
                Counting.PER_AUTHORITY, 0, Set.of(), true, Duration.ofHours(24));
        TestUsers.signIn(bamfProposer);
        long before = proposalCount();

        assertThatExceptionOfType(RuleWeakerThanLedgerException.class)
                .isThrownBy(() -> proposals.proposeRuleChange(texts(), weak))
                .satisfies(e -> assertThat(e.missingSignatures())
                        .singleElement()
                        .asString()
                        .startsWith("/Channel/Application/Admins: ")
                        .containsAnyOf("LdsMSP admin missing", "BamfMSP admin missing"));
        assertThat(proposalCount()).isEqualTo(before);
    }

    private DecisionRule currentRule(ChangeType type) {
        TestUsers.signIn(bamfProposer);
        return rules.listRules().stream()
                .map(DecisionRuleSummary::rule)
                .filter(rule -> rule.changeType() == type)
                .findFirst()
                .orElseThrow();
    }

    private void restoreRule(DecisionRule rule) {
        jdbc.sql("update decision_rule set threshold = ?, counting = ?, min_turnout_percent = ?, veto_roles = ?, "
                        + "veto_personal_data_only = ?, voting_period_hours = ?, updated_by_proposal = null "
                        + "where change_type = ?")
                .params(rule.threshold().databaseValue(), rule.counting().databaseValue(), rule.minTurnoutPercent(),
                        String.join(",", rule.vetoRoles().stream().map(Enum::name).sorted().toList()),
                        rule.vetoPersonalDataOnly(), (int) rule.votingPeriod().toHours(),
                        rule.changeType().databaseValue())
                .update();
    }

    private static ProposalTexts texts() {
        return new ProposalTexts("Stricter rule", "Organisation policies need everyone.", "§ 5 Rules of procedure", false);
    }
}
