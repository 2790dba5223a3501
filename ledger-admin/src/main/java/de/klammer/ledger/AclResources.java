package de.klammer.ledger;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The peer resources that Fabric checks against ACLs, as listed in {@code core/aclmgmt/defaultaclprovider.go} of
 * Fabric commit 695dd57e01c2, which the local network runs. Channel resources follow the channel's ACLs value and
 * fall back to a default policy. Peer-local resources are always checked against the peer's local MSP, regardless of
 * the channel config.
 */
public final class AclResources {

    private static final String READERS = "/Channel/Application/Readers";
    private static final String WRITERS = "/Channel/Application/Writers";

    private static final Map<String, String> CHANNEL_DEFAULTS = buildChannelDefaults();

    private static final Set<String> PEER_LOCAL = Collections.unmodifiableSet(new TreeSet<>(List.of(
            "_lifecycle/InstallChaincode",
            "_lifecycle/QueryInstalledChaincode",
            "_lifecycle/GetInstalledChaincodePackage",
            "_lifecycle/QueryInstalledChaincodes",
            "_lifecycle/ApproveChaincodeDefinitionForMyOrg",
            "_lifecycle/QueryApprovedChaincodeDefinition",
            "snapshot/submitrequest",
            "snapshot/cancelrequest",
            "snapshot/listpending",
            "lscc/Install",
            "lscc/GetInstalledChaincodes",
            "cscc/JoinChain",
            "cscc/JoinChainBySnapshot",
            "cscc/JoinBySnapshotStatus",
            "cscc/GetChannels")));

    private AclResources() {}

    private static Map<String, String> buildChannelDefaults() {
        Map<String, String> defaults = new LinkedHashMap<>();
        defaults.put("_lifecycle/CommitChaincodeDefinition", WRITERS);
        defaults.put("_lifecycle/QueryChaincodeDefinition", WRITERS);
        defaults.put("_lifecycle/QueryChaincodeDefinitions", WRITERS);
        defaults.put("_lifecycle/CheckCommitReadiness", WRITERS);
        // Fabric leaves these two empty, because the proposal check of peer/Propose covers them.
        defaults.put("lscc/Deploy", "");
        defaults.put("lscc/Upgrade", "");
        defaults.put("lscc/ChaincodeExists", READERS);
        defaults.put("lscc/GetDeploymentSpec", READERS);
        defaults.put("lscc/GetChaincodeData", READERS);
        defaults.put("lscc/GetInstantiatedChaincodes", READERS);
        defaults.put("lscc/GetCollectionsConfig", READERS);
        defaults.put("qscc/GetChainInfo", READERS);
        defaults.put("qscc/GetBlockByNumber", READERS);
        defaults.put("qscc/GetBlockByHash", READERS);
        defaults.put("qscc/GetTransactionByID", READERS);
        defaults.put("qscc/GetBlockByTxID", READERS);
        defaults.put("cscc/GetConfigBlock", READERS);
        defaults.put("cscc/GetChannelConfig", READERS);
        defaults.put("peer/Propose", WRITERS);
        defaults.put("peer/ChaincodeToChaincode", WRITERS);
        defaults.put("event/Block", READERS);
        defaults.put("event/FilteredBlock", READERS);
        defaults.put("gateway/CommitStatus", READERS);
        defaults.put("gateway/ChaincodeEvents", READERS);
        return Collections.unmodifiableMap(defaults);
    }

    /** Returns the channel resources with the policy a peer uses when the channel config has no ACL for them. */
    public static Map<String, String> channelDefaults() {
        return CHANNEL_DEFAULTS;
    }

    /** Returns whether a channel ACL for this resource takes effect on the peers. */
    public static boolean isChannelResource(String resource) {
        return CHANNEL_DEFAULTS.containsKey(resource);
    }

    /** Returns whether the peers check this resource against their local MSP only and ignore channel ACLs for it. */
    public static boolean isPeerLocal(String resource) {
        return PEER_LOCAL.contains(resource);
    }
}
