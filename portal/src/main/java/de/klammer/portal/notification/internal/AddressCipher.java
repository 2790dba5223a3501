package de.klammer.portal.notification.internal;

import de.klammer.identity.MasterKey;
import de.klammer.portal.identity.IdentityProperties;
import de.klammer.portal.shell.MasterKeyCipher;
import java.security.GeneralSecurityException;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * Encrypts notification addresses with AES-256-GCM under a key of their own derived from the identity vault's master
 * key. The board member's id is the additional authenticated data, so a ciphertext copied to another member's row does
 * not decrypt.
 */
@Component
public class AddressCipher {

    private static final String KEY_LABEL = "klammer notification address v1";

    private final @Nullable MasterKeyCipher cipher;

    AddressCipher(IdentityProperties properties) {
        String base64 = properties.masterKey();
        this.cipher = base64 == null || base64.isBlank()
                ? null
                : new MasterKeyCipher(MasterKey.fromBase64(properties.masterKeyId(), base64), KEY_LABEL);
    }

    /** Returns whether a master key is configured, without which no address can be stored. */
    public boolean available() {
        return cipher != null;
    }

    /** Returns the id of the master key that {@link #encrypt} uses. */
    public String keyId() {
        return requireCipher().keyId();
    }

    /** Encrypts the address for the board member. */
    public byte[] encrypt(UUID boardMemberId, String address) {
        try {
            return requireCipher().encrypt(boardMemberId.toString(), address);
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
        if (!requireCipher().keyId().equals(keyId)) {
            throw new IllegalStateException("The notification address of board member " + boardMemberId
                    + " is encrypted under master key " + keyId + ", but the configured key is "
                    + requireCipher().keyId() + "; the member must enter the address again");
        }
        try {
            return requireCipher().decrypt(boardMemberId.toString(), stored);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(
                    "Decrypting the notification address of board member " + boardMemberId + " failed", e);
        }
    }

    private MasterKeyCipher requireCipher() {
        if (cipher == null) {
            throw new IllegalStateException(
                    "No master key is configured; set klammer.identity.master-key to store notification addresses");
        }
        return cipher;
    }
}
