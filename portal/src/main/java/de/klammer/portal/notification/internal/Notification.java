package de.klammer.portal.notification.internal;

import de.klammer.portal.notification.InboxItem;
import de.klammer.portal.notification.NotificationKind;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** Row of the {@code notification} table: one inbox entry of one board member. */
@Entity
@Table(name = "notification")
public class Notification {

    @Id
    private UUID id = new UUID(0, 0);

    @Column(name = "board_member_id", nullable = false)
    private UUID boardMemberId = new UUID(0, 0);

    @Column(nullable = false)
    private String kind = "";

    @Column(name = "proposal_id", nullable = false)
    private UUID proposalId = new UUID(0, 0);

    @Column(name = "proposal_reference", nullable = false)
    private String proposalReference = "";

    @Column(name = "proposal_title", nullable = false)
    private String proposalTitle = "";

    @Column
    private @Nullable String outcome;

    @Column(name = "due_at")
    private @Nullable Instant dueAt;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt = Instant.EPOCH;

    @Column(name = "read_at")
    private @Nullable Instant readAt;

    protected Notification() {}

    /** Creates an unread notification, stamped with the current time. */
    public Notification(
            UUID boardMemberId,
            NotificationKind kind,
            UUID proposalId,
            String proposalReference,
            String proposalTitle,
            @Nullable String outcome,
            @Nullable Instant dueAt) {
        this.id = UUID.randomUUID();
        this.boardMemberId = boardMemberId;
        this.kind = kind.databaseValue();
        this.proposalId = proposalId;
        this.proposalReference = proposalReference;
        this.proposalTitle = proposalTitle;
        this.outcome = outcome;
        this.dueAt = dueAt;
        this.createdAt = Instant.now();
    }

    public UUID id() {
        return id;
    }

    public UUID boardMemberId() {
        return boardMemberId;
    }

    public NotificationKind kind() {
        return NotificationKind.fromDatabaseValue(kind);
    }

    /** Marks the notification read; a second call keeps the first time. */
    public void markRead(Instant now) {
        if (readAt == null) {
            readAt = now;
        }
    }

    public InboxItem toInboxItem() {
        return new InboxItem(
                id, kind(), proposalId, proposalReference, proposalTitle, outcome, dueAt, createdAt, readAt != null);
    }
}
