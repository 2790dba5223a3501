package de.klammer.identity;

import java.util.Arrays;
import java.util.Base64;
import java.util.Objects;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

/**
 * An AES-256 key that wraps the per-person data keys of the {@link IdentityVault}. The ID is stored with every
 * sealed record, so records stay readable after the current key changes, as long as the old key is configured.
 */
public record MasterKey(String id, SecretKey key) {

    static final int KEY_BYTES = 32;

    public MasterKey {
        Objects.requireNonNull(id, "id must not be null");
        Objects.requireNonNull(key, "key must not be null");
        if (id.isBlank() || id.contains("|")) {
            throw new IllegalArgumentException(
                    "Master key id must be non-blank and must not contain '|', but is '" + id + "'");
        }
        byte[] encoded = key.getEncoded();
        if (!"AES".equals(key.getAlgorithm()) || encoded == null || encoded.length != KEY_BYTES) {
            throw new IllegalArgumentException("Master key " + id + " must be a 256-bit AES key, but is "
                    + key.getAlgorithm() + " with " + (encoded == null ? "no" : encoded.length * 8) + " bits");
        }
    }

    /**
     * Reads a key from its standard Base64 form, as configuration stores it (e.g. the output of {@code openssl rand
     * -base64 32}).
     */
    public static MasterKey fromBase64(String id, String base64) {
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(base64.strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(
                    "Master key " + id + " is not valid Base64. Generate one with" + " 'openssl rand -base64 32'.", e);
        }
        if (bytes.length != KEY_BYTES) {
            throw new IllegalArgumentException("Master key " + id + " has " + bytes.length + " bytes, but AES-256"
                    + " needs " + KEY_BYTES + ". Generate one with 'openssl rand -base64 32'.");
        }
        try {
            return new MasterKey(id, new SecretKeySpec(bytes, "AES"));
        } finally {
            Arrays.fill(bytes, (byte) 0);
        }
    }

    /** Leaves the key out. */
    @Override
    public String toString() {
        return "MasterKey[id=" + id + "]";
    }
}
