package de.klammer.ledger;

/** Thrown when a block or config cannot be decoded; the message names the channel, block and element. */
public class ChannelConfigDecodingException extends RuntimeException {

    public ChannelConfigDecodingException(String message, Throwable cause) {
        super(message, cause);
    }
}
