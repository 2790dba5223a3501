package de.klammer.portal.identity.review.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** An access review campaign of one authority, open until every item is decided. */
@Entity
@Table(name = "access_review_campaign")
public class AccessReviewCampaign {

    public static final String OPEN = "open";
    public static final String CLOSED = "closed";

    @Id
    private UUID id;

    @Column(nullable = false, updatable = false)
    private String reference;

    @Column(name = "authority_id", nullable = false, updatable = false)
    private UUID authorityId;

    @Column(name = "msp_id", nullable = false, updatable = false)
    private String mspId;

    @Column(name = "opened_by", nullable = false, updatable = false)
    private String openedBy;

    @Column(name = "opened_at", nullable = false, updatable = false)
    private Instant openedAt;

    @Column(name = "closed_at")
    private @Nullable Instant closedAt;

    @Column(nullable = false)
    private String status;

    @Version
    private long version;

    protected AccessReviewCampaign() {}

    public AccessReviewCampaign(String reference, UUID authorityId, String mspId, String openedBy) {
        this.id = UUID.randomUUID();
        this.reference = reference;
        this.authorityId = authorityId;
        this.mspId = mspId;
        this.openedBy = openedBy;
        this.openedAt = Instant.now();
        this.status = OPEN;
    }

    /**
     * Closes the campaign once its last item is decided.
     *
     * @throws IllegalStateException when the campaign is closed already
     */
    public void close() {
        if (!isOpen()) {
            throw new IllegalStateException("Access review " + reference + " is " + status + " already");
        }
        this.status = CLOSED;
        this.closedAt = Instant.now();
    }

    public boolean isOpen() {
        return OPEN.equals(status);
    }

    public UUID id() {
        return id;
    }

    public String reference() {
        return reference;
    }

    public UUID authorityId() {
        return authorityId;
    }

    public String mspId() {
        return mspId;
    }

    public String openedBy() {
        return openedBy;
    }

    public Instant openedAt() {
        return openedAt;
    }

    public @Nullable Instant closedAt() {
        return closedAt;
    }

    public String status() {
        return status;
    }
}
