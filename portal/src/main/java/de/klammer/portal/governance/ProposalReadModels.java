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
import de.klammer.portal.governance.internal.Vote;
import de.klammer.portal.governance.internal.VoteRepository;
import de.klammer.portal.security.PortalRole;
import de.klammer.portal.security.PortalUser;
import de.klammer.portal.security.UserPseudonyms;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/** Builds the read models of proposals, resolving board members to pseudonyms and authorities to codes. */
@Component
class ProposalReadModels {

    private static final String UNKNOWN = "?";

    private final ApprovalRepository approvals;
    private final VoteRepository votes;
    private final LedgerSubmissionRepository submissions;
    private final BoardMemberService boardMembers;
    private final AuthorityService authorities;
    private final AuditService audit;

    ProposalReadModels(
            ApprovalRepository approvals,
            VoteRepository votes,
            LedgerSubmissionRepository submissions,
            BoardMemberService boardMembers,
            AuthorityService authorities,
            AuditService audit) {
        this.approvals = approvals;
        this.votes = votes;
        this.submissions = submissions;
        this.boardMembers = boardMembers;
        this.authorities = authorities;
        this.audit = audit;
    }

    ProposalSummary summary(Proposal proposal) {
        Optional<BoardMember> proposer = proposer(proposal);
        String administrator = proposal.proposerPseudonym();
        @Nullable UUID proposerAuthorityId = administrator != null
                ? proposal.proposerAuthorityId()
                : proposer.map(BoardMember::authorityId).orElse(null);
        return new ProposalSummary(
                proposal.id(),
                proposal.reference(),
                proposal.title(),
                proposal.isRuleChange() ? proposal.change().policyText() : proposal.change().path(),
                proposal.status(),
                administrator != null ? administrator : proposer.map(BoardMember::pseudonym).orElse(UNKNOWN),
                Optional.ofNullable(proposerAuthorityId)
                        .flatMap(authorities::findById)
                        .map(Authority::code)
                        .orElse(UNKNOWN),
                (int) approvals.countByProposalId(proposal.id()),
                proposal.createdAt());
    }

