package de.klammer.ledger;

import org.jspecify.annotations.Nullable;

/**
 * NodeOU classification rules of an MSP: which certificate OU makes an identity a client, peer, admin or orderer.
 * An OU that is not configured is {@code null}.
 */
public record NodeOus(
        boolean enabled,
        @Nullable String clientOu,
        @Nullable String peerOu,
        @Nullable String adminOu,
        @Nullable String ordererOu) {

    /** Returns the rules of an MSP that has NodeOUs switched off. */
    public static NodeOus disabled() {
        return new NodeOus(false, null, null, null, null);
    }
}
