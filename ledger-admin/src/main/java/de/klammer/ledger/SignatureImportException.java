package de.klammer.ledger;

import java.util.List;

/**
 * Thrown when a signed config update envelope from outside Klammer cannot be counted: it carries other update bytes,
 * no signatures, or a signature that does not verify as an admin of an organisation on the channel.
 */
public class SignatureImportException extends RuntimeException {

    private final List<String> reasons;

    public SignatureImportException(List<String> reasons) {
        super("The signed update was rejected: " + String.join("; ", reasons));
        this.reasons = List.copyOf(reasons);
    }

    /** Returns one plain line per problem, each naming the signature and what to do. */
    public List<String> reasons() {
        return reasons;
    }
}
