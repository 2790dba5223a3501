package de.klammer.portal.identity.erasure.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * The CRL update of one request on one channel: the exact config update with the organisation admin's signature,
 * and where it was applied. It is this feature's outbox row.
 */
@Entity
@Table(name = "data_subject_request_channel")
public class RequestChannelUpdate {

    /** Update state: prepared (signed, not broadcast), submitted (broadcast), applied (in a config block). */
    public enum State {
        PREPARED,
        SUBMITTED,
        APPLIED
    }

    @Id
    private UUID id;

    @Column(name = "request_id", nullable = false)
    private UUID requestId;

    @Column(nullable = false)
    private String channel;

    @Column(name = "crl_pem", nullable = false)
    private String crlPem;

    @Column(name = "config_update", nullable = false)
    private byte[] configUpdate;

    @Column(nullable = false)
    private String sha256;

    @Column(name = "base_sequence", nullable = false)
    private long baseSequence;

    @Column(nullable = false)
    private byte[] signature;

    @Column(nullable = false)
    private String state;

    @Column(name = "tx_id")
    private @Nullable String txId;

    @Column(name = "block_number")
    private @Nullable Long blockNumber;

    @Column(name = "refusal_check")
    private @Nullable String refusalCheck;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    protected RequestChannelUpdate() {}

    public RequestChannelUpdate(
            UUID requestId,
            String channel,
            String crlPem,
            byte[] configUpdate,
            String sha256,
            long baseSequence,
            byte[] signature) {
        this.id = UUID.randomUUID();
        this.requestId = requestId;
        this.channel = channel;
        this.crlPem = crlPem;
        this.configUpdate = configUpdate.clone();
        this.sha256 = sha256;
        this.baseSequence = baseSequence;
        this.signature = signature.clone();
        this.state = "prepared";
        this.updatedAt = Instant.now();
    }

    /** Replaces a stale update with one computed against the live config. */
    public void replace(
            String newCrlPem, byte[] newConfigUpdate, String newSha256, long newBaseSequence, byte[] newSignature) {
        this.crlPem = newCrlPem;
        this.configUpdate = newConfigUpdate.clone();
        this.sha256 = newSha256;
        this.baseSequence = newBaseSequence;
        this.signature = newSignature.clone();
        this.state = "prepared";
        this.txId = null;
        this.updatedAt = Instant.now();
    }

    public void submitted(String transactionId) {
        this.state = "submitted";
        this.txId = transactionId;
        this.updatedAt = Instant.now();
    }

    public void applied(long block) {
        this.state = "applied";
        this.blockNumber = block;
        this.updatedAt = Instant.now();
    }

    public void refusalChecked(String result) {
        this.refusalCheck = result;
        this.updatedAt = Instant.now();
    }

    public UUID id() {
        return id;
    }

    public UUID requestId() {
        return requestId;
    }

    public String channel() {
        return channel;
    }

    /** Returns the CRL the update adds, PEM. */
    public String crlPem() {
        return crlPem;
    }

    public byte[] configUpdate() {
        return configUpdate.clone();
    }

    public String sha256() {
        return sha256;
    }

    public long baseSequence() {
        return baseSequence;
    }

    public byte[] signature() {
        return signature.clone();
    }

    public State state() {
        return State.valueOf(state.toUpperCase(java.util.Locale.ROOT));
    }

    public @Nullable String txId() {
        return txId;
    }

    public @Nullable Long blockNumber() {
        return blockNumber;
    }

    public @Nullable String refusalCheck() {
        return refusalCheck;
    }
}
