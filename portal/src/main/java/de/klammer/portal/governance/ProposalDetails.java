package de.klammer.portal.governance;

import de.klammer.portal.audit.AuditEvent;
import de.klammer.portal.ledger.PolicyChange;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * Everything the details page shows about a proposal, including what the signed-in user may do with it.
 *
 * @param id database id
 * @param reference human-readable reference, for example {@code P-2026-0001}
 * @param title short title
 * @param rationale why the change is proposed
 * @param channel channel the change applies to
 * @param change the requested policy change
 * @param status current status
 * @param proposerPseudonym pseudonym of the proposing board member
 * @param proposerAuthorityCode code of the proposer's authority
 * @param baseSequence config sequence the update was computed against
 * @param configUpdateSha256 SHA-256 of the config update that approvals cover, hex; null for a rule change
 * @param writeSet what the update changes, one plain line each
 * @param requiredSignatures the ledger's signature requirement, one plain line each
 * @param signingMspIds authorities whose signatures count
 * @param approvals approvals of the current config update, oldest first
 * @param submissionState state of the ledger submission, when the proposal has one
 * @param submissionError last error of the ledger submission, if any
 * @param submissionAttempts how often the submitter has tried to send the update; 0 without a submission
 * @param nextAttemptAt when the submitter tries again after a failed attempt; null when no retry waits
 * @param appliedBlock config block that carries the applied update
 * @param appliedSequence config sequence after the update was applied
 * @param failureReason why the ordering service rejected the update
 * @param auditTrail audit events about this proposal, oldest first
 * @param canApprove whether the signed-in user may vote yes now
 * @param canRecompute whether the signed-in user may recompute now
 * @param createdAt when the proposal was made
 * @param updatedAt when the proposal last changed
 * @param governance change type, legal basis, rule, votes and count
 * @param conceptDifferences for a proposal that applies a concept version, the readable difference to the applied
 *     version, one line each; empty for other proposals
 */
public record ProposalDetails(
        UUID id,
        String reference,
        String title,
        String rationale,
        String channel,
        PolicyChange change,
        ProposalStatus status,
        String proposerPseudonym,
        String proposerAuthorityCode,
        long baseSequence,
        @Nullable String configUpdateSha256,
        List<String> writeSet,
        List<String> requiredSignatures,
        List<String> signingMspIds,
        List<ApprovalDetails> approvals,
        @Nullable SubmissionState submissionState,
        @Nullable String submissionError,
        int submissionAttempts,
        @Nullable Instant nextAttemptAt,
        @Nullable Long appliedBlock,
        @Nullable Long appliedSequence,
        @Nullable String failureReason,
        List<AuditEvent> auditTrail,
        boolean canApprove,
        boolean canRecompute,
        Instant createdAt,
        Instant updatedAt,
        Governance governance,
        List<String> conceptDifferences) {

    public ProposalDetails {
        conceptDifferences = List.copyOf(conceptDifferences);
        writeSet = List.copyOf(writeSet);
        requiredSignatures = List.copyOf(requiredSignatures);
        signingMspIds = List.copyOf(signingMspIds);
        approvals = List.copyOf(approvals);
        auditTrail = List.copyOf(auditTrail);
    }

    /**
     * What the board decides on, under which rule, and the votes so far.
     *
     * @param changeType the change type, which selects the decision rule
     * @param ruleChange whether the proposal changes a decision rule instead of the ledger
     * @param legalBasis legal basis of the decision
     * @param touchesPersonalData whether the proposer marked the change as touching processing of personal data
     * @param rule the decision rule the proposal is voted on under
     * @param votingDeadline when voting ends; null for proposals opened before deadlines existed
     * @param decidedAt when the proposal was approved, rejected or expired
     * @param votes every current vote and veto, oldest first
     * @param count the count so far
     * @param missingSignatures what the ledger still needs, one plain line each, as last evaluated
     * @param myVote the signed-in user's current vote
     * @param canVote whether the signed-in user may cast or change a vote now
     * @param canVeto whether the signed-in user may veto now
     */
    public record Governance(
            ChangeType changeType,
            boolean ruleChange,
            String legalBasis,
            boolean touchesPersonalData,
            DecisionRule rule,
            @Nullable Instant votingDeadline,
            @Nullable Instant decidedAt,
            List<VoteDetails> votes,
            VoteCount count,
            List<String> missingSignatures,
            @Nullable VoteChoice myVote,
            boolean canVote,
            boolean canVeto) {

        public Governance {
            votes = List.copyOf(votes);
            missingSignatures = List.copyOf(missingSignatures);
        }
    }

    /**
     * One current vote.
     *
     * @param voterPseudonym pseudonym of the voter
     * @param authorityCode code of the voter's authority
     * @param choice the vote
     * @param reason the reason given; required for no and veto
     * @param vetoRole the portal role a veto was cast in
     * @param castAt when the vote was first cast
     * @param updatedAt when the vote was last changed
     */
    public record VoteDetails(
            String voterPseudonym,
            String authorityCode,
            VoteChoice choice,
            @Nullable String reason,
            @Nullable String vetoRole,
            Instant castAt,
            Instant updatedAt) {}

    /**
     * One approval of the current config update.
     *
     * @param boardMemberPseudonym pseudonym of the approving board member
     * @param authorityCode code of the approver's authority
     * @param authorityName name of the approver's authority
     * @param mspId MSP id of the approver's authority
     * @param signed whether this approval carries the authority's signature
     * @param configUpdateSha256 SHA-256 of the config update that was approved, hex
     * @param createdAt when the approval was given
     */
    public record ApprovalDetails(
            String boardMemberPseudonym,
            String authorityCode,
            String authorityName,
            String mspId,
            boolean signed,
            @Nullable String configUpdateSha256,
            Instant createdAt) {}
}
