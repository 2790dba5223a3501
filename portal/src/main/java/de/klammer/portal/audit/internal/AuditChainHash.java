package de.klammer.portal.audit.internal;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import org.jspecify.annotations.Nullable;

/**
 * Hash of one audit row: SHA-256 over a length-prefixed encoding of its fields and the previous row's hash. The
 * encoding is the one that migration {@code V040__chain_audit_event.sql} documents and computes in SQL; both must
 * stay byte for byte the same.
 */
public final class AuditChainHash {

    /** Previous hash of the first row: 32 zero bytes in hex. */
    public static final String GENESIS = "0".repeat(64);

    private static final byte[] DOMAIN = "klammer-audit-v1".getBytes(StandardCharsets.UTF_8);
    private static final HexFormat HEX = HexFormat.of();

    private AuditChainHash() {}

    /**
     * Computes the lower-case hex hash of a row.
     *
     * @param occurredAt time of the row; only whole microseconds count, as PostgreSQL stores them
     */
    public static String compute(
            long sequence,
            Instant occurredAt,
            String actor,
            @Nullable String authorityCode,
            String action,
            String subjectType,
            String subjectId,
            String details,
            String previousHash) {
        ByteArrayOutputStream encoded = new ByteArrayOutputStream(256);
        encoded.writeBytes(DOMAIN);
        encoded.writeBytes(int64(sequence));
        encoded.writeBytes(int64(ChronoUnit.MICROS.between(Instant.EPOCH, occurredAt)));
        for (String field : new String[] {actor, authorityCode, action, subjectType, subjectId, details}) {
            writeField(encoded, field);
        }
        encoded.writeBytes(HEX.parseHex(previousHash));
        return HEX.formatHex(sha256(encoded.toByteArray()));
    }

    private static void writeField(ByteArrayOutputStream encoded, @Nullable String value) {
        if (value == null) {
            encoded.writeBytes(ByteBuffer.allocate(Integer.BYTES).putInt(-1).array());
            return;
        }
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        encoded.writeBytes(ByteBuffer.allocate(Integer.BYTES).putInt(bytes.length).array());
        encoded.writeBytes(bytes);
    }

    private static byte[] int64(long value) {
        return ByteBuffer.allocate(Long.BYTES).putLong(value).array();
    }

    private static byte[] sha256(byte[] input) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(input);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available in this JVM", e);
        }
    }
}
