package de.klammer.portal.governance;

import de.klammer.ledger.ConfigChange;
import de.klammer.ledger.ImportedMsp;
import de.klammer.portal.audit.AuditEntry;
import de.klammer.portal.audit.AuditService;
import de.klammer.portal.governance.GovernanceRuleViolationException.Rule;
import de.klammer.portal.governance.Voting.BoardMemberActor;
import de.klammer.portal.governance.internal.Approval;
import de.klammer.portal.governance.internal.ApprovalRepository;
import de.klammer.portal.governance.internal.ImportedSignature;
import de.klammer.portal.governance.internal.ImportedSignatureRepository;
import de.klammer.portal.governance.internal.LedgerSubmissionRepository;
import de.klammer.portal.governance.internal.Proposal;
import de.klammer.portal.governance.internal.ProposalRepository;
import de.klammer.portal.governance.internal.RuleChange;
import de.klammer.portal.governance.internal.RuleChangeRepository;
import de.klammer.portal.governance.internal.RuleTexts;
import de.klammer.portal.governance.internal.Vote;
import de.klammer.portal.governance.internal.VoteRepository;
import de.klammer.portal.ledger.ChangeRejectedException;
import de.klammer.portal.ledger.LedgerGateway;
import de.klammer.portal.ledger.PolicyChange;
import de.klammer.portal.ledger.PreparedUpdate;
import de.klammer.portal.security.CurrentUser;
import de.klammer.portal.security.PortalRole;
import de.klammer.portal.security.PortalUser;
import de.klammer.portal.security.PortalUser.AuthorityRef;
import de.klammer.portal.security.PortalUser.BoardMemberRef;
import de.klammer.portal.security.UserPseudonyms;
import de.klammer.portal.shell.PortalProperties;
import java.time.Year;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Proposes, votes on and recomputes changes. A proposal is voted on under the decision rule of its change type, copied
 * when it opens. A yes vote by a board member of an authority whose signature counts makes that authority sign the
 * exact config update, once per authority. When the rule has passed and the ledger's signature requirement is met,
 * the proposal becomes approved and its ledger submission is written in the same transaction, for the
 * {@code LedgerSubmitter} to send. A rule change applies in the database instead. Every step writes an audit event.
 */
@Service
@Transactional
public class ProposalService {

    private static final Logger log = LoggerFactory.getLogger(ProposalService.class);

    private final ProposalRepository proposals;
    private final ApprovalRepository approvals;
    private final ImportedSignatureRepository importedSignatures;
    private final VoteRepository votes;
    private final LedgerSubmissionRepository submissions;
    private final RuleChangeRepository ruleChanges;
    private final DecisionRuleService rules;
    private final Voting voting;
    private final LedgerGateway ledger;
    private final AuditService audit;
    private final CurrentUser currentUser;
    private final ProposalReadModels readModels;
    private final String channel;
    private final ObjectProvider<OrganizationDefinitions> organizationDefinitions;
    private final ApplicationEventPublisher events;

