package de.klammer.portal.notification.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** Row of the {@code mail_outbox} table: one notification e-mail to send. */
@Entity
@Table(name = "mail_outbox")
public class MailOutboxEntry {

    /** Longest stored error text. */
    private static final int MAX_ERROR_LENGTH = 500;

    @Id
    private UUID id = new UUID(0, 0);

    @Column(name = "notification_id", nullable = false)
    private UUID notificationId = new UUID(0, 0);

    @Column(name = "board_member_id", nullable = false)
    private UUID boardMemberId = new UUID(0, 0);

    @Column(nullable = false)
    private String status = "pending";

    @Column(nullable = false)
    private int attempts;

    @Column(name = "next_attempt_at", nullable = false)
    private Instant nextAttemptAt = Instant.EPOCH;

    @Column(name = "last_error")
    private @Nullable String lastError;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt = Instant.EPOCH;

    @Column(name = "sent_at")
    private @Nullable Instant sentAt;

    protected MailOutboxEntry() {}

    /** Creates a pending e-mail for the notification, due at once. */
    public MailOutboxEntry(UUID notificationId, UUID boardMemberId) {
        this.id = UUID.randomUUID();
        this.notificationId = notificationId;
        this.boardMemberId = boardMemberId;
        this.createdAt = Instant.now();
        this.nextAttemptAt = createdAt;
    }

    public UUID id() {
        return id;
    }

    public UUID notificationId() {
        return notificationId;
    }

    public UUID boardMemberId() {
        return boardMemberId;
    }

    public String status() {
        return status;
    }

    public int attempts() {
        return attempts;
    }

    public Instant nextAttemptAt() {
        return nextAttemptAt;
    }

    public @Nullable String lastError() {
        return lastError;
    }

    public void markSent(Instant now) {
        attempts++;
        status = "sent";
        sentAt = now;
        lastError = null;
    }

    /** Marks the e-mail undeliverable because the member deleted their address before it was sent. */
    public void markNoAddress() {
        status = "no-address";
    }

    /** Records a failed attempt: retried after {@code backoff}, or marked failed after the last attempt. */
    public void markAttemptFailed(String error, Instant now, Duration backoff, int maxAttempts) {
        attempts++;
        lastError = error.length() > MAX_ERROR_LENGTH ? error.substring(0, MAX_ERROR_LENGTH) : error;
        if (attempts >= maxAttempts) {
            status = "failed";
        } else {
            nextAttemptAt = now.plus(backoff);
        }
    }
}
