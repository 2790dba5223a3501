package de.klammer.portal.identity;

import java.util.UUID;

/** No ledger identity with the id exists in the user's authority, or the user may not see it. */
public class LedgerIdentityNotFoundException extends RuntimeException {

    private final UUID id;

    public LedgerIdentityNotFoundException(UUID id) {
        super("No ledger identity " + id + " in your authority");
        this.id = id;
    }

    /** Returns the requested id. */
    public UUID id() {
        return id;
    }
}
