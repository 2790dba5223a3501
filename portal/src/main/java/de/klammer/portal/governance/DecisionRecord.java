package de.klammer.portal.governance;

import de.klammer.portal.governance.ProposalDetails.VoteDetails;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The facts of a decision record about one proposal: who decided what, on which basis, and where the ledger shows
 * it. People appear by pseudonym only.
 *
 * @param reference proposal reference, for example {@code P-2026-0001}
 * @param subject the proposal's title
 * @param changeType the change type
 * @param change the change in one plain line: a policy path and its new rule, or the new decision rule
 * @param legalBasis legal basis of the decision
 * @param reasons the proposer's rationale
 * @param rule the decision rule it was voted on under, in one plain line
 * @param status status when the record was made
 * @param proposerPseudonym pseudonym of the proposer
 * @param proposerAuthorityCode code of the proposer's authority
 * @param createdAt when it was proposed
 * @param votingDeadline end of voting
 * @param decidedAt when it was approved, rejected or expired
 * @param votes every current vote and veto, oldest first
 * @param tally the count in the rule's units
 * @param configUpdateSha256 SHA-256 of the config update, hex; null for a rule change
 * @param blockNumber config block the update landed in; null until applied or for a rule change
 * @param sequence config sequence after the update
 * @param outcomeNote why it failed or expired, if it did
 */
public record DecisionRecord(
        String reference,
        String subject,
        ChangeType changeType,
        String change,
        String legalBasis,
        String reasons,
        String rule,
        ProposalStatus status,
        String proposerPseudonym,
        String proposerAuthorityCode,
        Instant createdAt,
        @Nullable Instant votingDeadline,
        @Nullable Instant decidedAt,
        List<VoteDetails> votes,
        Tally tally,
        @Nullable String configUpdateSha256,
        @Nullable Long blockNumber,
        @Nullable Long sequence,
        @Nullable String outcomeNote) {

    public DecisionRecord {
        votes = List.copyOf(votes);
    }
}
