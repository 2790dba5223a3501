package de.klammer.ledger.internal;

import com.google.protobuf.ByteString;
import com.google.protobuf.Timestamp;
import de.klammer.ledger.SigningIdentity;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import org.hyperledger.fabric.protos.common.Common.ChannelHeader;
import org.hyperledger.fabric.protos.common.Common.Envelope;
import org.hyperledger.fabric.protos.common.Common.Header;
import org.hyperledger.fabric.protos.common.Common.HeaderType;
import org.hyperledger.fabric.protos.common.Common.Payload;
import org.hyperledger.fabric.protos.common.Common.SignatureHeader;
import org.hyperledger.fabric.protos.common.Configtx.ConfigSignature;
import org.hyperledger.fabric.protos.common.Configtx.ConfigUpdateEnvelope;
import org.hyperledger.fabric.protos.msp.Identities.SerializedIdentity;
import org.hyperledger.fabric.protos.orderer.Ab.SeekInfo;
import org.hyperledger.fabric.protos.orderer.Ab.SeekNewest;
import org.hyperledger.fabric.protos.orderer.Ab.SeekPosition;
import org.hyperledger.fabric.protos.orderer.Ab.SeekSpecified;

/** Builds the signed messages Fabric expects, byte for byte. */
public final class Envelopes {

    private static final SecureRandom RANDOM = new SecureRandom();

    private Envelopes() {}

    /** A signed envelope and the transaction id in its header. */
    public record Signed(Envelope envelope, String txId) {}

    /**
     * Signs a config update as an organisation admin: a {@code ConfigSignature} over
     * {@code signature_header || config_update}, where the header names the signer and carries a fresh nonce.
     */
    public static ConfigSignature configSignature(byte[] configUpdate, SigningIdentity signer) {
        ByteString header = signatureHeader(signer, nonce()).toByteString();
        byte[] signature = signer.sign(header.concat(ByteString.copyFrom(configUpdate)).toByteArray());
        return ConfigSignature.newBuilder()
                .setSignatureHeader(header)
                .setSignature(ByteString.copyFrom(signature))
                .build();
    }

    /** Wraps a config update and its signatures into a {@code CONFIG_UPDATE} envelope signed by the submitter. */
    public static Signed configUpdateEnvelope(
            String channelId, byte[] configUpdate, List<ConfigSignature> signatures, SigningIdentity submitter) {
        ConfigUpdateEnvelope body = ConfigUpdateEnvelope.newBuilder()
                .setConfigUpdate(ByteString.copyFrom(configUpdate))
                .addAllSignatures(signatures)
                .build();
        return signedEnvelope(HeaderType.CONFIG_UPDATE, channelId, body.toByteString(), submitter);
    }

    /** Builds a Deliver request for the blocks from {@code start} to {@code stop}; a negative number means newest. */
    public static Signed seekEnvelope(String channelId, long start, long stop, SigningIdentity reader) {
        SeekInfo seek = SeekInfo.newBuilder()
                .setStart(position(start))
                .setStop(position(stop))
                .setBehavior(SeekInfo.SeekBehavior.BLOCK_UNTIL_READY)
                .build();
        return signedEnvelope(HeaderType.DELIVER_SEEK_INFO, channelId, seek.toByteString(), reader);
    }

    private static SeekPosition position(long number) {
        if (number < 0) {
            return SeekPosition.newBuilder().setNewest(SeekNewest.getDefaultInstance()).build();
        }
        return SeekPosition.newBuilder()
                .setSpecified(SeekSpecified.newBuilder().setNumber(number))
                .build();
    }

    private static Signed signedEnvelope(HeaderType type, String channelId, ByteString data, SigningIdentity signer) {
        byte[] nonce = nonce();
        SignatureHeader signatureHeader = signatureHeader(signer, nonce);
        String txId = txId(nonce, signatureHeader.getCreator());
        Instant now = Instant.now();
        ChannelHeader channelHeader = ChannelHeader.newBuilder()
                .setType(type.getNumber())
                .setVersion(0)
                .setChannelId(channelId)
                .setTxId(txId)
                .setEpoch(0)
                .setTimestamp(Timestamp.newBuilder().setSeconds(now.getEpochSecond()).setNanos(now.getNano()))
                .build();
        Payload payload = Payload.newBuilder()
                .setHeader(Header.newBuilder()
                        .setChannelHeader(channelHeader.toByteString())
                        .setSignatureHeader(signatureHeader.toByteString()))
                .setData(data)
                .build();
        byte[] payloadBytes = payload.toByteArray();
        Envelope envelope = Envelope.newBuilder()
                .setPayload(ByteString.copyFrom(payloadBytes))
                .setSignature(ByteString.copyFrom(signer.sign(payloadBytes)))
                .build();
        return new Signed(envelope, txId);
    }

    static SignatureHeader signatureHeader(SigningIdentity signer, byte[] nonce) {
        SerializedIdentity creator = SerializedIdentity.newBuilder()
                .setMspid(signer.mspId())
                .setIdBytes(ByteString.copyFrom(signer.certificatePem(), StandardCharsets.UTF_8))
                .build();
        return SignatureHeader.newBuilder()
                .setCreator(creator.toByteString())
                .setNonce(ByteString.copyFrom(nonce))
                .build();
    }

    /** Computes Fabric's transaction id: hex SHA-256 of nonce followed by the creator bytes. */
    static String txId(byte[] nonce, ByteString creator) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update(nonce);
            digest.update(creator.toByteArray());
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }

    static byte[] nonce() {
        byte[] nonce = new byte[24];
        RANDOM.nextBytes(nonce);
        return nonce;
    }

    /** Returns the lower-case hex SHA-256 of some bytes. */
    public static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }
}
