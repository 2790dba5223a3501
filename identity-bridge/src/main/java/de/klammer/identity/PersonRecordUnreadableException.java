package de.klammer.identity;

import org.jspecify.annotations.Nullable;

/** A sealed person record could not be decrypted. */
public class PersonRecordUnreadableException extends RuntimeException {

    private final String pseudonym;

    public PersonRecordUnreadableException(String pseudonym, String message, @Nullable Throwable cause) {
        super(message, cause);
        this.pseudonym = pseudonym;
    }

    public String pseudonym() {
        return pseudonym;
    }
}
