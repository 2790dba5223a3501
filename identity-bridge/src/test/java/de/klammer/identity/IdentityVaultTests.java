package de.klammer.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;

class IdentityVaultTests {

    private static final String PSEUDONYM = "kid-abcdefghijklmnopqrst";
    private static final PersonRecord PERSON = new PersonRecord(
            "Jürgen", "Groß-Müller", "j.gross-mueller@bamf.example", "https://idp.bamf.example", "248289761001");

    private final MasterKey masterKey = randomKey("2026-01");
    private final IdentityVault vault = new IdentityVault(masterKey);

    @Test
    void unsealsWhatItSealed() {
        SealedPersonRecord sealed = vault.seal(PSEUDONYM, PERSON);

        PersonRecord unsealed = vault.unseal(sealed);

        assertThat(unsealed).isEqualTo(PERSON);
        assertThat(sealed.masterKeyId()).isEqualTo("2026-01");
        assertThat(sealed.pseudonym()).isEqualTo(PSEUDONYM);
        assertThat(sealed.nonce()).hasSize(12);
        assertThat(sealed.wrappedDataKey()).hasSize(12 + 32 + 16);
    }

    @Test
    void keepsMissingValuesMissing() {
        var person = new PersonRecord(null, "Ng", null, "https://idp.lds.example", "f81d4fae-7dec-11d0-a765");

        assertThat(vault.unseal(vault.seal(PSEUDONYM, person))).isEqualTo(person);
    }

    @Test
    void storesNoPlaintext() {
        SealedPersonRecord sealed = vault.seal(PSEUDONYM, PERSON);

        assertThat(new String(sealed.ciphertext(), java.nio.charset.StandardCharsets.ISO_8859_1))
                .doesNotContain("248289761001")
                .doesNotContain("bamf.example");
        assertThat(sealed.toString()).doesNotContain("Müller");
    }

    @Test
    void usesFreshDataKeyPerRecord() {
        SealedPersonRecord first = vault.seal(PSEUDONYM, PERSON);
        SealedPersonRecord second = vault.seal(PSEUDONYM, PERSON);

        assertThat(first.ciphertext()).isNotEqualTo(second.ciphertext());
        assertThat(first.wrappedDataKey()).isNotEqualTo(second.wrappedDataKey());
    }

    @Test
    void rejectsWrongMasterKey() {
        SealedPersonRecord sealed = vault.seal(PSEUDONYM, PERSON);
        var otherVault = new IdentityVault(randomKey("2026-01"));

        assertThatExceptionOfType(PersonRecordUnreadableException.class)
                .isThrownBy(() -> otherVault.unseal(sealed))
                .withMessageContaining(PSEUDONYM)
                .withMessageContaining("2026-01");
    }

    @Test
    void rejectsUnknownMasterKeyId() {
        SealedPersonRecord sealed = vault.seal(PSEUDONYM, PERSON);
        var otherVault = new IdentityVault(randomKey("2027-01"));

        assertThatExceptionOfType(PersonRecordUnreadableException.class)
                .isThrownBy(() -> otherVault.unseal(sealed))
                .withMessageContaining("master key 2026-01, which is not configured");
    }

    @Test
    void rejectsTamperedCiphertext() {
        SealedPersonRecord sealed = vault.seal(PSEUDONYM, PERSON);
        byte[] ciphertext = sealed.ciphertext();
        ciphertext[5] ^= 0x01;
        var tampered = new SealedPersonRecord(
                PSEUDONYM, sealed.masterKeyId(), sealed.wrappedDataKey(), sealed.nonce(), ciphertext);

        assertThatExceptionOfType(PersonRecordUnreadableException.class)
                .isThrownBy(() -> vault.unseal(tampered))
                .withMessageContaining("failed authentication");
    }

