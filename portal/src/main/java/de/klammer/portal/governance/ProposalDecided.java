package de.klammer.portal.governance;

import java.util.UUID;

/**
 * Published inside the transaction that moves a proposal into a final status: applied, rejected, expired or
 * failed.
 */
public record ProposalDecided(UUID proposalId, String reference, String title, ProposalStatus outcome) {}
