package de.klammer.ledger;

/** Thrown when the orderer answers a block request with an error status, for example FORBIDDEN for a revoked reader. */
public class DeliverRefusedException extends RuntimeException {

    private final String channelId;
    private final String status;

    public DeliverRefusedException(String channelId, String status, String message) {
        super(message);
        this.channelId = channelId;
        this.status = status;
    }

    public String channelId() {
        return channelId;
    }

    /** Returns the Deliver status, for example {@code FORBIDDEN} or {@code NOT_FOUND}. */
    public String status() {
        return status;
    }
}
