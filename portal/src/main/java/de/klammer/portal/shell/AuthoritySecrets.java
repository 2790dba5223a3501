package de.klammer.portal.shell;

import de.klammer.identity.MasterKey;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Arrays;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Seals the secrets of an authority onboarded in the portal, such as its CA registrar secret and its OIDC client
 * secret, for the {@code authority} table. The authority code and the purpose are the additional authenticated data,
 * so a sealed value copied to another authority or column does not open. Stored form: one byte with the length of the
 * master key id, the id in UTF-8, then the {@link MasterKeyCipher} output.
 */
@Component
public class AuthoritySecrets {

    private static final String KEY_LABEL = "klammer authority secret v1";

    private final @Nullable MasterKeyCipher cipher;

    AuthoritySecrets(
            @Value("${klammer.identity.master-key:}") String masterKey,
            @Value("${klammer.identity.master-key-id:master-1}") String masterKeyId) {
        this.cipher = masterKey.isBlank()
                ? null
                : new MasterKeyCipher(MasterKey.fromBase64(masterKeyId, masterKey), KEY_LABEL);
    }

    /**
     * Seals a secret of the authority.
     *
     * @param purpose the column it is stored in, for example {@code ca_registrar_secret}
     */
    public byte[] seal(String authorityCode, String purpose, String secret) {
        MasterKeyCipher current = requireCipher();
        byte[] keyId = current.keyId().getBytes(StandardCharsets.UTF_8);
        try {
            byte[] sealed = current.encrypt(authorityCode + "/" + purpose, secret);
            return ByteBuffer.allocate(1 + keyId.length + sealed.length)
                    .put((byte) keyId.length)
                    .put(keyId)
                    .put(sealed)
                    .array();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Sealing the " + purpose + " of authority " + authorityCode + " failed", e);
        }
    }

    /**
     * Opens a secret sealed by {@link #seal} for the same authority and purpose.
     *
     * @throws IllegalStateException when it was sealed under another master key, for another authority or purpose, or
     *     was changed; the administrator must enter the secret again
     */
    public String open(String authorityCode, String purpose, byte[] stored) {
        MasterKeyCipher current = requireCipher();
        int keyIdLength = stored.length == 0 ? 0 : stored[0] & 0xff;
        if (stored.length < 1 + keyIdLength) {
            throw new IllegalStateException("The stored " + purpose + " of authority " + authorityCode
                    + " is truncated; enter the secret again");
        }
        String keyId = new String(stored, 1, keyIdLength, StandardCharsets.UTF_8);
        if (!keyId.equals(current.keyId())) {
            throw new IllegalStateException("The " + purpose + " of authority " + authorityCode
                    + " is sealed under master key " + keyId + ", but the configured key is " + current.keyId()
                    + "; enter the secret again");
        }
        try {
            return current.decrypt(authorityCode + "/" + purpose, Arrays.copyOfRange(stored, 1 + keyIdLength,
                    stored.length));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Opening the " + purpose + " of authority " + authorityCode
                    + " failed; enter the secret again", e);
        }
    }

    private MasterKeyCipher requireCipher() {
        if (cipher == null) {
            throw new IllegalStateException(
                    "No master key is configured; set klammer.identity.master-key to store authority secrets");
        }
        return cipher;
    }
}
