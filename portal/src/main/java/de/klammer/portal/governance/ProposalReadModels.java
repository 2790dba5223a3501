package de.klammer.portal.governance;

import de.klammer.portal.audit.AuditService;
import de.klammer.portal.authority.Authority;
import de.klammer.portal.authority.AuthorityService;
import de.klammer.portal.authority.BoardMember;
import de.klammer.portal.authority.BoardMemberService;
import de.klammer.portal.governance.ProposalDetails.ApprovalDetails;
import de.klammer.portal.governance.internal.Approval;
import de.klammer.portal.governance.internal.ApprovalRepository;
import de.klammer.portal.governance.internal.LedgerSubmission;
import de.klammer.portal.governance.internal.LedgerSubmissionRepository;
import de.klammer.portal.governance.internal.Proposal;
import de.klammer.portal.ledger.AuthoritySignature;
import de.klammer.portal.security.PortalRole;
import de.klammer.portal.security.PortalUser;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Component;

/** Builds the read models of proposals, resolving board members to pseudonyms and authorities to codes. */
@Component
class ProposalReadModels {

    private static final String UNKNOWN = "?";

    private final ApprovalRepository approvals;
    private final LedgerSubmissionRepository submissions;
    private final BoardMemberService boardMembers;
    private final AuthorityService authorities;
    private final AuditService audit;

    ProposalReadModels(
            ApprovalRepository approvals,
            LedgerSubmissionRepository submissions,
            BoardMemberService boardMembers,
            AuthorityService authorities,
            AuditService audit) {
        this.approvals = approvals;
        this.submissions = submissions;
        this.boardMembers = boardMembers;
        this.authorities = authorities;
        this.audit = audit;
    }

    ProposalSummary summary(Proposal proposal) {
        Optional<BoardMember> proposer = boardMembers.findById(proposal.proposerId());
        return new ProposalSummary(
                proposal.id(),
                proposal.reference(),
                proposal.title(),
                proposal.change().path(),
                proposal.status(),
                proposer.map(BoardMember::pseudonym).orElse(UNKNOWN),
                proposer.flatMap(member -> authorities.findById(member.authorityId()))
                        .map(Authority::code)
                        .orElse(UNKNOWN),
                (int) approvals.countByProposalId(proposal.id()),
                proposal.createdAt());
    }

    ProposalDetails details(Proposal proposal, PortalUser user) {
        ProposalSummary summary = summary(proposal);
        List<Approval> approvalRows = approvals.findByProposalIdOrderByCreatedAtAsc(proposal.id());
        Optional<LedgerSubmission> submission = submissions.findByProposalId(proposal.id());
        var update = proposal.preparedUpdate();
        return new ProposalDetails(
                proposal.id(),
                proposal.reference(),
                proposal.title(),
                proposal.rationale(),
                proposal.channel(),
                proposal.change(),
                proposal.status(),
                summary.proposerPseudonym(),
                summary.proposerAuthorityCode(),
                update.baseSequence(),
                update.sha256(),
                update.writeSet(),
                update.requiredSignatures(),
                update.signingMspIds(),
                approvalRows.stream().map(this::approvalDetails).toList(),
                submission.map(LedgerSubmission::state).orElse(null),
                submission.map(LedgerSubmission::lastError).orElse(null),
                proposal.appliedBlock(),
                proposal.appliedSequence(),
                proposal.failureReason(),
                audit.findBySubject("proposal", proposal.reference()),
                canApprove(proposal, approvalRows, user),
                canRecompute(proposal, user),
                proposal.createdAt(),
                proposal.updatedAt());
    }

    List<AuthoritySignature> signaturesOf(UUID proposalId) {
        return approvals.findByProposalIdOrderByCreatedAtAsc(proposalId).stream()
                .filter(Approval::signed)
                .map(approval -> new AuthoritySignature(mspIdOf(approval.authorityId()), approval.configSignature()))
                .toList();
    }

    String pseudonymOf(UUID boardMemberId) {
        return boardMembers.findById(boardMemberId).map(BoardMember::pseudonym).orElse(UNKNOWN);
    }

    private ApprovalDetails approvalDetails(Approval approval) {
        Optional<Authority> authority = authorities.findById(approval.authorityId());
        return new ApprovalDetails(
                pseudonymOf(approval.boardMemberId()),
                authority.map(Authority::code).orElse(UNKNOWN),
                authority.map(Authority::name).orElse(UNKNOWN),
                authority.map(Authority::mspId).orElse(UNKNOWN),
                approval.signed(),
                approval.configUpdateSha256(),
                approval.createdAt());
    }

    private String mspIdOf(UUID authorityId) {
        return authorities.findById(authorityId)
                .map(Authority::mspId)
                .orElseThrow(() -> new IllegalStateException("Approval refers to unknown authority " + authorityId));
    }

    private static boolean canApprove(Proposal proposal, List<Approval> approvalRows, PortalUser user) {
        PortalUser.BoardMemberRef member = user.boardMember();
        if (!user.hasRole(PortalRole.BOARD_MEMBER) || member == null || proposal.status() != ProposalStatus.OPEN) {
            return false;
        }
        boolean alreadyApproved =
                approvalRows.stream().anyMatch(approval -> approval.boardMemberId().equals(member.id()));
        return !proposal.proposerId().equals(member.id()) && !alreadyApproved;
    }

    private static boolean canRecompute(Proposal proposal, PortalUser user) {
        PortalUser.AuthorityRef authority = user.authority();
        boolean recomputable =
                proposal.status() == ProposalStatus.STALE || proposal.status() == ProposalStatus.OPEN;
        return user.hasRole(PortalRole.BOARD_MEMBER)
                && authority != null
                && recomputable
                && proposal.signingMspIds().contains(authority.mspId());
    }
}
