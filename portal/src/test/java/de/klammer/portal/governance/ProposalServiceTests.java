package de.klammer.portal.governance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import de.klammer.portal.IntegrationTest;
import de.klammer.portal.audit.AuditEvent;
import de.klammer.portal.governance.GovernanceRuleViolationException.Rule;
import de.klammer.portal.ledger.ChangeRejectedException;
import de.klammer.portal.ledger.PolicyChange;
import de.klammer.portal.security.PortalRole;
import de.klammer.portal.security.PortalUser;
import de.klammer.portal.security.TestUsers;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.security.access.AccessDeniedException;

@IntegrationTest
class ProposalServiceTests extends GovernanceTestSupport {

    private static final ProposalTexts TEXTS = new ProposalTexts("Title", "Rationale", "Art. 6(1)(e) GDPR", false);
    private static final PolicyChange BAMF_ONLY_CHANGE =
            new PolicyChange("/Channel/Application/BamfMSP/Endorsement", "OutOf(1,'BamfMSP.peer')");

    @Test
    void opensProposalWithPreparedUpdate() {
        ProposalDetails proposal = propose(CHANNEL_CHANGE, false);

        assertThat(proposal.status()).isEqualTo(ProposalStatus.OPEN);
        assertThat(proposal.reference()).matches("P-\\d{4}-\\d{4}");
        assertThat(proposal.configUpdateSha256()).matches("[0-9a-f]{64}");
        assertThat(proposal.writeSet()).singleElement().asString().contains("ANY Endorsement");
        assertThat(proposal.signingMspIds()).containsExactly("BamfMSP", "LdsMSP");
        assertThat(proposal.proposerPseudonym()).isEqualTo(bamfProposer.boardMember().pseudonym());
        assertThat(actions(proposal)).containsExactly("proposal.opened", "notification.vote-waiting");
    }

    @Test
    void rejectsSelfApproval() {
        ProposalDetails proposal = propose(CHANNEL_CHANGE, false);

        assertThatExceptionOfType(GovernanceRuleViolationException.class)
                .isThrownBy(() -> proposals.approve(proposal.id()))
                .satisfies(e -> assertThat(e.rule()).isEqualTo(Rule.SELF_APPROVAL));
        assertThat(approvalCount(proposal.id())).isZero();
    }

    @Test
    void rejectsSecondVoteOfSameMember() {
        ProposalDetails proposal = propose(CHANNEL_CHANGE, false);
        TestUsers.signIn(bamfMember);
        proposals.approve(proposal.id());

        assertThatExceptionOfType(GovernanceRuleViolationException.class)
                .isThrownBy(() -> proposals.approve(proposal.id()))
                .satisfies(e -> assertThat(e.rule()).isEqualTo(Rule.ALREADY_VOTED));
        assertThat(approvalCount(proposal.id())).isEqualTo(1);
    }

    @Test
    void signsOncePerAuthority() {
        ProposalDetails proposal = propose(CHANNEL_CHANGE, false);
        PortalUser secondBamfMember = users.boardMember("bamf");

        TestUsers.signIn(bamfMember);
        ApprovalOutcome first = proposals.approve(proposal.id());
        TestUsers.signIn(secondBamfMember);
        ApprovalOutcome second = proposals.approve(proposal.id());

        assertThat(first.signed()).isTrue();
        assertThat(second.signed()).isFalse();
        assertThat(signatureCount(proposal.id())).isEqualTo(1);
        assertThat(approvalCount(proposal.id())).isEqualTo(2);
    }

    @Test
    void keepsOpenWhileOnlyOneAuthoritySigned() {
        ProposalDetails proposal = propose(CHANNEL_CHANGE, false);

        TestUsers.signIn(bamfMember);
        ApprovalOutcome outcome = proposals.approve(proposal.id());

        assertThat(outcome.status()).isEqualTo(ProposalStatus.OPEN);
        assertThat(outcome.missingSignatures()).singleElement().asString().contains("LdsMSP");
        assertThat(submissionState(proposal.id())).isNull();
    }

    @Test
    void queuesSubmissionWhenSignaturesSuffice() {
        ProposalDetails proposal = propose(CHANNEL_CHANGE, false);

        TestUsers.signIn(bamfMember);
        proposals.approve(proposal.id());
        TestUsers.signIn(ldsMember);
        ApprovalOutcome outcome = proposals.approve(proposal.id());

        assertThat(outcome.status()).isEqualTo(ProposalStatus.APPROVED);
        assertThat(submissionState(proposal.id())).isEqualTo("pending");
        ProposalDetails details = proposals.getProposal(proposal.id());
        assertThat(details.approvals())
                .extracting(ProposalDetails.ApprovalDetails::mspId)
                .containsExactly("BamfMSP", "LdsMSP");
        assertThat(details.approvals())
                .allSatisfy(approval -> assertThat(approval.configUpdateSha256()).isEqualTo(proposal.configUpdateSha256()));
        assertThat(actions(details)).endsWith("proposal.signatures-evaluated", "ledger-submission.queued");
    }

