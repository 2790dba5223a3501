package de.klammer.portal.governance;

import de.klammer.portal.audit.AuditEntry;
import de.klammer.portal.audit.AuditService;
import de.klammer.portal.governance.GovernanceRuleViolationException.Rule;
import de.klammer.portal.governance.ProposalDecisions.AuditActor;
import de.klammer.portal.governance.internal.Approval;
import de.klammer.portal.governance.internal.ApprovalRepository;
import de.klammer.portal.governance.internal.Proposal;
import de.klammer.portal.governance.internal.ProposalSignatures;
import de.klammer.portal.governance.internal.Vote;
import de.klammer.portal.governance.internal.VoteRepository;
import de.klammer.portal.ledger.AuthoritySignature;
import de.klammer.portal.ledger.LedgerGateway;
import de.klammer.portal.ledger.PreparedUpdate;
import de.klammer.portal.security.PortalRole;
import de.klammer.portal.security.PortalUser;
import de.klammer.portal.security.PortalUser.AuthorityRef;
import de.klammer.portal.security.PortalUser.BoardMemberRef;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * Records votes and vetoes on a locked, open proposal. A board member has one vote, which they may change until the
 * proposal is decided. A yes vote on a ledger change authorises the member's authority to sign the exact config
 * update, once per authority. Changing a yes vote withdraws that authorisation: the signature it gave moves to another
 * yes voter of the same authority, or is dropped.
 */
@Component
class Voting {

    /** Maximum length of the reason of a vote. */
    static final int MAX_REASON_LENGTH = 2000;

    private final VoteRepository votes;
    private final ApprovalRepository approvals;
    private final LedgerGateway ledger;
    private final ProposalDecisions decisions;
    private final ProposalSignatures signatures;
    private final AuditService audit;

    Voting(
            VoteRepository votes,
            ApprovalRepository approvals,
            LedgerGateway ledger,
            ProposalDecisions decisions,
            ProposalSignatures signatures,
            AuditService audit) {
        this.votes = votes;
        this.approvals = approvals;
        this.ledger = ledger;
        this.decisions = decisions;
        this.signatures = signatures;
        this.audit = audit;
    }

    /** A signed-in board member. */
    record BoardMemberActor(PortalUser user, BoardMemberRef member, AuthorityRef authority) {

        AuditActor auditActor() {
            return new AuditActor(member.pseudonym(), authority.code());
        }
    }

    /** Records the proposer's yes vote, which proposing casts; it never signs, because signing needs four eyes. */
    void recordProposerVote(Proposal proposal, BoardMemberActor proposer) {
        votes.save(Vote.ofBoardMember(
                proposal.id(),
                proposer.member().pseudonym(),
                proposer.member().id(),
                proposer.authority().id(),
                VoteChoice.YES,
                null));
    }

    ApprovalOutcome vote(Proposal proposal, BoardMemberActor actor, VoteChoice choice, @Nullable String reason) {
        if (choice == VoteChoice.VETO) {
            throw new IllegalArgumentException("A board member votes yes, no or abstain; a veto needs a veto role");
        }
        String cleanReason = requireReason(choice, reason);
        requireOpen(proposal);
        if (actor.member().id().equals(proposal.proposerId())) {
            throw new GovernanceRuleViolationException(Rule.SELF_APPROVAL, "The proposer's yes vote on "
                    + proposal.reference() + " was recorded when it was proposed and cannot be changed");
        }
        Optional<Vote> existing = votes.findByProposalIdAndVoterPseudonym(proposal.id(), actor.member().pseudonym());
        if (existing.isPresent()
                && existing.get().choice() == choice
                && Objects.equals(existing.get().reason(), cleanReason)) {
            throw new GovernanceRuleViolationException(Rule.ALREADY_VOTED, "Board member "
                    + actor.member().pseudonym() + " has already voted " + choice.databaseValue() + " on proposal "
                    + proposal.reference());
        }

        boolean signed = false;
        if (existing.isPresent() && existing.get().choice() == VoteChoice.YES && choice != VoteChoice.YES) {
            withdrawApproval(proposal, actor);
        }
        if (choice == VoteChoice.YES && !proposal.isRuleChange()) {
            signed = approve(proposal, actor);
        }
        if (existing.isPresent()) {
            existing.get().change(choice, cleanReason);
            audit(actor.auditActor(), "vote.changed", proposal, "vote changed from "
                    + existing.get().choice().databaseValue() + " to " + choice.databaseValue());
        } else {
            votes.save(Vote.ofBoardMember(
                    proposal.id(), actor.member().pseudonym(), actor.member().id(), actor.authority().id(), choice,
                    cleanReason));
            audit(actor.auditActor(), "vote.cast", proposal, "vote " + choice.databaseValue());
        }
        return decisions.decide(proposal, actor.auditActor(), signed, Instant.now());
    }

