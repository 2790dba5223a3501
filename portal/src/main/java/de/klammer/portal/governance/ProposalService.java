package de.klammer.portal.governance;

import de.klammer.portal.audit.AuditEntry;
import de.klammer.portal.audit.AuditService;
import de.klammer.portal.governance.GovernanceRuleViolationException.Rule;
import de.klammer.portal.governance.internal.Approval;
import de.klammer.portal.governance.internal.ApprovalRepository;
import de.klammer.portal.governance.internal.LedgerSubmission;
import de.klammer.portal.governance.internal.LedgerSubmissionRepository;
import de.klammer.portal.governance.internal.Proposal;
import de.klammer.portal.governance.internal.ProposalRepository;
import de.klammer.portal.ledger.AuthoritySignature;
import de.klammer.portal.ledger.ChangeRejectedException;
import de.klammer.portal.ledger.LedgerGateway;
import de.klammer.portal.ledger.PolicyChange;
import de.klammer.portal.ledger.PreparedUpdate;
import de.klammer.portal.ledger.SignatureCheck;
import de.klammer.portal.security.CurrentUser;
import de.klammer.portal.security.PortalRole;
import de.klammer.portal.security.PortalUser;
import de.klammer.portal.security.PortalUser.AuthorityRef;
import de.klammer.portal.security.PortalUser.BoardMemberRef;
import de.klammer.portal.shell.PortalProperties;
import java.time.Year;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Proposes, approves and recomputes channel-policy changes. Each approval by a board member of an authority whose
 * signature counts makes that authority sign the exact config update, once per authority. When the ledger's
 * signature requirement is met, the proposal becomes approved and its ledger submission is written in the same
 * transaction, for the {@code LedgerSubmitter} to send. Every step writes an audit event.
 */
@Service
@Transactional
public class ProposalService {

    private static final Logger log = LoggerFactory.getLogger(ProposalService.class);

    static final int MAX_TITLE_LENGTH = 200;
    static final int MAX_RATIONALE_LENGTH = 4000;

    private final ProposalRepository proposals;
    private final ApprovalRepository approvals;
    private final LedgerSubmissionRepository submissions;
    private final LedgerGateway ledger;
    private final AuditService audit;
    private final CurrentUser currentUser;
    private final ProposalReadModels readModels;
    private final String channel;
    private final ApplicationEventPublisher events;

    ProposalService(
            ProposalRepository proposals,
            ApprovalRepository approvals,
            LedgerSubmissionRepository submissions,
            LedgerGateway ledger,
            AuditService audit,
            CurrentUser currentUser,
            ProposalReadModels readModels,
            PortalProperties properties,
            ApplicationEventPublisher events) {
        this.proposals = proposals;
        this.approvals = approvals;
        this.submissions = submissions;
        this.ledger = ledger;
        this.audit = audit;
        this.currentUser = currentUser;
        this.readModels = readModels;
        this.channel = properties.channel();
        this.events = events;
    }

    /** Returns the channel that proposals change. */
    public String channel() {
        return channel;
    }

    /**
     * Computes what the change would do, without storing anything: the write set and who must sign.
     *
     * @throws ChangeRejectedException when the ledger rejects the change; the message explains why
     */
    @PreAuthorize("hasRole('BOARD_MEMBER')")
    @Transactional(readOnly = true)
    public PreparedUpdate preview(PolicyChange change) {
        return ledger.prepare(channel, requireValid(change));
    }

    /**
     * Opens a proposal for the change, with the config update computed against the live channel config.
     *
     * @throws ChangeRejectedException when the ledger rejects the change; the message explains why
     * @throws IllegalArgumentException when title or rationale is blank or too long
     */
    @PreAuthorize("hasRole('BOARD_MEMBER')")
    public ProposalDetails propose(String title, String rationale, PolicyChange change) {
        requireText("title", title, MAX_TITLE_LENGTH);
        requireText("rationale", rationale, MAX_RATIONALE_LENGTH);
        Actor actor = boardMemberActor();
        PreparedUpdate update = ledger.prepare(channel, requireValid(change));

        Proposal proposal = proposals.save(
                Proposal.open(nextReference(), title.strip(), rationale.strip(), change, actor.member().id(), update));
        audit(actor, "proposal.opened", proposal, "change " + change.path() + " to " + change.policyText()
                + "; config update sha256 " + update.sha256() + "; base sequence " + update.baseSequence());
        log.atInfo()
                .addKeyValue("proposal", proposal.reference())
                .addKeyValue("path", change.path())
                .addKeyValue("sha256", update.sha256())
                .log("Opened proposal");
        return readModels.details(proposal, actor.user());
    }

