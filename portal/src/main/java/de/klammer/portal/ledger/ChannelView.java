package de.klammer.portal.ledger;

import java.util.List;

/**
 * Live configuration of one channel as the portal shows it.
 *
 * @param channel channel name
 * @param sequence config sequence of the channel
 * @param configBlockNumber number of the block that carries the current config
 * @param organizations member organisations with their MSP facts
 * @param policies every policy of the channel config, addressed by path
 */
public record ChannelView(
        String channel,
        long sequence,
        long configBlockNumber,
        List<OrganizationView> organizations,
        List<PolicyView> policies) {

    public ChannelView {
        organizations = List.copyOf(organizations);
        policies = List.copyOf(policies);
    }
}
