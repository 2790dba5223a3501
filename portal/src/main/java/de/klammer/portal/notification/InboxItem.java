package de.klammer.portal.notification;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * One notification in a board member's inbox.
 *
 * @param id notification id
 * @param kind the event
 * @param proposalId id of the proposal concerned
 * @param proposalReference reference such as {@code P-2026-0001}
 * @param proposalTitle title of the proposal
 * @param outcome final status of a decided proposal in its database form, for example {@code applied}; null otherwise
 * @param dueAt voting deadline, when the proposal has one
 * @param createdAt when the event happened
 * @param read whether the member marked it read
 */
public record InboxItem(
        UUID id,
        NotificationKind kind,
        UUID proposalId,
        String proposalReference,
        String proposalTitle,
        @Nullable String outcome,
        @Nullable Instant dueAt,
        Instant createdAt,
        boolean read) {}