    /**
     * Approves the proposal's current config update as the signed-in board member. The member's authority signs
     * when its signature counts and it has not signed yet.
     *
     * @throws GovernanceRuleViolationException when the member proposed it or has already approved it
     * @throws IllegalStateException when the proposal is not open
     * @throws ProposalNotFoundException when no proposal has the id
     */
    @PreAuthorize("hasRole('BOARD_MEMBER')")
    public ApprovalOutcome approve(UUID proposalId) {
        Actor actor = boardMemberActor();
        // NOTE: the row lock is held while the ledger signs and evaluates, so a slow ledger delays other approvals of
        // this proposal. Without the lock, two authorities approving at once could each miss the other's signature.
        Proposal proposal = lockProposal(proposalId);
        requireApprovable(proposal, actor);

        PreparedUpdate update = proposal.preparedUpdate();
        AuthoritySignature signature = signIfNeeded(proposal, update, actor);
        approvals.save(new Approval(
                proposal.id(),
                actor.member().id(),
                actor.authority().id(),
                update.sha256(),
                signature == null ? null : signature.configSignature()));
        audit(actor, "proposal.approved", proposal, "config update sha256 " + update.sha256()
                + (signature == null ? "; without signature" : "; with the signature of " + actor.authority().mspId()));
        if (signature == null) {
            return new ApprovalOutcome(proposal.status(), false, List.of());
        }
        return evaluateSignatures(proposal, update, actor);
    }

    /**
     * Computes the proposal's config update again against the live config. All approvals and signatures of the old
     * update are dropped (the audit trail keeps them) and the proposal is open again.
     *
     * @throws GovernanceRuleViolationException when the member's authority is not one whose signature counts
     * @throws IllegalStateException when the proposal is neither stale nor open
     * @throws ChangeRejectedException when the ledger now rejects the change
     */
    @PreAuthorize("hasRole('BOARD_MEMBER')")
    public ProposalDetails recompute(UUID proposalId) {
        Actor actor = boardMemberActor();
        Proposal proposal = lockProposal(proposalId);
        if (proposal.status() != ProposalStatus.STALE && proposal.status() != ProposalStatus.OPEN) {
            throw new IllegalStateException("Proposal " + proposal.reference()
                    + " can only be recomputed when stale or open, but its status is " + proposal.status().databaseValue());
        }
        if (!proposal.signingMspIds().contains(actor.authority().mspId())) {
            throw new GovernanceRuleViolationException(Rule.NOT_A_SIGNING_AUTHORITY, "Only board members of "
                    + String.join(", ", proposal.signingMspIds()) + " may recompute proposal " + proposal.reference());
        }

        String oldSha256 = proposal.configUpdateSha256();
        PreparedUpdate update = ledger.prepare(proposal.channel(), proposal.change());
        discardApprovals(proposal, actor);
        submissions.findByProposalId(proposal.id()).ifPresent(submissions::delete);
        proposal.reopen(update);
        audit(actor, "proposal.recomputed", proposal, "config update sha256 " + oldSha256 + " replaced by "
                + update.sha256() + "; base sequence " + update.baseSequence());
        log.atInfo()
                .addKeyValue("proposal", proposal.reference())
                .addKeyValue("sha256", update.sha256())
                .log("Recomputed proposal");
        return readModels.details(proposal, actor.user());
    }

    /** Returns all proposals, newest first. */
    @PreAuthorize("hasAnyRole('BOARD_MEMBER', 'AUTHORITY_ADMIN', 'DPO', 'AUDITOR')")
    @Transactional(readOnly = true)
    public List<ProposalSummary> listProposals() {
        return proposals.findAllByOrderByCreatedAtDesc().stream().map(readModels::summary).toList();
    }

    /**
     * Returns the details of one proposal.
     *
     * @throws ProposalNotFoundException when no proposal has the id
     */
    @PreAuthorize("hasAnyRole('BOARD_MEMBER', 'AUTHORITY_ADMIN', 'DPO', 'AUDITOR')")
    @Transactional(readOnly = true)
    public ProposalDetails getProposal(UUID proposalId) {
        Proposal proposal = proposals.findById(proposalId).orElseThrow(() -> new ProposalNotFoundException(proposalId));
        return readModels.details(proposal, currentUser.require());
    }

    private void requireApprovable(Proposal proposal, Actor actor) {
        if (proposal.status() != ProposalStatus.OPEN) {
            throw new IllegalStateException("Proposal " + proposal.reference()
                    + " can only be approved when open, but its status is " + proposal.status().databaseValue());
        }
        if (proposal.proposerId().equals(actor.member().id())) {
            throw new GovernanceRuleViolationException(
                    Rule.SELF_APPROVAL, "The proposer may not approve their own proposal " + proposal.reference());
        }
        if (approvals.existsByProposalIdAndBoardMemberId(proposal.id(), actor.member().id())) {
            throw new GovernanceRuleViolationException(Rule.ALREADY_APPROVED, "Board member "
                    + actor.member().pseudonym() + " has already approved proposal " + proposal.reference());
        }
    }

