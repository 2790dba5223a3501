package de.klammer.portal.ledger;

/** Thrown when a requested change cannot become a config update; the message explains why. */
public class ChangeRejectedException extends RuntimeException {

    public ChangeRejectedException(String message) {
        super(message);
    }

    public ChangeRejectedException(String message, Throwable cause) {
        super(message, cause);
    }
}