    @Test
    void approvesUnsignedForNonSigningAuthority() {
        ProposalDetails proposal = propose(BAMF_ONLY_CHANGE, false);

        TestUsers.signIn(ldsMember);
        ApprovalOutcome ldsOutcome = proposals.approve(proposal.id());
        TestUsers.signIn(bamfMember);
        ApprovalOutcome bamfOutcome = proposals.approve(proposal.id());

        assertThat(ldsOutcome.signed()).isFalse();
        assertThat(ldsOutcome.status()).isEqualTo(ProposalStatus.OPEN);
        assertThat(bamfOutcome.signed()).isTrue();
        assertThat(bamfOutcome.status()).isEqualTo(ProposalStatus.APPROVED);
    }

    @Test
    void marksStaleWhenConfigMovedBeforeSubmission() {
        ProposalDetails proposal = propose(CHANNEL_CHANGE, false);
        TestUsers.signIn(bamfMember);
        proposals.approve(proposal.id());
        ledger.advanceSequence();

        TestUsers.signIn(ldsMember);
        ApprovalOutcome outcome = proposals.approve(proposal.id());

        assertThat(outcome.status()).isEqualTo(ProposalStatus.STALE);
        assertThat(submissionState(proposal.id())).isNull();
    }

    @Test
    void recomputeDropsApprovalsAndReopens() {
        ProposalDetails proposal = propose(CHANNEL_CHANGE, false);
        TestUsers.signIn(bamfMember);
        proposals.approve(proposal.id());
        ledger.advanceSequence();
        TestUsers.signIn(ldsMember);
        proposals.approve(proposal.id());

        ProposalDetails recomputed = proposals.recompute(proposal.id());

        assertThat(recomputed.status()).isEqualTo(ProposalStatus.OPEN);
        assertThat(recomputed.approvals()).isEmpty();
        assertThat(recomputed.configUpdateSha256()).isNotEqualTo(proposal.configUpdateSha256());
        assertThat(recomputed.baseSequence()).isEqualTo(proposal.baseSequence() + 1);
        assertThat(actions(recomputed)).contains("approval.discarded", "proposal.recomputed");
        assertThat(recomputed.canApprove()).as("the recomputing member may approve the new update").isTrue();
    }

    @Test
    void rejectsRecomputeByNonSigningAuthority() {
        ProposalDetails proposal = propose(BAMF_ONLY_CHANGE, false);

        TestUsers.signIn(ldsMember);

        assertThatExceptionOfType(GovernanceRuleViolationException.class)
                .isThrownBy(() -> proposals.recompute(proposal.id()))
                .satisfies(e -> assertThat(e.rule()).isEqualTo(Rule.NOT_A_SIGNING_AUTHORITY));
    }

    @Test
    void rejectsApprovalOfApprovedProposal() {
        ProposalDetails proposal = propose(CHANNEL_CHANGE, false);
        TestUsers.signIn(bamfMember);
        proposals.approve(proposal.id());
        TestUsers.signIn(ldsMember);
        proposals.approve(proposal.id());

        TestUsers.signIn(users.boardMember("lds"));

        assertThatExceptionOfType(IllegalStateException.class)
                .isThrownBy(() -> proposals.approve(proposal.id()))
                .withMessageContaining("approved");
    }

    @Test
    void rejectsProposalFromNonBoardMember() {
        TestUsers.signIn(users.user("bamf", PortalRole.DPO));

        assertThatExceptionOfType(AccessDeniedException.class)
                .isThrownBy(() -> proposals.propose(TEXTS, CHANNEL_CHANGE));
    }

    @Test
    void rejectsChangeThatLedgerRejects() {
        TestUsers.signIn(bamfProposer);
        long before = proposalCount();

        assertThatExceptionOfType(ChangeRejectedException.class)
                .isThrownBy(() -> proposals.propose(TEXTS, new PolicyChange("/Channel/Nope", "ANY X")))
                .withMessageContaining("/Channel/Nope");
        assertThat(proposalCount()).isEqualTo(before);
    }

    @Test
    void recordsOnlyPseudonymsAsActors() {
        ProposalDetails proposal = propose(CHANNEL_CHANGE, false);
        TestUsers.signIn(bamfMember);
        proposals.approve(proposal.id());

        List<AuditEvent> trail = proposals.getProposal(proposal.id()).auditTrail();

        assertThat(trail).isNotEmpty().allSatisfy(event -> assertThat(event.actor()).matches("bm-[0-9a-f]{12}|system:[a-z-]+"));
        assertThat(trail).extracting(AuditEvent::details).noneMatch(details -> details.contains("Test "));
    }

    private static List<String> actions(ProposalDetails proposal) {
        return proposal.auditTrail().stream().map(AuditEvent::action).toList();
    }

    private long approvalCount(UUID proposalId) {
        return jdbc.sql("select count(*) from approval where proposal_id = ?").param(proposalId).query(Long.class).single();
    }
}
