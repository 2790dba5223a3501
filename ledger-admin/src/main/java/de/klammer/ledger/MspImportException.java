package de.klammer.ledger;

/** Thrown when an MSP definition cannot be read at all, naming the file or entry and the fix. */
public class MspImportException extends RuntimeException {

    public MspImportException(String message) {
        super(message);
    }

    public MspImportException(String message, Throwable cause) {
        super(message, cause);
    }
}
