package de.klammer.ledger.internal;

import io.grpc.ConnectivityState;
import io.grpc.ManagedChannel;

/** Helpers for the long-lived gRPC channels to orderers and peers. */
final class GrpcChannels {

    private GrpcChannels() {}

    /**
     * Returns the channel ready for a new call. After failed connection attempts, gRPC waits up to two minutes
     * before it tries again and fails every call at once meanwhile. The first calls after an outage would fail
     * although the orderer or peer is back. Callers here pace their own attempts, so each call may try to connect.
     */
    static ManagedChannel readyForCall(ManagedChannel channel) {
        if (channel.getState(false) == ConnectivityState.TRANSIENT_FAILURE) {
            channel.resetConnectBackoff();
        }
        return channel;
    }
}
