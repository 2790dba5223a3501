package de.klammer.portal.governance;

import java.time.Instant;
import java.util.UUID;

/**
 * A proposal as one line of the proposals list.
 *
 * @param id database id
 * @param reference human-readable reference, for example {@code P-2026-0001}
 * @param title short title
 * @param changePath policy path that the proposal changes
 * @param status current status
 * @param proposerPseudonym pseudonym of the proposing board member
 * @param proposerAuthorityCode code of the proposer's authority
 * @param approvalCount number of approvals of the current config update
 * @param createdAt when the proposal was made
 */
public record ProposalSummary(
        UUID id,
        String reference,
        String title,
        String changePath,
        ProposalStatus status,
        String proposerPseudonym,
        String proposerAuthorityCode,
        int approvalCount,
        Instant createdAt) {}
