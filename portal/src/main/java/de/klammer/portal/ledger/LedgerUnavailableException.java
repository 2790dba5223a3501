package de.klammer.portal.ledger;

/** Thrown when the ledger cannot be reached; the operation may succeed when retried later. */
public class LedgerUnavailableException extends RuntimeException {

    public LedgerUnavailableException(String message) {
        super(message);
    }

    public LedgerUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
