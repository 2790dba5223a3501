package de.klammer.identity;

import java.util.Arrays;
import java.util.Objects;

/**
 * A {@link PersonRecord} encrypted by the {@link IdentityVault}, in the form storage keeps it.
 *
 * @param pseudonym the pseudonym the record belongs to; the ciphertext is bound to it
 * @param masterKeyId ID of the master key that wrapped the data key
 * @param wrappedDataKey 12-byte nonce followed by the AES-GCM encryption of the 256-bit data key under the master
 *     key; empty once the record is erased
 * @param nonce the 12-byte AES-GCM nonce of the record encryption
 * @param ciphertext the record encrypted with the data key, followed by the 16-byte GCM tag
 */
public record SealedPersonRecord(
        String pseudonym, String masterKeyId, byte[] wrappedDataKey, byte[] nonce, byte[] ciphertext) {

    public SealedPersonRecord {
        Objects.requireNonNull(pseudonym, "pseudonym must not be null");
        Objects.requireNonNull(masterKeyId, "masterKeyId must not be null");
        wrappedDataKey = wrappedDataKey.clone();
        nonce = nonce.clone();
        ciphertext = ciphertext.clone();
    }

    @Override
    public byte[] wrappedDataKey() {
        return wrappedDataKey.clone();
    }

    @Override
    public byte[] nonce() {
        return nonce.clone();
    }

    @Override
    public byte[] ciphertext() {
        return ciphertext.clone();
    }

    /** Tells whether the data key was destroyed, which leaves the ciphertext unreadable. */
    public boolean isErased() {
        return wrappedDataKey.length == 0;
    }

    /**
     * Returns the record without its wrapped data key. Storing this copy in place of the original, and keeping no
     * other copy of the wrapped key, erases the person's data, because the ciphertext can no longer be decrypted.
     */
    public SealedPersonRecord erased() {
        return new SealedPersonRecord(pseudonym, masterKeyId, new byte[0], nonce, ciphertext);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof SealedPersonRecord that
                && pseudonym.equals(that.pseudonym)
                && masterKeyId.equals(that.masterKeyId)
                && Arrays.equals(wrappedDataKey, that.wrappedDataKey)
                && Arrays.equals(nonce, that.nonce)
                && Arrays.equals(ciphertext, that.ciphertext);
    }

    @Override
    public int hashCode() {
        return Objects.hash(
                pseudonym,
                masterKeyId,
                Arrays.hashCode(wrappedDataKey),
                Arrays.hashCode(nonce),
                Arrays.hashCode(ciphertext));
    }

    @Override
    public String toString() {
        return "SealedPersonRecord[pseudonym=" + pseudonym + ", masterKeyId=" + masterKeyId + ", erased=" + isErased()
                + ", ciphertext=" + ciphertext.length + " bytes]";
    }
}
