package de.klammer.portal.shell;

import de.klammer.identity.MasterKey;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * AES-256-GCM under a key derived from the vault's master key with HMAC-SHA256 over a label, so each use of the master
 * key gets its own key. The caller's additional authenticated data binds a ciphertext to its row, so a value copied
 * to another row does not decrypt. Stored form: 12-byte nonce followed by ciphertext and 16-byte tag.
 */
public final class MasterKeyCipher {

    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final MasterKey masterKey;
    private final SecretKey derivedKey;

    /**
     * Derives the key for one use.
     *
     * @param label fixed text naming the use, for example {@code "klammer notification address v1"}
     */
    public MasterKeyCipher(MasterKey masterKey, String label) {
        this.masterKey = masterKey;
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(masterKey.key());
            this.derivedKey = new SecretKeySpec(mac.doFinal(label.getBytes(StandardCharsets.UTF_8)), "AES");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Deriving the key for '" + label + "' from the master key failed", e);
        }
    }

    /** Returns the id of the master key in use. */
    public String keyId() {
        return masterKey.id();
    }

    /** Encrypts the text, bound to the additional authenticated data. */
    public byte[] encrypt(String associatedData, String plaintext) throws GeneralSecurityException {
        byte[] nonce = new byte[NONCE_BYTES];
        RANDOM.nextBytes(nonce);
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(Cipher.ENCRYPT_MODE, derivedKey, new GCMParameterSpec(TAG_BITS, nonce));
        cipher.updateAAD(associatedData.getBytes(StandardCharsets.UTF_8));
        byte[] ciphertext = cipher.doFinal(plaintext.getBytes(StandardCharsets.UTF_8));
        return ByteBuffer.allocate(NONCE_BYTES + ciphertext.length).put(nonce).put(ciphertext).array();
    }

    /**
     * Decrypts a value made by {@link #encrypt} with the same additional authenticated data.
     *
     * @throws GeneralSecurityException when the value was changed, made under another key or for another row
     */
    public String decrypt(String associatedData, byte[] stored) throws GeneralSecurityException {
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(Cipher.DECRYPT_MODE, derivedKey, new GCMParameterSpec(TAG_BITS, stored, 0, NONCE_BYTES));
        cipher.updateAAD(associatedData.getBytes(StandardCharsets.UTF_8));
        byte[] plaintext = cipher.doFinal(stored, NONCE_BYTES, stored.length - NONCE_BYTES);
        return new String(plaintext, StandardCharsets.UTF_8);
    }
}
