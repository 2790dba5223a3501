package de.klammer.portal.identity.erasure.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** An authority that received the identity's data and must be notified of the erasure or rectification (Art. 19 GDPR). */
@Entity
@Table(name = "data_subject_request_recipient")
public class RequestRecipient {

    /** Primary key: request and the recipient's MSP ID. */
    @Embeddable
    public record Key(@Column(name = "request_id") UUID requestId, @Column(name = "msp_id") String mspId)
            implements Serializable {}

    @EmbeddedId
    private Key key;

    @Column(name = "notified_at", nullable = false)
    private Instant notifiedAt;

    @Column(name = "acknowledged_at")
    private @Nullable Instant acknowledgedAt;

    @Column(name = "acknowledged_by")
    private @Nullable String acknowledgedBy;

    protected RequestRecipient() {}

    public RequestRecipient(UUID requestId, String mspId) {
        this.key = new Key(requestId, mspId);
        this.notifiedAt = Instant.now();
    }

    /** Records the acknowledgement by a user of the recipient authority, named by pseudonym. */
    public void acknowledge(String actor) {
        this.acknowledgedAt = Instant.now();
        this.acknowledgedBy = actor;
    }

    public String mspId() {
        return key.mspId();
    }

    public Instant notifiedAt() {
        return notifiedAt;
    }

    public @Nullable Instant acknowledgedAt() {
        return acknowledgedAt;
    }

    public @Nullable String acknowledgedBy() {
        return acknowledgedBy;
    }
}
