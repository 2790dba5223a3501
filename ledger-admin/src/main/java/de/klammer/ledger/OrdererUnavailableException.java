package de.klammer.ledger;

/** Thrown when the orderer cannot be reached or is not ready; the caller may retry later. */
public class OrdererUnavailableException extends RuntimeException {

    public OrdererUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }

    public OrdererUnavailableException(String message) {
        super(message);
    }
}
