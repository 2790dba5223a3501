package de.klammer.identity;

import java.time.LocalDate;

/** An extension of a GDPR Art. 12(3) deadline is not allowed as requested; the deadline is unchanged. */
public class DeadlineExtensionRejectedException extends RuntimeException {

    private final LocalDate receivedOn;

    public DeadlineExtensionRejectedException(LocalDate receivedOn, String message) {
        super(message);
        this.receivedOn = receivedOn;
    }

    /** Returns the receipt date of the request whose deadline was to be extended. */
    public LocalDate receivedOn() {
        return receivedOn;
    }
}
