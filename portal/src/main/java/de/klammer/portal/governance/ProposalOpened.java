package de.klammer.portal.governance;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * Published inside the transaction that opens a proposal for votes. Listeners that write rows take part in that
 * transaction, so a notification exists exactly when the proposal does.
 */
public record ProposalOpened(UUID proposalId, String reference, String title, @Nullable Instant votingDeadline) {}
