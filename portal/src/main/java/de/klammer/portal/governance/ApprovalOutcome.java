package de.klammer.portal.governance;

import java.util.List;

/**
 * Result of an approval.
 *
 * @param status status of the proposal after the approval
 * @param signed whether the approval made the approver's authority sign the config update
 * @param missingSignatures what the ledger still needs, one plain line each; empty when satisfied or not evaluated
 */
public record ApprovalOutcome(ProposalStatus status, boolean signed, List<String> missingSignatures) {

    public ApprovalOutcome {
        missingSignatures = List.copyOf(missingSignatures);
    }
}
