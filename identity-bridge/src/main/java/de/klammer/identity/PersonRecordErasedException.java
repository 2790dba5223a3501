package de.klammer.identity;

/** The person record was erased: its data key is destroyed, so the ciphertext can no longer be decrypted. */
public class PersonRecordErasedException extends PersonRecordUnreadableException {

    public PersonRecordErasedException(String pseudonym) {
        super(
                pseudonym,
                "The person record of " + pseudonym + " was erased (its data key is destroyed), so it"
                        + " cannot be read. Keep only the pseudonymous record that the erasure happened.",
                null);
    }
}
