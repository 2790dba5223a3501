package de.klammer.portal.governance;

import java.util.UUID;

/** Published when a proposal's last needed approval has queued its ledger submission. */
public record ProposalApproved(UUID proposalId, String reference, UUID submissionId) {}
