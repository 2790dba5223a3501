package de.klammer.portal.ledger;

/** Thrown when the ordering service rejects a config update envelope. */
public class LedgerRejectedException extends RuntimeException {

    private final String status;
    private final String ordererMessage;
    private final String explanation;

    /**
     * Creates the exception.
     *
     * @param status the orderer's status, for example {@code BAD_REQUEST}
     * @param ordererMessage the orderer's info message, verbatim
     * @param explanation what the rejection means for the proposal, in plain words
     */
    public LedgerRejectedException(String status, String ordererMessage, String explanation) {
        super("Orderer rejected the config update with status " + status + ": " + ordererMessage);
        this.status = status;
        this.ordererMessage = ordererMessage;
        this.explanation = explanation;
    }

    /** Returns the orderer's status, for example {@code BAD_REQUEST}. */
    public String status() {
        return status;
    }

    /** Returns the orderer's info message, verbatim. */
    public String ordererMessage() {
        return ordererMessage;
    }

    /** Returns what the rejection means for the proposal, in plain words. */
    public String explanation() {
        return explanation;
    }
}