    ProposalDetails details(Proposal proposal, PortalUser user) {
        ProposalSummary summary = summary(proposal);
        List<Approval> approvalRows = approvals.findByProposalIdOrderByCreatedAtAsc(proposal.id());
        Optional<LedgerSubmission> submission = submissions.findByProposalId(proposal.id());
        boolean ruleChange = proposal.isRuleChange();
        var update = ruleChange ? null : proposal.preparedUpdate();
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
                update == null ? 0 : update.baseSequence(),
                update == null ? null : update.sha256(),
                update == null ? List.of() : update.writeSet(),
                update == null ? List.of() : update.requiredSignatures(),
                update == null ? List.of() : update.signingMspIds(),
                approvalRows.stream().map(this::approvalDetails).toList(),
                submission.map(LedgerSubmission::state).orElse(null),
                submission.map(LedgerSubmission::lastError).orElse(null),
                submission.map(LedgerSubmission::attempts).orElse(0),
                submission.filter(waiting -> waiting.state() == SubmissionState.PENDING && waiting.attempts() > 0)
                        .map(LedgerSubmission::nextAttemptAt)
                        .orElse(null),
                proposal.appliedBlock(),
                proposal.appliedSequence(),
                proposal.failureReason(),
                audit.findBySubject("proposal", proposal.reference()),
                canApprove(proposal, votes.findByProposalIdOrderByCastAtAsc(proposal.id()), user),
                canRecompute(proposal, user),
                proposal.createdAt(),
                proposal.updatedAt(),
                governance(proposal, user),
                proposal.conceptDifferences());
    }

    private ProposalDetails.Governance governance(Proposal proposal, PortalUser user) {
        List<Vote> voteRows = votes.findByProposalIdOrderByCastAtAsc(proposal.id());
        DecisionRule rule = proposal.rule();
        VoteChoice myVote = myVote(voteRows, user);
        boolean open = proposal.status() == ProposalStatus.OPEN && !proposal.isPastDeadline(Instant.now());
        boolean canVote = open
                && user.hasRole(PortalRole.BOARD_MEMBER)
                && user.boardMember() != null
                && !user.boardMember().id().equals(proposal.proposerId());
        boolean alreadyVetoed = voteRows.stream().anyMatch(vote -> vote.choice() == VoteChoice.VETO
                && vote.voterPseudonym().equals(UserPseudonyms.ofSubject(user)));
        boolean canVeto = open && !alreadyVetoed && rule.allowsVetoBy(user.roles(), proposal.touchesPersonalData());
        return new ProposalDetails.Governance(
                proposal.changeType(),
                proposal.isRuleChange(),
                proposal.legalBasis(),
                proposal.touchesPersonalData(),
                rule,
                proposal.votingDeadline(),
                proposal.decidedAt(),
                voteRows.stream().map(this::voteDetails).toList(),
                count(proposal, voteRows),
                proposal.missingSignatures(),
                myVote,
                canVote,
                canVeto);
    }

    /** Counts the votes under the proposal's rule, as {@code ProposalDecisions} does. */
    VoteCount count(Proposal proposal, List<Vote> voteRows) {
        Map<UUID, Integer> members = new LinkedHashMap<>();
        for (Authority authority : authorities.findActive()) {
            members.put(authority.id(), Math.toIntExact(boardMembers.countByAuthority(authority.id())));
        }
        DecisionRule rule = proposal.rule();
        Tally tally = VoteCounting.count(
                rule.counting(),
                voteRows.stream()
                        .map(vote -> new VoteCounting.CastVote(vote.authorityId(), vote.choice()))
                        .toList(),
                members);
        OptionalInt needed = rule.yesVotesStillNeeded(tally);
        return new VoteCount(
                tally,
                rule.judge(tally, proposal.isPastDeadline(Instant.now())),
                needed.isPresent() ? needed.getAsInt() : null,
                rule.meetsTurnout(tally));
    }

    private ProposalDetails.VoteDetails voteDetails(Vote vote) {
        return new ProposalDetails.VoteDetails(
                vote.voterPseudonym(),
                authorities.findById(vote.authorityId()).map(Authority::code).orElse(UNKNOWN),
                vote.choice(),
                vote.reason(),
                vote.vetoRole(),
                vote.castAt(),
                vote.updatedAt());
    }

    private static @Nullable VoteChoice myVote(List<Vote> voteRows, PortalUser user) {
        PortalUser.BoardMemberRef member = user.boardMember();
        if (member == null) {
            return null;
        }
        return voteRows.stream()
                .filter(vote -> member.pseudonym().equals(vote.voterPseudonym()))
                .map(Vote::choice)
                .findFirst()
                .orElse(null);
    }

    /** Returns the proposer's board-member record; empty when an authority administrator proposed it. */
    Optional<BoardMember> proposer(Proposal proposal) {
        UUID proposerId = proposal.proposerId();
        return proposerId == null ? Optional.empty() : boardMembers.findById(proposerId);
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

    private static boolean canApprove(Proposal proposal, List<Vote> voteRows, PortalUser user) {
        PortalUser.BoardMemberRef member = user.boardMember();
        if (!user.hasRole(PortalRole.BOARD_MEMBER) || member == null || proposal.status() != ProposalStatus.OPEN) {
            return false;
        }
        boolean alreadyApproved = voteRows.stream()
                .anyMatch(vote -> vote.voterPseudonym().equals(member.pseudonym()) && vote.choice() == VoteChoice.YES);
        return !member.id().equals(proposal.proposerId())
                && !alreadyApproved
                && !proposal.isPastDeadline(Instant.now());
    }

    private static boolean canRecompute(Proposal proposal, PortalUser user) {
        PortalUser.AuthorityRef authority = user.authority();
        boolean recomputable = !proposal.isRuleChange()
                && !proposal.isConceptVersion()
                && (proposal.status() == ProposalStatus.STALE || proposal.status() == ProposalStatus.OPEN);
        return user.hasRole(PortalRole.BOARD_MEMBER)
                && authority != null
                && recomputable
                && proposal.signingMspIds().contains(authority.mspId());
    }
}
