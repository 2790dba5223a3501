package de.klammer.ledger;

/** Thrown when a peer cannot be reached or does not respond in time. */
public class PeerUnavailableException extends RuntimeException {

    public PeerUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
