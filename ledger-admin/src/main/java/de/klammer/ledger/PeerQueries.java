package de.klammer.ledger;

import de.klammer.ledger.internal.PeerClient;

/**
 * Read requests to one peer, each signed by the caller's identity, so that the peer's ACL decision for that identity
 * becomes visible: {@code qscc/GetChainInfo} for the chain info and {@code event/Block} for block delivery.
 */
public final class PeerQueries implements AutoCloseable {

    private final PeerClient client;

    public PeerQueries(PeerEndpoint endpoint) {
        this.client = new PeerClient(endpoint);
    }

    /**
     * Returns the peer's chain info of a channel.
     *
     * @throws PeerRequestRejectedException when the peer rejects the caller
     * @throws PeerUnavailableException when the peer cannot be reached
     */
    public ChainInfo chainInfo(String channelId, SigningIdentity caller) {
        return client.chainInfo(channelId, caller);
    }

    /**
     * Returns the number of the newest block that the peer delivers for a channel.
     *
     * @throws PeerRequestRejectedException when the peer rejects the caller, with status {@code FORBIDDEN}
     * @throws PeerUnavailableException when the peer cannot be reached
     */
    public long newestBlockNumber(String channelId, SigningIdentity caller) {
        return client.newestBlock(channelId, caller).getHeader().getNumber();
    }

    @Override
    public void close() {
        client.close();
    }
}
