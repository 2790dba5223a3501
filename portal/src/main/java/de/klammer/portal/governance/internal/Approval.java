package de.klammer.portal.governance.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A board member's approval of one config update hash. It carries the authority's admin signature when this
 * approval made the authority sign.
 */
@Entity
@Table(name = "approval")
public class Approval {

    @Id
    private UUID id = new UUID(0, 0);

    @Column(name = "proposal_id", nullable = false, updatable = false)
    private UUID proposalId = new UUID(0, 0);

    @Column(name = "board_member_id", nullable = false, updatable = false)
    private UUID boardMemberId = new UUID(0, 0);

    @Column(name = "authority_id", nullable = false, updatable = false)
    private UUID authorityId = new UUID(0, 0);

    @Column(name = "config_update_sha256", nullable = false, updatable = false)
    private String configUpdateSha256 = "";

    @Column(name = "config_signature", updatable = false)
    private byte @Nullable [] configSignature;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt = Instant.EPOCH;

    protected Approval() {}

    public Approval(
            UUID proposalId,
            UUID boardMemberId,
            UUID authorityId,
            String configUpdateSha256,
            byte @Nullable [] configSignature) {
        this.id = UUID.randomUUID();
        this.proposalId = proposalId;
        this.boardMemberId = boardMemberId;
        this.authorityId = authorityId;
        this.configUpdateSha256 = configUpdateSha256;
        this.configSignature = configSignature == null ? null : configSignature.clone();
        this.createdAt = Instant.now();
    }

    public UUID id() {
        return id;
    }

    public UUID boardMemberId() {
        return boardMemberId;
    }

    public UUID authorityId() {
        return authorityId;
    }

    public String configUpdateSha256() {
        return configUpdateSha256;
    }

    public boolean signed() {
        return configSignature != null;
    }

    public byte @Nullable [] configSignature() {
        return configSignature == null ? null : configSignature.clone();
    }

    public Instant createdAt() {
        return createdAt;
    }
}
