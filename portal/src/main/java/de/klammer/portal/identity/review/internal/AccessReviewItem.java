package de.klammer.portal.identity.review.internal;

import de.klammer.portal.identity.review.ReviewDecision;
import de.klammer.portal.identity.review.RevocationState;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** One ledger identity under review in a campaign, with its roles as they were when the campaign opened. */
@Entity
@Table(name = "access_review_item")
public class AccessReviewItem {

    @Id
    private UUID id;

    @Column(name = "campaign_id", nullable = false, updatable = false)
    private UUID campaignId;

    @Column(name = "identity_id", nullable = false, updatable = false)
    private UUID identityId;

    @Column(name = "enrollment_id", nullable = false, updatable = false)
    private String enrollmentId;

    @Column(name = "identity_kind", nullable = false, updatable = false)
    private String identityKind;

    @Column(nullable = false, updatable = false)
    private String roles;

    @Column(nullable = false)
    private String decision;

    @Column(name = "decided_by")
    private @Nullable String decidedBy;

    @Column(name = "decided_at")
    private @Nullable Instant decidedAt;

    private @Nullable String reason;

    @Column(name = "revocation_state")
    private @Nullable String revocationState;

    @Column(name = "revocation_error")
    private @Nullable String revocationError;

    @Column(name = "revocation_updated_at")
    private @Nullable Instant revocationUpdatedAt;

    @Version
    private long version;

    protected AccessReviewItem() {}

    /**
     * Creates a pending item.
     *
     * @param roles the identity's roles as comma-separated attribute values
     */
    public AccessReviewItem(
            UUID campaignId, UUID identityId, String enrollmentId, String identityKind, String roles) {
        this.id = UUID.randomUUID();
        this.campaignId = campaignId;
        this.identityId = identityId;
        this.enrollmentId = enrollmentId;
        this.identityKind = identityKind;
        this.roles = roles;
        this.decision = ReviewDecision.PENDING.databaseValue();
    }

    /** Records that the reviewer confirmed the roles. */
    public void confirm(String reviewer) {
        decide(ReviewDecision.CONFIRMED, reviewer, null);
    }

    /** Records that the reviewer withdrew the roles, with the identity's revocation pending. */
    public void withdraw(String reviewer, String reason) {
        decide(ReviewDecision.WITHDRAWN, reviewer, reason);
        setRevocation(RevocationState.PENDING, null);
    }

    /** Records that the identity is revoked at the CA and the CRL is on the channels. */
    public void markRevocationDone() {
        requireRevocation(RevocationState.PENDING, RevocationState.FAILED);
        setRevocation(RevocationState.DONE, null);
    }

    /**
     * Records that the revocation failed.
     *
     * @param error what failed, without personal data
     */
    public void markRevocationFailed(String error) {
        requireRevocation(RevocationState.PENDING, RevocationState.FAILED);
        setRevocation(RevocationState.FAILED, error);
    }

    /** Sets a failed revocation pending again, so that it runs once more. */
    public void retryRevocation() {
        requireRevocation(RevocationState.FAILED);
        setRevocation(RevocationState.PENDING, null);
    }

    private void requireRevocation(RevocationState... expected) {
        RevocationState current = revocationState();
        if (current == null || !List.of(expected).contains(current)) {
            throw new IllegalStateException("The revocation of identity " + enrollmentId + " is "
                    + (current == null ? "not started, because its roles were not withdrawn" : current.databaseValue())
                    + "; expected " + List.of(expected).stream().map(RevocationState::databaseValue).toList());
        }
    }

    private void setRevocation(RevocationState state, @Nullable String error) {
        this.revocationState = state.databaseValue();
        this.revocationError = error;
        this.revocationUpdatedAt = Instant.now();
    }

    private void decide(ReviewDecision decision, String reviewer, @Nullable String reason) {
        if (decision() != ReviewDecision.PENDING) {
            throw new IllegalStateException("Identity " + enrollmentId + " was " + this.decision + " by "
                    + decidedBy + " already in this access review; a decision cannot be changed");
        }
        this.decision = decision.databaseValue();
        this.decidedBy = reviewer;
        this.decidedAt = Instant.now();
        this.reason = reason;
    }

    public UUID id() {
        return id;
    }

    public UUID campaignId() {
        return campaignId;
    }

    public UUID identityId() {
        return identityId;
    }

    public String enrollmentId() {
        return enrollmentId;
    }

    public String identityKind() {
        return identityKind;
    }

    public String roles() {
        return roles;
    }

    public ReviewDecision decision() {
        return ReviewDecision.fromDatabaseValue(decision);
    }

    public @Nullable String decidedBy() {
        return decidedBy;
    }

    public @Nullable Instant decidedAt() {
        return decidedAt;
    }

    public @Nullable String reason() {
        return reason;
    }

    public @Nullable RevocationState revocationState() {
        return revocationState == null ? null : RevocationState.fromDatabaseValue(revocationState);
    }

    public @Nullable String revocationError() {
        return revocationError;
    }

    public @Nullable Instant revocationUpdatedAt() {
        return revocationUpdatedAt;
    }
}
