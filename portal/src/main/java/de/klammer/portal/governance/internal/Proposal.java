package de.klammer.portal.governance.internal;

import de.klammer.portal.governance.ProposalStatus;
import de.klammer.portal.ledger.AppliedUpdate;
import de.klammer.portal.ledger.PolicyChange;
import de.klammer.portal.ledger.PreparedUpdate;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A proposed policy change with the exact config update that board members approve. Status changes go through
 * methods that reject transitions the life cycle does not allow.
 */
@Entity
@Table(name = "proposal")
public class Proposal {

    /** The only change kind so far: set one policy to a new rule. */
    static final String CHANGE_KIND_SET_POLICY = "set-policy";

    @Id
    private UUID id = new UUID(0, 0);

    @Column(nullable = false, unique = true, updatable = false)
    private String reference = "";

    @Column(nullable = false)
    private String title = "";

    @Column(nullable = false)
    private String rationale = "";

    @Column(nullable = false, updatable = false)
    private String channel = "";

    @Column(name = "change_kind", nullable = false, updatable = false)
    private String changeKind = CHANGE_KIND_SET_POLICY;

    @Column(name = "change_path", nullable = false, updatable = false)
    private String changePath = "";

    @Column(name = "change_policy", nullable = false, updatable = false)
    private String changePolicy = "";

    @Convert(converter = ProposalStatusConverter.class)
    @Column(nullable = false)
    private ProposalStatus status = ProposalStatus.DRAFT;

    @Column(name = "proposer_id", nullable = false, updatable = false)
    private UUID proposerId = new UUID(0, 0);

    @Column(name = "base_sequence", nullable = false)
    private long baseSequence;

    @Column(name = "config_update", nullable = false)
    private byte[] configUpdate = new byte[0];

    @Column(name = "config_update_sha256", nullable = false)
    private String configUpdateSha256 = "";

    @Convert(converter = LinesConverter.class)
    @Column(name = "write_set", nullable = false)
    private List<String> writeSet = List.of();

    @Convert(converter = LinesConverter.class)
    @Column(name = "required_signatures", nullable = false)
    private List<String> requiredSignatures = List.of();

    @Convert(converter = LinesConverter.class)
    @Column(name = "signing_msp_ids", nullable = false)
    private List<String> signingMspIds = List.of();

    @Column(name = "applied_block")
    private @Nullable Long appliedBlock;

    @Column(name = "applied_sequence")
    private @Nullable Long appliedSequence;

    @Column(name = "failure_reason")
    private @Nullable String failureReason;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt = Instant.EPOCH;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt = Instant.EPOCH;

    @Version
    private long version;

    protected Proposal() {}

    /** Creates an open proposal for a config update that the ledger has just prepared. */
    public static Proposal open(
            String reference,
            String title,
            String rationale,
            PolicyChange change,
            UUID proposerId,
            PreparedUpdate update) {
        Proposal proposal = new Proposal();
        proposal.id = UUID.randomUUID();
        proposal.reference = reference;
        proposal.title = title;
        proposal.rationale = rationale;
        proposal.channel = update.channel();
        proposal.changePath = change.path();
        proposal.changePolicy = change.policyText();
        proposal.proposerId = proposerId;
        proposal.createdAt = Instant.now();
        proposal.useUpdate(update);
        proposal.transitionTo(ProposalStatus.OPEN);
        return proposal;
    }

    /** Marks the proposal approved: the ledger's signature requirement is met. */
    public void markApproved() {
        transitionTo(ProposalStatus.APPROVED);
    }

    /** Marks the proposal submitted: the ordering service accepted the broadcast. */
    public void markSubmitted() {
        transitionTo(ProposalStatus.SUBMITTED);
    }

    /** Marks the proposal applied in the given config block. */
    public void markApplied(AppliedUpdate applied) {
        transitionTo(ProposalStatus.APPLIED);
        this.appliedBlock = applied.blockNumber();
        this.appliedSequence = applied.sequence();
    }

    /** Marks the proposal failed with the reason the ordering service gave. */
    public void markFailed(String reason) {
        transitionTo(ProposalStatus.FAILED);
        this.failureReason = reason;
    }

    /** Marks the proposal stale: the channel config moved on since the update was computed. */
    public void markStale() {
        transitionTo(ProposalStatus.STALE);
    }

    /** Replaces the config update with a freshly computed one and opens the proposal again. */
    public void reopen(PreparedUpdate update) {
        transitionTo(ProposalStatus.OPEN);
        useUpdate(update);
    }

    /** Returns the stored config update with everything needed to sign, evaluate and submit it. */
    public PreparedUpdate preparedUpdate() {
        return new PreparedUpdate(
                channel, configUpdate, configUpdateSha256, baseSequence, writeSet, requiredSignatures, signingMspIds);
    }

    public PolicyChange change() {
        return new PolicyChange(changePath, changePolicy);
    }

    private void useUpdate(PreparedUpdate update) {
        if (!update.channel().equals(channel)) {
            throw new IllegalArgumentException(
                    "Update for channel " + update.channel() + " does not belong to proposal on channel " + channel);
        }
        this.configUpdate = update.configUpdate();
        this.configUpdateSha256 = update.sha256();
        this.baseSequence = update.baseSequence();
        this.writeSet = update.writeSet();
        this.requiredSignatures = update.requiredSignatures();
        this.signingMspIds = update.signingMspIds();
        this.updatedAt = Instant.now();
    }

    private void transitionTo(ProposalStatus next) {
        if (!status.canTransitionTo(next)) {
            throw new IllegalStateException("Proposal " + reference + " cannot move from status "
                    + status.databaseValue() + " to " + next.databaseValue());
        }
        this.status = next;
        this.updatedAt = Instant.now();
    }

    public UUID id() {
        return id;
    }

    public String reference() {
        return reference;
    }

    public String title() {
        return title;
    }

    public String rationale() {
        return rationale;
    }

    public String channel() {
        return channel;
    }

    public ProposalStatus status() {
        return status;
    }

    public UUID proposerId() {
        return proposerId;
    }

    public String configUpdateSha256() {
        return configUpdateSha256;
    }

    public List<String> signingMspIds() {
        return signingMspIds;
    }

    public @Nullable Long appliedBlock() {
        return appliedBlock;
    }

    public @Nullable Long appliedSequence() {
        return appliedSequence;
    }

    public @Nullable String failureReason() {
        return failureReason;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant updatedAt() {
        return updatedAt;
    }
}
