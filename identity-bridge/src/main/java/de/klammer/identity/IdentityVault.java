package de.klammer.identity;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Encrypts person records so that erasing one is a matter of destroying a key (crypto-shredding). Each record gets
 * a fresh 256-bit data key and is encrypted with AES-256-GCM; the data key is wrapped with AES-256-GCM under a
 * {@link MasterKey}. Both encryptions authenticate the pseudonym as associated data, so a record or wrapped key
 * copied to another pseudonym does not decrypt. Storage is the caller's: erasing means storing
 * {@link SealedPersonRecord#erased()} and keeping no other copy of the wrapped key.
 *
 * <p>Nonces are 96-bit random values. A data key encrypts one record. NIST SP 800-38D, section 8.3, allows 2^32
 * random-nonce encryptions per key, so one master key should wrap fewer data keys than that. Rotate it well before.
 */
public final class IdentityVault {

    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final int DATA_KEY_BYTES = 32;
    private static final String RECORD_CONTEXT = "klammer.person-record.v1|";
    private static final String KEY_CONTEXT = "klammer.data-key.v1|";
    private static final int FORMAT_VERSION = 1;

    private final MasterKey currentKey;
    private final Map<String, MasterKey> keysById = new LinkedHashMap<>();
    private final SecureRandom random = new SecureRandom();
    private final JsonMapper json = JsonMapper.builder().build();

    /**
     * @param currentKey seals new records and re-wraps old ones
     * @param previousKeys earlier master keys, still needed to unseal records they wrapped
     */
    public IdentityVault(MasterKey currentKey, List<MasterKey> previousKeys) {
        this.currentKey = Objects.requireNonNull(currentKey, "currentKey must not be null");
        keysById.put(currentKey.id(), currentKey);
        for (MasterKey key : previousKeys) {
            if (keysById.putIfAbsent(key.id(), key) != null) {
                throw new IllegalArgumentException(
                        "Master key id " + key.id() + " is configured twice. Give each" + " master key its own id.");
            }
        }
    }

    public IdentityVault(MasterKey currentKey) {
        this(currentKey, List.of());
    }

    /** Encrypts a person record for a pseudonym under a new data key. */
    public SealedPersonRecord seal(String pseudonym, PersonRecord person) {
        requirePseudonym(pseudonym);
        byte[] dataKey = randomBytes(DATA_KEY_BYTES);
        try {
            byte[] nonce = randomBytes(NONCE_BYTES);
            byte[] ciphertext =
                    encrypt(new SecretKeySpec(dataKey, "AES"), nonce, serialize(person), recordContext(pseudonym));
            return new SealedPersonRecord(
                    pseudonym, currentKey.id(), wrap(dataKey, currentKey, pseudonym), nonce, ciphertext);
        } finally {
            Arrays.fill(dataKey, (byte) 0);
        }
    }

    /**
     * Decrypts a sealed record.
     *
     * @throws PersonRecordErasedException when the data key was destroyed
     * @throws PersonRecordUnreadableException when the master key is not configured or is the wrong one, or when
     *     the record was altered or belongs to another pseudonym
     */
    public PersonRecord unseal(SealedPersonRecord sealed) {
        byte[] dataKey = unwrap(sealed);
        try {
            byte[] plaintext = decrypt(
                    new SecretKeySpec(dataKey, "AES"),
                    sealed.nonce(),
                    sealed.ciphertext(),
                    recordContext(sealed.pseudonym()),
                    sealed);
            return deserialize(plaintext, sealed.pseudonym());
        } finally {
            Arrays.fill(dataKey, (byte) 0);
        }
    }

    /**
     * Wraps a record's data key with the current master key, leaving the ciphertext as it is; used to retire an old
     * master key.
     */
    public SealedPersonRecord rewrap(SealedPersonRecord sealed) {
        if (sealed.isErased()) {
            throw new PersonRecordErasedException(sealed.pseudonym());
        }
        if (sealed.masterKeyId().equals(currentKey.id())) {
            return sealed;
        }
        byte[] dataKey = unwrap(sealed);
        try {
            return new SealedPersonRecord(
                    sealed.pseudonym(),
                    currentKey.id(),
                    wrap(dataKey, currentKey, sealed.pseudonym()),
                    sealed.nonce(),
                    sealed.ciphertext());
        } finally {
            Arrays.fill(dataKey, (byte) 0);
        }
    }

    private byte[] wrap(byte[] dataKey, MasterKey masterKey, String pseudonym) {
        byte[] nonce = randomBytes(NONCE_BYTES);
        byte[] wrapped = encrypt(masterKey.key(), nonce, dataKey, keyContext(masterKey.id(), pseudonym));
        return ByteBuffer.allocate(NONCE_BYTES + wrapped.length)
                .put(nonce)
                .put(wrapped)
                .array();
    }

    private byte[] unwrap(SealedPersonRecord sealed) {
        if (sealed.isErased()) {
            throw new PersonRecordErasedException(sealed.pseudonym());
        }
        MasterKey masterKey = keysById.get(sealed.masterKeyId());
        if (masterKey == null) {
            throw new PersonRecordUnreadableException(
                    sealed.pseudonym(),
                    "The person record of "
                            + sealed.pseudonym() + " was sealed with master key " + sealed.masterKeyId()
                            + ", which is not"
                            + " configured (configured: " + keysById.keySet() + "). Add that key to the previous keys.",
                    null);
        }
        byte[] wrapped = sealed.wrappedDataKey();
        if (wrapped.length <= NONCE_BYTES) {
            throw new PersonRecordUnreadableException(
                    sealed.pseudonym(),
                    "The wrapped data key of " + sealed.pseudonym() + " is truncated (" + wrapped.length + " bytes).",
                    null);
        }
        byte[] nonce = Arrays.copyOfRange(wrapped, 0, NONCE_BYTES);
        byte[] encryptedKey = Arrays.copyOfRange(wrapped, NONCE_BYTES, wrapped.length);
        return decrypt(masterKey.key(), nonce, encryptedKey, keyContext(masterKey.id(), sealed.pseudonym()), sealed);
    }

    private static byte[] encrypt(SecretKey key, byte[] nonce, byte[] plaintext, byte[] associatedData) {
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(associatedData);
            return cipher.doFinal(plaintext);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-256-GCM encryption is not available in this JDK", e);
        }
    }

    private static byte[] decrypt(
            SecretKey key, byte[] nonce, byte[] ciphertext, byte[] associatedData, SealedPersonRecord sealed) {
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(associatedData);
            return cipher.doFinal(ciphertext);
        } catch (AEADBadTagException e) {
            throw new PersonRecordUnreadableException(
                    sealed.pseudonym(),
                    "The person record of "
                            + sealed.pseudonym() + " failed authentication under master key " + sealed.masterKeyId()
                            + ": the configured key with that id is a different key, or the record was altered or"
                            + " copied from another pseudonym. Check the master key configuration.",
                    e);
        } catch (GeneralSecurityException e) {
            throw new PersonRecordUnreadableException(
                    sealed.pseudonym(),
                    "The person record of " + sealed.pseudonym() + " cannot be decrypted: " + e.getMessage(),
                    e);
        }
    }

    private byte[] serialize(PersonRecord person) {
        ObjectNode node = json.createObjectNode().put("version", FORMAT_VERSION);
        putNullable(node, "givenName", person.givenName());
        putNullable(node, "familyName", person.familyName());
        putNullable(node, "email", person.email());
        node.put("oidcIssuer", person.oidcIssuer()).put("oidcSubject", person.oidcSubject());
        return json.writeValueAsBytes(node);
    }

    private PersonRecord deserialize(byte[] plaintext, String pseudonym) {
        try {
            JsonNode node = json.readTree(plaintext);
            if (node.path("version").asInt(0) != FORMAT_VERSION) {
                throw new PersonRecordUnreadableException(
                        pseudonym,
                        "The person record of " + pseudonym
                                + " has format version " + node.path("version").asInt(0)
                                + ", but this vault reads version "
                                + FORMAT_VERSION + ".",
                        null);
            }
            return new PersonRecord(
                    nullable(node, "givenName"),
                    nullable(node, "familyName"),
                    nullable(node, "email"),
                    node.path("oidcIssuer").asString(""),
                    node.path("oidcSubject").asString(""));
        } catch (JacksonException e) {
            throw new PersonRecordUnreadableException(
                    pseudonym, "The decrypted person record of " + pseudonym + " is not valid JSON.", e);
        } finally {
            Arrays.fill(plaintext, (byte) 0);
        }
    }

    private static void putNullable(ObjectNode node, String name, @Nullable String value) {
        if (value != null) {
            node.put(name, value);
        }
    }

    private static @Nullable String nullable(JsonNode node, String name) {
        JsonNode value = node.get(name);
        return value == null || value.isNull() ? null : value.asString();
    }

    private byte[] randomBytes(int length) {
        byte[] bytes = new byte[length];
        random.nextBytes(bytes);
        return bytes;
    }

    private static byte[] recordContext(String pseudonym) {
        return (RECORD_CONTEXT + pseudonym).getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] keyContext(String masterKeyId, String pseudonym) {
        return (KEY_CONTEXT + masterKeyId + "|" + pseudonym).getBytes(StandardCharsets.UTF_8);
    }

    private static void requirePseudonym(String pseudonym) {
        Objects.requireNonNull(pseudonym, "pseudonym must not be null");
        if (pseudonym.isBlank()) {
            throw new IllegalArgumentException("pseudonym must not be blank");
        }
    }
}
