package de.klammer.portal.ledger;

import java.util.List;

/**
 * Thrown when a signed config update from outside the portal cannot count: it carries another update, no signature,
 * or a signature that does not verify as an admin of the expected organisation on the live channel.
 */
public class SignatureRejectedException extends RuntimeException {

    private final List<String> reasons;

    public SignatureRejectedException(List<String> reasons) {
        super("The signed update was rejected: " + String.join("; ", reasons));
        this.reasons = List.copyOf(reasons);
    }

    public SignatureRejectedException(List<String> reasons, Throwable cause) {
        super("The signed update was rejected: " + String.join("; ", reasons), cause);
        this.reasons = List.copyOf(reasons);
    }

    /** Returns one plain line per problem, each naming the signature and what to do. */
    public List<String> reasons() {
        return reasons;
    }
}
