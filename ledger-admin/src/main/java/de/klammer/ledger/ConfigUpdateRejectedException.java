package de.klammer.ledger;

/** Thrown when the orderer rejects a config update; carries the orderer's status and message. */
public class ConfigUpdateRejectedException extends RuntimeException {

    private final String channelId;
    private final String status;
    private final String ordererMessage;
    private final String explanation;

    public ConfigUpdateRejectedException(String channelId, String status, String ordererMessage, String explanation) {
        super("Orderer rejected the config update for channel '" + channelId + "' with " + status + ": "
                + ordererMessage + " (" + explanation + ")");
        this.channelId = channelId;
        this.status = status;
        this.ordererMessage = ordererMessage;
        this.explanation = explanation;
    }

    public String channelId() {
        return channelId;
    }

    /** Returns the Broadcast status, for example {@code BAD_REQUEST}. */
    public String status() {
        return status;
    }

    /** Returns the orderer's own message. */
    public String ordererMessage() {
        return ordererMessage;
    }

    /** Returns a plain explanation of what the message means and what to do. */
    public String explanation() {
        return explanation;
    }
}