    private @Nullable AuthoritySignature signIfNeeded(Proposal proposal, PreparedUpdate update, Actor actor) {
        String mspId = actor.authority().mspId();
        if (!update.signingMspIds().contains(mspId)
                || approvals.existsSignatureOfAuthority(proposal.id(), actor.authority().id())) {
            return null;
        }

        AuthoritySignature signature = ledger.sign(mspId, update);
        if (!signature.mspId().equals(mspId)) {
            throw new IllegalStateException("Ledger signed as " + signature.mspId() + " instead of " + mspId);
        }
        audit(actor, "proposal.signed", proposal, mspId + " signed config update sha256 " + update.sha256());
        return signature;
    }

    private ApprovalOutcome evaluateSignatures(Proposal proposal, PreparedUpdate update, Actor actor) {
        SignatureCheck check = ledger.evaluate(update, signaturesOf(proposal));
        audit(actor, "proposal.signatures-evaluated", proposal, check.satisfied()
                ? "satisfied by " + String.join(", ", check.countedMspIds())
                : "missing: " + String.join("; ", check.missing()));
        if (!check.satisfied()) {
            return new ApprovalOutcome(proposal.status(), true, check.missing());
        }

        if (ledger.isStale(update)) {
            proposal.markStale();
            audit(actor, "proposal.stale", proposal, "the channel config moved on since base sequence "
                    + update.baseSequence() + "; recompute to collect signatures again");
            return new ApprovalOutcome(proposal.status(), true, List.of());
        }
        proposal.markApproved();
        LedgerSubmission submission = submissions.save(LedgerSubmission.pending(proposal.id()));
        events.publishEvent(new ProposalApproved(proposal.id(), proposal.reference(), submission.id()));
        audit(actor, "ledger-submission.queued", proposal, "submission " + submission.id() + " pending");
        log.atInfo()
                .addKeyValue("proposal", proposal.reference())
                .addKeyValue("submission", submission.id())
                .log("Proposal approved; queued ledger submission");
        return new ApprovalOutcome(proposal.status(), true, List.of());
    }

    private List<AuthoritySignature> signaturesOf(Proposal proposal) {
        return readModels.signaturesOf(proposal.id());
    }

    private void discardApprovals(Proposal proposal, Actor actor) {
        for (Approval approval : approvals.findByProposalIdOrderByCreatedAtAsc(proposal.id())) {
            audit(actor, "approval.discarded", proposal, "approval " + approval.id() + " of board member "
                    + readModels.pseudonymOf(approval.boardMemberId()) + " for config update sha256 "
                    + approval.configUpdateSha256() + (approval.signed() ? " with signature" : " without signature"));
        }
        approvals.deleteByProposalId(proposal.id());
    }

    private Proposal lockProposal(UUID proposalId) {
        return proposals.findByIdForUpdate(proposalId).orElseThrow(() -> new ProposalNotFoundException(proposalId));
    }

    private String nextReference() {
        return "P-%d-%04d".formatted(Year.now().getValue(), proposals.nextReferenceNumber());
    }

    private Actor boardMemberActor() {
        PortalUser user = currentUser.require();
        BoardMemberRef member = user.boardMember();
        AuthorityRef authority = user.authority();
        if (!user.hasRole(PortalRole.BOARD_MEMBER) || member == null || authority == null) {
            throw new IllegalStateException("Missing board-member record for the signed-in user; sign in with the board member role of a configured authority");
        }
        return new Actor(user, member, authority);
    }

    private void audit(Actor actor, String action, Proposal proposal, String details) {
        audit.record(new AuditEntry(
                actor.member().pseudonym(),
                actor.authority().code(),
                action,
                "proposal",
                proposal.reference(),
                details));
    }

    private static PolicyChange requireValid(PolicyChange change) {
        Objects.requireNonNull(change, "change must not be null");
        if (change.path().isBlank() || change.policyText().isBlank()) {
            throw new ChangeRejectedException("Policy path and new rule must both be given");
        }
        return change;
    }

    private static void requireText(String name, String value, int maxLength) {
        Objects.requireNonNull(value, name + " must not be null");
        if (value.isBlank()) {
            throw new IllegalArgumentException(name + " must not be blank");
        }
        if (value.strip().length() > maxLength) {
            throw new IllegalArgumentException(name + " must have at most " + maxLength + " characters, but has "
                    + value.strip().length());
        }
    }

    private record Actor(PortalUser user, BoardMemberRef member, AuthorityRef authority) {}
}
