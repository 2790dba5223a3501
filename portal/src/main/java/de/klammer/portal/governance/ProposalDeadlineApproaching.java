package de.klammer.portal.governance;

import java.time.Instant;
import java.util.UUID;

/** Published once per proposal, inside a transaction, when its voting deadline is near and it is still open. */
public record ProposalDeadlineApproaching(UUID proposalId, String reference, String title, Instant votingDeadline) {}
