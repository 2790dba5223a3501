package de.klammer.portal.notification.internal;

import de.klammer.identity.MasterKey;
import de.klammer.portal.identity.IdentityProperties;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.UUID;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * Encrypts notification addresses with AES-256-GCM. The key is derived from the identity vault's master key with
 * HMAC-SHA256 over a fixed label, so the two uses never share a key. The board member's id is the additional
 * authenticated data, so a ciphertext copied to another member's row does not decrypt. Stored form: 12-byte nonce
 * followed by ciphertext and 16-byte tag.
 */
@Component
public class AddressCipher {

    private static final String KEY_LABEL = "klammer notification address v1";
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final @Nullable MasterKey masterKey;

    AddressCipher(IdentityProperties properties) {
        String base64 = properties.masterKey();
        this.masterKey = base64 == null || base64.isBlank()
                ? null
                : MasterKey.fromBase64(properties.masterKeyId(), base64);
    }

    /** Returns whether a master key is configured, without which no address can be stored. */
    public boolean available() {
        return masterKey != null;
    }

    /** Returns the id of the master key that {@link #encrypt} uses. */
    public String keyId() {
        return requireKey().id();
    }

    /** Encrypts the address for the board member. */
    public byte[] encrypt(UUID boardMemberId, String address) {
        byte[] nonce = new byte[NONCE_BYTES];
        RANDOM.nextBytes(nonce);
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, derivedKey(), new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(associatedData(boardMemberId));
            byte[] ciphertext = cipher.doFinal(address.getBytes(StandardCharsets.UTF_8));
            return ByteBuffer.allocate(NONCE_BYTES + ciphertext.length).put(nonce).put(ciphertext).array();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Encrypting a notification address failed", e);
        }
    }

    /**
     * Decrypts an address stored for the board member.
     *
     * @throws IllegalStateException when the stored value was made with another key, changed, or belongs to another
     *     member
     */
    public String decrypt(UUID boardMemberId, String keyId, byte[] stored) {
        if (!requireKey().id().equals(keyId)) {
            throw new IllegalStateException("The notification address of board member " + boardMemberId
                    + " is encrypted under master key " + keyId + ", but the configured key is " + requireKey().id()
                    + "; the member must enter the address again");
        }
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, derivedKey(), new GCMParameterSpec(TAG_BITS, stored, 0, NONCE_BYTES));
            cipher.updateAAD(associatedData(boardMemberId));
            byte[] plaintext = cipher.doFinal(stored, NONCE_BYTES, stored.length - NONCE_BYTES);
            return new String(plaintext, StandardCharsets.UTF_8);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(
                    "Decrypting the notification address of board member " + boardMemberId + " failed", e);
        }
    }

    private SecretKey derivedKey() throws GeneralSecurityException {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(requireKey().key());
        return new SecretKeySpec(mac.doFinal(KEY_LABEL.getBytes(StandardCharsets.UTF_8)), "AES");
    }

    private MasterKey requireKey() {
        if (masterKey == null) {
            throw new IllegalStateException(
                    "No master key is configured; set klammer.identity.master-key to store notification addresses");
        }
        return masterKey;
    }

    private static byte[] associatedData(UUID boardMemberId) {
        return boardMemberId.toString().getBytes(StandardCharsets.UTF_8);
    }
}
