package de.klammer.ledger;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The decoded configuration of a channel at one config block.
 *
 * @param channelId channel name
 * @param sequence config sequence; zero in the genesis block, one more after each accepted update
 * @param blockNumber number of the config block this configuration was read from
 * @param organizations every group that carries an MSP definition, in tree order
 * @param policies every policy of the tree, in tree order
 * @param acls ACL resource names mapped to policy references (empty when the channel has no ACLs value)
 * @param capabilities capabilities per level
 * @param consensusType the orderer's consensus type, for example {@code etcdraft}
 * @param consenters etcdraft consenters
 */
public record ChannelConfig(
        String channelId,
        long sequence,
        long blockNumber,
        List<Organization> organizations,
        List<PolicyEntry> policies,
        Map<String, String> acls,
        Capabilities capabilities,
        String consensusType,
        List<Consenter> consenters) {

    /** Looks up a policy by its absolute path. */
    public Optional<PolicyEntry> policy(String path) {
        return policies.stream().filter(p -> p.path().equals(path)).findFirst();
    }

    /** Looks up an organisation by MSP ID. */
    public Optional<Organization> organization(String mspId) {
        return organizations.stream().filter(o -> o.mspId().equals(mspId)).findFirst();
    }

    /** Returns the organisations directly below {@code /Channel/Application}. */
    public List<Organization> applicationOrganizations() {
        return organizations.stream()
                .filter(o -> o.path().equals("/Channel/Application/" + o.name()))
                .toList();
    }
}
