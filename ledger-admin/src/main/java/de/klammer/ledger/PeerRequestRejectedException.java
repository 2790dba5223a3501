package de.klammer.ledger;

/**
 * Thrown when a peer rejects a request, for example because the caller does not satisfy the policy that the
 * resource's ACL points at.
 */
public class PeerRequestRejectedException extends RuntimeException {

    private final String resource;
    private final String status;
    private final String peerMessage;

    public PeerRequestRejectedException(String resource, String status, String peerMessage, String message) {
        super(message);
        this.resource = resource;
        this.status = status;
        this.peerMessage = peerMessage;
    }

    /** Returns the ACL resource of the request, for example {@code qscc/GetChainInfo}. */
    public String resource() {
        return resource;
    }

    /**
     * Returns the peer's status: an HTTP-like code such as {@code 500} for a proposal response, or a
     * {@code common.Status} name such as {@code FORBIDDEN} for Deliver.
     */
    public String status() {
        return status;
    }

    /** Returns the peer's own message, empty when it sent none. */
    public String peerMessage() {
        return peerMessage;
    }
}