    ProposalService(
            ProposalRepository proposals,
            ApprovalRepository approvals,
            ImportedSignatureRepository importedSignatures,
            VoteRepository votes,
            LedgerSubmissionRepository submissions,
            RuleChangeRepository ruleChanges,
            DecisionRuleService rules,
            Voting voting,
            LedgerGateway ledger,
            AuditService audit,
            CurrentUser currentUser,
            ProposalReadModels readModels,
            PortalProperties properties,
            ApplicationEventPublisher events,
            ObjectProvider<OrganizationDefinitions> organizationDefinitions) {
        this.proposals = proposals;
        this.approvals = approvals;
        this.importedSignatures = importedSignatures;
        this.votes = votes;
        this.submissions = submissions;
        this.ruleChanges = ruleChanges;
        this.rules = rules;
        this.voting = voting;
        this.ledger = ledger;
        this.audit = audit;
        this.currentUser = currentUser;
        this.readModels = readModels;
        this.channel = properties.channel();
        this.events = events;
        this.organizationDefinitions = organizationDefinitions;
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
     * Opens a proposal for the change, with the config update computed against the live channel config. Proposing
     * counts as the proposer's yes vote.
     *
     * @throws ChangeRejectedException when the ledger rejects the change; the message explains why
     * @throws IllegalArgumentException when title, rationale or legal basis is blank or too long
     */
    @PreAuthorize("hasRole('BOARD_MEMBER')")
    public ProposalDetails propose(ProposalTexts texts, PolicyChange change) {
        ProposalTexts valid = texts.validated();
        BoardMemberActor actor = boardMemberActor();
        requireValid(change);
        DecisionRule rule = rules.current(changeTypeOf(change));
        PreparedUpdate update = ledger.prepare(channel, change);

        Proposal proposal =
                proposals.save(Proposal.open(nextReference(), valid, change, actor.member().id(), update, rule));
        voting.recordProposerVote(proposal, actor);
        audit(actor, "proposal.opened", proposal, "change " + change.path() + " to " + change.policyText()
                + "; config update sha256 " + update.sha256() + "; base sequence " + update.baseSequence()
                + "; rule " + RuleTexts.describe(rule) + "; the proposer's yes vote is recorded");
        events.publishEvent(
                new ProposalOpened(proposal.id(), proposal.reference(), proposal.title(), proposal.votingDeadline()));
        log.atInfo()
                .addKeyValue("proposal", proposal.reference())
                .addKeyValue("path", change.path())
                .addKeyValue("sha256", update.sha256())
                .log("Opened proposal");
        return readModels.details(proposal, actor.user());
    }

    /**
     * Opens a proposal that applies concept version {@code versionNumber}: one config update with all
     * {@code changes}, voted on under the rule for application policies, because every concept policy and ACL sits
     * under {@code /Channel/Application}. Proposing counts as the proposer's yes vote.
     *
     * @param differences the readable difference to the applied version, one line each, shown on the proposal
     * @throws ChangeRejectedException when the ledger rejects the changes; the message explains why
     * @throws IllegalArgumentException when a text is blank or too long, or there are no changes or differences
     */
    @PreAuthorize("hasRole('BOARD_MEMBER')")
    public ProposalDetails proposeConceptVersion(
            ProposalTexts texts, int versionNumber, List<String> differences, List<ConfigChange> changes) {
        ProposalTexts valid = texts.validated();
        if (changes.isEmpty()) {
            throw new IllegalArgumentException("Concept version " + versionNumber
                    + " changes nothing on the channel, so there is no config update to propose");
        }
        BoardMemberActor actor = boardMemberActor();
        DecisionRule rule = rules.current(ChangeType.APPLICATION_POLICY);
        PreparedUpdate update = ledger.prepareChanges(channel, changes);

        Proposal proposal = proposals.save(Proposal.openConceptVersion(
                nextReference(), valid, versionNumber, differences, actor.member().id(), update, rule));
        voting.recordProposerVote(proposal, actor);
        audit(actor, "proposal.opened", proposal, "concept version " + versionNumber + " with " + changes.size()
                + " config changes; config update sha256 " + update.sha256() + "; base sequence "
                + update.baseSequence() + "; rule " + RuleTexts.describe(rule) + "; the proposer's yes vote is recorded");
        events.publishEvent(
                new ProposalOpened(proposal.id(), proposal.reference(), proposal.title(), proposal.votingDeadline()));
        log.atInfo()
                .addKeyValue("proposal", proposal.reference())
                .addKeyValue("conceptVersion", versionNumber)
                .addKeyValue("sha256", update.sha256())
                .log("Opened concept-version proposal");
        return readModels.details(proposal, actor.user());
    }

    /**
     * Opens a proposal that adds the organisation of {@code msp} to the channel's application group, voted on under
     * the rule for onboarding. An administrator of the network operator proposes it. The administrator is no board
     * member, so no vote is recorded for them and every authority's board votes.
     *
     * @param description the readable description of the new organisation, one line each, shown on the proposal
     * @throws ChangeRejectedException when the ledger rejects the addition, for example because the MSP ID is taken
     * @throws IllegalArgumentException when a text is blank or too long, or the description is empty
     */
    @PreAuthorize("hasRole('NETWORK_OPERATOR')")
    public ProposalDetails proposeOnboarding(ProposalTexts texts, ImportedMsp msp, List<String> description) {
        ProposalTexts valid = texts.validated();
        PortalUser user = currentUser.require();
        AuthorityRef authority = user.authority();
        if (authority == null) {
            throw new IllegalStateException("The signed-in administrator belongs to no configured authority");
        }
        String pseudonym = UserPseudonyms.ofSubject(user);
        DecisionRule rule = rules.current(ChangeType.ONBOARDING);
        PreparedUpdate update = ledger.prepareChanges(channel, List.of(new ConfigChange.AddOrganization(msp)));

        // Flushed at once, because the caller links the authority row to the proposal with a foreign key in SQL.
        Proposal proposal = proposals.saveAndFlush(Proposal.openOrganizationAddition(
                nextReference(), valid, msp.mspId(), description, pseudonym, authority.id(), update, rule));
        audit.record(new AuditEntry(pseudonym, authority.code(), "proposal.opened", "proposal", proposal.reference(),
                "add organisation " + msp.mspId() + "; config update sha256 " + update.sha256() + "; base sequence "
                        + update.baseSequence() + "; rule " + RuleTexts.describe(rule)));
        events.publishEvent(
                new ProposalOpened(proposal.id(), proposal.reference(), proposal.title(), proposal.votingDeadline()));
        log.atInfo()
                .addKeyValue("proposal", proposal.reference())
                .addKeyValue("mspId", msp.mspId())
                .addKeyValue("sha256", update.sha256())
                .log("Opened onboarding proposal");
        return readModels.details(proposal, user);
    }

    /**
     * Opens a proposal that removes the organisation {@code mspId} from the channel's application group, voted on
     * under the offboarding rule. Every active authority votes, the leaving one included. Proposing counts as the
     * proposer's yes vote.
     *
     * @param previewLines what the removal leaves behind, one line each, shown on the proposal
     * @throws ChangeRejectedException when the ledger rejects the removal, for example because the remaining
     *     organisations could no longer satisfy a policy; the message explains why
     * @throws IllegalArgumentException when a text is blank or too long
     */
    @PreAuthorize("hasRole('BOARD_MEMBER')")
    public ProposalDetails proposeOffboarding(ProposalTexts texts, String mspId, List<String> previewLines) {
        ProposalTexts valid = texts.validated();
        BoardMemberActor actor = boardMemberActor();
        DecisionRule rule = rules.current(ChangeType.OFFBOARDING);
        PreparedUpdate update = ledger.prepareChanges(channel, List.of(new ConfigChange.RemoveOrganization(mspId)));

        Proposal proposal = proposals.save(Proposal.openOrganizationRemoval(
                nextReference(), valid, mspId, previewLines, actor.member().id(), update, rule));
        voting.recordProposerVote(proposal, actor);
        audit(actor, "proposal.opened", proposal, "remove organisation " + mspId + " from channel " + channel
                + "; config update sha256 " + update.sha256() + "; base sequence " + update.baseSequence() + "; rule "
                + RuleTexts.describe(rule) + "; the proposer's yes vote is recorded");
        events.publishEvent(
                new ProposalOpened(proposal.id(), proposal.reference(), proposal.title(), proposal.votingDeadline()));
        log.atInfo()
                .addKeyValue("proposal", proposal.reference())
                .addKeyValue("mspId", mspId)
                .addKeyValue("sha256", update.sha256())
                .log("Opened organisation-removal proposal");
        return readModels.details(proposal, actor.user());
    }

    /**
     * Returns the status and reference of a proposal, without a role check, for listeners and services that link
     * their own data to a proposal and run without a signed-in user.
     */
    @Transactional(readOnly = true)
    public Optional<ProposalSummary> findSummary(UUID proposalId) {
        return proposals.findById(proposalId).map(readModels::summary);
    }

    /**
     * Opens a proposal to replace the decision rule of {@code newRule.changeType()}. It is voted on under the rule for
     * rule changes and applies in the database when decided. Proposing counts as the proposer's yes vote.
     *
     * @throws RuleWeakerThanLedgerException when the new rule could pass what the ledger refuses; names the missing
     *     signatures
     * @throws IllegalArgumentException when a text is blank or too long, the rule changes the rule for rule changes to
     *     something no vote can meet, or no vote can meet the rule at all
     */
    @PreAuthorize("hasRole('BOARD_MEMBER')")
    public ProposalDetails proposeRuleChange(ProposalTexts texts, DecisionRule newRule) {
        ProposalTexts valid = texts.validated();
        Objects.requireNonNull(newRule, "newRule must not be null");
        BoardMemberActor actor = boardMemberActor();
        rules.requireAtLeastAsStrictAsLedger(newRule);
        DecisionRule ruleForRuleChanges = rules.current(ChangeType.RULE_CHANGE);

        Proposal proposal = proposals.save(Proposal.openRuleChange(
                nextReference(), valid, channel, newRule, actor.member().id(), ruleForRuleChanges));
        ruleChanges.save(new RuleChange(proposal.id(), newRule));
        voting.recordProposerVote(proposal, actor);
        audit(actor, "proposal.opened", proposal, "rule for " + newRule.changeType().databaseValue() + " to "
                + RuleTexts.describe(newRule) + "; voted on under " + RuleTexts.describe(ruleForRuleChanges)
                + "; the proposer's yes vote is recorded");
        events.publishEvent(
                new ProposalOpened(proposal.id(), proposal.reference(), proposal.title(), proposal.votingDeadline()));
        log.atInfo()
                .addKeyValue("proposal", proposal.reference())
                .addKeyValue("changeType", newRule.changeType().databaseValue())
                .log("Opened rule-change proposal");
        return readModels.details(proposal, actor.user());
    }

    /**
     * Votes yes on the proposal as the signed-in board member; the same as {@code vote(id, YES, null)}.
     *
     * @throws GovernanceRuleViolationException when the member proposed it, already voted yes, or the deadline passed
     * @throws IllegalStateException when the proposal is not open
     * @throws ProposalNotFoundException when no proposal has the id
     */
    @PreAuthorize("hasRole('BOARD_MEMBER')")
    public ApprovalOutcome approve(UUID proposalId) {
        return vote(proposalId, VoteChoice.YES, null);
    }

    /**
     * Casts or changes the signed-in board member's vote. A yes vote makes the member's authority sign when its
     * signature counts and it has not signed yet. A no vote needs a reason.
     *
     * @throws GovernanceRuleViolationException when the member proposed it, cast this same vote already, gave no reason
     *     for a no vote, or the voting deadline passed
     * @throws IllegalStateException when the proposal is not open
     * @throws IllegalArgumentException when the choice is a veto or the reason is too long
     * @throws ProposalNotFoundException when no proposal has the id
     */
    @PreAuthorize("hasRole('BOARD_MEMBER')")
    public ApprovalOutcome vote(UUID proposalId, VoteChoice choice, @Nullable String reason) {
        BoardMemberActor actor = boardMemberActor();
        // NOTE: the row lock is held while the ledger signs and evaluates, so a slow ledger delays other votes on this
        // proposal. Without the lock, two authorities voting at once could each miss the other's signature.
        Proposal proposal = lockProposal(proposalId);
        return voting.vote(proposal, actor, choice, reason);
    }

    /**
     * Vetoes the proposal as a holder of a veto role of its rule; one veto rejects it.
     *
     * @throws GovernanceRuleViolationException when the user may not veto it, vetoed already, gave no reason, or the
     *     voting deadline passed
     * @throws IllegalStateException when the proposal is not open
     * @throws ProposalNotFoundException when no proposal has the id
     */
    @PreAuthorize("isAuthenticated()")
    public ApprovalOutcome veto(UUID proposalId, String reason) {
        PortalUser user = currentUser.require();
        Proposal proposal = lockProposal(proposalId);
        // A veto is stored under the subject pseudonym even for a board member, because a board member who also holds
        // a veto role may vote and veto, and a vote row is unique per proposal and voter pseudonym.
        return voting.veto(proposal, user, UserPseudonyms.ofSubject(user), reason);
    }

    /**
     * Computes the proposal's config update again against the live config. All votes, approvals and signatures of the
     * old update are dropped (the audit trail keeps them), the proposer's yes vote is recorded again, and the proposal
     * is open again.
     *
     * @throws GovernanceRuleViolationException when the member's authority is not one whose signature counts
     * @throws IllegalStateException when the proposal is neither stale nor open, is a rule change, or adds an
     *     organisation whose MSP definition is no longer kept
     * @throws ChangeRejectedException when the ledger now rejects the change
     */
    @PreAuthorize("hasRole('BOARD_MEMBER')")
    public ProposalDetails recompute(UUID proposalId) {
        BoardMemberActor actor = boardMemberActor();
        Proposal proposal = lockProposal(proposalId);
        if (proposal.status() != ProposalStatus.STALE && proposal.status() != ProposalStatus.OPEN) {
            throw new IllegalStateException("Proposal " + proposal.reference()
                    + " can only be recomputed when stale or open, but its status is " + proposal.status().databaseValue());
        }
        if (proposal.isRuleChange()) {
            throw new IllegalStateException("Proposal " + proposal.reference() + " is a rule change without a config update");
        }
        if (proposal.isConceptVersion()) {
            throw new IllegalStateException("Proposal " + proposal.reference() + " applies a concept version; propose"
                    + " the version again from the concept plan page to compute a new config update");
        }
        if (!proposal.signingMspIds().contains(actor.authority().mspId())) {
            throw new GovernanceRuleViolationException(Rule.NOT_A_SIGNING_AUTHORITY, "Only board members of "
                    + String.join(", ", proposal.signingMspIds()) + " may recompute proposal " + proposal.reference());
        }

        String oldSha256 = proposal.configUpdateSha256();
        PreparedUpdate update;
        if (proposal.isOrganizationAddition()) {
            ImportedMsp msp = organizationDefinitions.stream()
                    .flatMap(definitions -> definitions.forProposal(proposal.id()).stream())
                    .findFirst()
                    .orElseThrow(() -> new IllegalStateException("The MSP definition of proposal "
                            + proposal.reference() + " was not found, because its onboarding draft is gone. Open a"
                            + " new onboarding draft for the organisation."));
            update = ledger.prepareChanges(proposal.channel(), List.of(new ConfigChange.AddOrganization(msp)));
        } else if (proposal.isOrganizationRemoval()) {
            update = ledger.prepareChanges(
                    proposal.channel(), List.of(new ConfigChange.RemoveOrganization(proposal.removedMspId())));
        } else {
            update = ledger.prepare(proposal.channel(), proposal.change());
        }
        discardVotesAndApprovals(proposal, actor);
        submissions.findByProposalId(proposal.id()).ifPresent(submissions::delete);
        proposal.reopen(update);
        recordProposerVoteAgain(proposal);
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

    private void discardVotesAndApprovals(Proposal proposal, BoardMemberActor actor) {
        for (Approval approval : approvals.findByProposalIdOrderByCreatedAtAsc(proposal.id())) {
            audit(actor, "approval.discarded", proposal, "approval " + approval.id() + " of board member "
                    + readModels.pseudonymOf(approval.boardMemberId()) + " for config update sha256 "
                    + approval.configUpdateSha256() + (approval.signed() ? " with signature" : " without signature"));
        }
        approvals.deleteByProposalId(proposal.id());
        for (ImportedSignature signature : importedSignatures.findByProposalIdOrderByImportedAtAsc(proposal.id())) {
            audit(actor, "imported-signature.discarded", proposal, "signature imported by "
                    + signature.importedBy() + " for config update sha256 " + signature.configUpdateSha256());
        }
        importedSignatures.deleteByProposalId(proposal.id());
        for (Vote vote : votes.findByProposalIdOrderByCastAtAsc(proposal.id())) {
            audit(actor, "vote.discarded", proposal, "vote " + vote.choice().databaseValue() + " of "
                    + vote.voterPseudonym() + " cast at " + vote.castAt());
            votes.delete(vote);
        }
        votes.flush();
    }

    private void recordProposerVoteAgain(Proposal proposal) {
        readModels.proposer(proposal).ifPresent(proposer -> votes.save(Vote.ofBoardMember(
                proposal.id(), proposer.pseudonym(), proposer.id(), proposer.authorityId(), VoteChoice.YES, null)));
    }

    private Proposal lockProposal(UUID proposalId) {
        return proposals.findByIdForUpdate(proposalId).orElseThrow(() -> new ProposalNotFoundException(proposalId));
    }

    private String nextReference() {
        return "P-%d-%04d".formatted(Year.now().getValue(), proposals.nextReferenceNumber());
    }

    private BoardMemberActor boardMemberActor() {
        PortalUser user = currentUser.require();
        BoardMemberRef member = user.boardMember();
        AuthorityRef authority = user.authority();
        if (!user.hasRole(PortalRole.BOARD_MEMBER) || member == null || authority == null) {
            throw new IllegalStateException("Missing board-member record for the signed-in user; sign in with the board member role of a configured authority");
        }
        return new BoardMemberActor(user, member, authority);
    }

    private void audit(BoardMemberActor actor, String action, Proposal proposal, String details) {
        audit.record(new AuditEntry(
                actor.member().pseudonym(),
                actor.authority().code(),
                action,
                "proposal",
                proposal.reference(),
                details));
    }

    private static ChangeType changeTypeOf(PolicyChange change) {
        try {
            return ChangeType.ofPolicyPath(change.path());
        } catch (IllegalArgumentException e) {
            throw new ChangeRejectedException(e.getMessage());
        }
    }

    private static PolicyChange requireValid(PolicyChange change) {
        Objects.requireNonNull(change, "change must not be null");
        if (change.path().isBlank() || change.policyText().isBlank()) {
            throw new ChangeRejectedException("Policy path and new rule must both be given");
        }
        return change;
    }
}