    @Test
    void rejectsTamperedWrappedKey() {
        SealedPersonRecord sealed = vault.seal(PSEUDONYM, PERSON);
        byte[] wrapped = sealed.wrappedDataKey();
        wrapped[wrapped.length - 1] ^= 0x01;
        var tampered =
                new SealedPersonRecord(PSEUDONYM, sealed.masterKeyId(), wrapped, sealed.nonce(), sealed.ciphertext());

        assertThatExceptionOfType(PersonRecordUnreadableException.class).isThrownBy(() -> vault.unseal(tampered));
    }

    @Test
    void rejectsRecordMovedToOtherPseudonym() {
        SealedPersonRecord sealed = vault.seal(PSEUDONYM, PERSON);
        var moved = new SealedPersonRecord(
                "kid-zzzzzzzzzzzzzzzzzzzz",
                sealed.masterKeyId(),
                sealed.wrappedDataKey(),
                sealed.nonce(),
                sealed.ciphertext());

        assertThatExceptionOfType(PersonRecordUnreadableException.class)
                .isThrownBy(() -> vault.unseal(moved))
                .withMessageContaining("kid-zzzzzzzzzzzzzzzzzzzz");
    }

    @Test
    void makesErasedRecordUnreadable() {
        SealedPersonRecord sealed = vault.seal(PSEUDONYM, PERSON);

        SealedPersonRecord erased = sealed.erased();

        assertThat(erased.isErased()).isTrue();
        assertThat(erased.wrappedDataKey()).isEmpty();
        assertThat(erased.ciphertext()).isEqualTo(sealed.ciphertext());
        assertThatExceptionOfType(PersonRecordErasedException.class)
                .isThrownBy(() -> vault.unseal(erased))
                .withMessageContaining(PSEUDONYM)
                .withMessageContaining("erased");
        assertThatExceptionOfType(PersonRecordErasedException.class).isThrownBy(() -> vault.rewrap(erased));
    }

    @Test
    void rewrapsUnderNewMasterKey() {
        SealedPersonRecord sealed = vault.seal(PSEUDONYM, PERSON);
        MasterKey newKey = randomKey("2027-01");
        var rotatingVault = new IdentityVault(newKey, List.of(masterKey));

        SealedPersonRecord rewrapped = rotatingVault.rewrap(sealed);

        assertThat(rewrapped.masterKeyId()).isEqualTo("2027-01");
        assertThat(rewrapped.ciphertext()).isEqualTo(sealed.ciphertext());
        assertThat(new IdentityVault(newKey).unseal(rewrapped)).isEqualTo(PERSON);
        assertThat(rotatingVault.unseal(sealed)).as("old records stay readable").isEqualTo(PERSON);
    }

    @Test
    void rejectsDuplicateMasterKeyIds() {
        assertThatExceptionOfType(IllegalArgumentException.class)
                .isThrownBy(() -> new IdentityVault(masterKey, List.of(randomKey("2026-01"))))
                .withMessageContaining("2026-01");
    }

    @Test
    void readsMasterKeyFromBase64() {
        byte[] bytes = new byte[32];
        new SecureRandom().nextBytes(bytes);

        MasterKey key = MasterKey.fromBase64("2026-01", Base64.getEncoder().encodeToString(bytes));

        assertThat(key.key().getEncoded()).isEqualTo(bytes);
        assertThat(key.toString()).isEqualTo("MasterKey[id=2026-01]");
    }

    @Test
    void rejectsShortMasterKey() {
        String aes128 = Base64.getEncoder().encodeToString(new byte[16]);

        assertThatExceptionOfType(IllegalArgumentException.class)
                .isThrownBy(() -> MasterKey.fromBase64("2026-01", aes128))
                .withMessageContaining("16 bytes")
                .withMessageContaining("openssl rand -base64 32");
    }

    private static MasterKey randomKey(String id) {
        byte[] bytes = new byte[32];
        new SecureRandom().nextBytes(bytes);
        return MasterKey.fromBase64(id, Base64.getEncoder().encodeToString(bytes));
    }
}