    ApprovalOutcome veto(Proposal proposal, PortalUser user, String pseudonym, @Nullable String reason) {
        String cleanReason = requireReason(VoteChoice.VETO, reason);
        AuthorityRef authority = user.authority();
        if (authority == null) {
            throw new IllegalStateException("The signed-in user belongs to no configured authority");
        }
        requireOpen(proposal);
        DecisionRule rule = proposal.rule();
        if (!rule.allowsVetoBy(user.roles(), proposal.touchesPersonalData())) {
            throw new GovernanceRuleViolationException(Rule.NO_VETO_RIGHT, "The rule of proposal "
                    + proposal.reference() + " allows a veto only by " + RuleDescriptions.roles(rule)
                    + (rule.vetoPersonalDataOnly() ? " and only on changes that touch personal data" : ""));
        }
        if (votes.findByProposalIdAndVoterPseudonym(proposal.id(), pseudonym).isPresent()) {
            throw new GovernanceRuleViolationException(Rule.ALREADY_VOTED, "Voter " + pseudonym
                    + " has already vetoed proposal " + proposal.reference());
        }
        PortalRole vetoRole = user.roles().stream()
                .filter(rule.vetoRoles()::contains)
                .sorted()
                .findFirst()
                .orElseThrow();
        votes.save(Vote.veto(proposal.id(), pseudonym, authority.id(), vetoRole.name(), cleanReason));
        AuditActor actor = new AuditActor(pseudonym, authority.code());
        audit(actor, "vote.veto", proposal, "veto as " + vetoRole.name());
        return decisions.decide(proposal, actor, false, Instant.now());
    }

    private boolean approve(Proposal proposal, BoardMemberActor actor) {
        if (approvals.existsByProposalIdAndBoardMemberId(proposal.id(), actor.member().id())) {
            return false;
        }
        PreparedUpdate update = proposal.preparedUpdate();
        AuthoritySignature signature = signIfNeeded(proposal, update, actor.authority(), actor.auditActor());
        approvals.save(new Approval(
                proposal.id(),
                actor.member().id(),
                actor.authority().id(),
                update.sha256(),
                signature == null ? null : signature.configSignature()));
        return signature != null;
    }

    /** Drops the member's approval; a signature it carried moves to another yes voter of the authority, if any. */
    private void withdrawApproval(Proposal proposal, BoardMemberActor actor) {
        Optional<Approval> approval = approvals.findByProposalIdAndBoardMemberId(proposal.id(), actor.member().id());
        if (approval.isEmpty()) {
            return;
        }
        approvals.delete(approval.get());
        approvals.flush();
        audit(actor.auditActor(), "approval.withdrawn", proposal, "approval of config update sha256 "
                + approval.get().configUpdateSha256() + (approval.get().signed() ? " with signature" : ""));
        if (!approval.get().signed()) {
            return;
        }
        Optional<Approval> other = approvals.findByProposalIdOrderByCreatedAtAsc(proposal.id()).stream()
                .filter(candidate -> candidate.authorityId().equals(actor.authority().id()))
                .findFirst();
        if (other.isPresent()) {
            approvals.delete(other.get());
            approvals.flush();
            PreparedUpdate update = proposal.preparedUpdate();
            AuditActor signer = new AuditActor("system:governance", actor.authority().code());
            AuthoritySignature signature = signIfNeeded(proposal, update, actor.authority(), signer);
            approvals.save(new Approval(
                    proposal.id(),
                    other.get().boardMemberId(),
                    actor.authority().id(),
                    update.sha256(),
                    signature == null ? null : signature.configSignature()));
        }
    }

    private @Nullable AuthoritySignature signIfNeeded(
            Proposal proposal, PreparedUpdate update, AuthorityRef authority, AuditActor actor) {
        String mspId = authority.mspId();
        // An authority signs once, so a signature imported from Fabric's tools leaves nothing to sign here.
        if (!update.signingMspIds().contains(mspId) || signatures.hasSigned(proposal.id(), authority.id())) {
            return null;
        }
        if (!ledger.hasAdminKey(mspId)) {
            // The vote still counts for the decision rule, while the ledger's requirement waits for the imported signature.
            audit(actor, "proposal.signature-expected", proposal, mspId + " keeps its admin key outside Klammer; its"
                    + " signature of config update sha256 " + update.sha256() + " must be imported from"
                    + " 'peer channel signconfigtx'");
            return null;
        }

        AuthoritySignature signature = ledger.sign(mspId, update);
        if (!signature.mspId().equals(mspId)) {
            throw new IllegalStateException("Ledger signed as " + signature.mspId() + " instead of " + mspId);
        }
        audit(actor, "proposal.signed", proposal, mspId + " signed config update sha256 " + update.sha256());
        return signature;
    }

    private static void requireOpen(Proposal proposal) {
        if (proposal.status() != ProposalStatus.OPEN) {
            throw new IllegalStateException("Proposal " + proposal.reference()
                    + " can only be voted on when open, but its status is " + proposal.status().databaseValue());
        }
        if (proposal.isPastDeadline(Instant.now())) {
            throw new GovernanceRuleViolationException(Rule.VOTING_CLOSED, "The voting deadline of proposal "
                    + proposal.reference() + " passed at " + proposal.votingDeadline()
                    + "; it takes no more votes and expires on the next deadline run");
        }
    }

    private static @Nullable String requireReason(VoteChoice choice, @Nullable String reason) {
        String stripped = reason == null ? "" : reason.strip();
        if (stripped.length() > MAX_REASON_LENGTH) {
            throw new IllegalArgumentException("The reason must have at most " + MAX_REASON_LENGTH
                    + " characters, but has " + stripped.length());
        }
        if (stripped.isEmpty() && choice.needsReason()) {
            throw new GovernanceRuleViolationException(Rule.REASON_REQUIRED, "A " + choice.databaseValue()
                    + " vote needs a reason; say why in a sentence or two");
        }
        return stripped.isEmpty() ? null : stripped;
    }

    private void audit(AuditActor actor, String action, Proposal proposal, String details) {
        audit.record(new AuditEntry(
                actor.pseudonym(), actor.authorityCode(), action, "proposal", proposal.reference(), details));
    }
}
