package de.klammer.ledger;

/** Thrown when a change is refused before anything is computed or sent, with the reason and the fix. */
public class ConfigChangeRejectedException extends RuntimeException {

    public ConfigChangeRejectedException(String message) {
        super(message);
    }
}
