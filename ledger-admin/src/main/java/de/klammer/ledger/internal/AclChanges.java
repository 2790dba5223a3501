package de.klammer.ledger.internal;

import com.google.protobuf.InvalidProtocolBufferException;
import de.klammer.ledger.AclResources;
import de.klammer.ledger.ConfigChange;
import de.klammer.ledger.ConfigChange.SetAcl;
import de.klammer.ledger.ConfigChangeRejectedException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.hyperledger.fabric.protos.common.Configuration.Capabilities;
import org.hyperledger.fabric.protos.common.Configtx.ConfigGroup;
import org.hyperledger.fabric.protos.common.Configtx.ConfigValue;
import org.hyperledger.fabric.protos.peer.Configuration.ACLs;
import org.hyperledger.fabric.protos.peer.Configuration.APIResource;

/** Changes to the channel ACLs, the {@code ACLs} value of {@code /Channel/Application}. */
public final class AclChanges {

    /** Key of the ACLs value in the Application group, as Fabric names it. */
    static final String ACLS_KEY = "ACLs";

    private static final String APPLICATION_PREFIX = "/Channel/Application/";

    /**
     * Application capabilities that allow an ACLs value, from {@code ApplicationProvider.ACLs()} in
     * {@code common/capabilities/application.go} of Fabric commit 695dd57e01c2. Without one, the orderer rejects the
     * update with "ACLs may not be specified without the required capability".
     */
    private static final Set<String> ACL_CAPABILITIES = Set.of("V1_2", "V1_3", "V1_4_2", "V2_0", "V2_5");

    private AclChanges() {}

    static ConfigGroup setAcl(ConfigGroup root, SetAcl change) {
        requireChannelResource(change.resource());
        String policyPath = absolutePolicyPath(change.policyRef());
        ConfigGroup application = root.getGroupsMap().get("Application");
        if (application == null) {
            throw new ConfigChangeRejectedException(
                    "This channel has no /Channel/Application group, so it cannot carry peer ACLs");
        }
        requireAclCapability(application);
        ConfigValue existing = application.getValuesMap().get(ACLS_KEY);
        ACLs acls = existing == null ? ACLs.getDefaultInstance() : parse(existing);
        ACLs updated = acls.toBuilder()
                .putAcls(change.resource(), APIResource.newBuilder().setPolicyRef(policyPath).build())
                .build();
        ConfigValue value = existing == null
                ? ConfigValue.newBuilder().setModPolicy("Admins").setValue(updated.toByteString()).build()
                : existing.toBuilder().setValue(updated.toByteString()).build();
        return root.toBuilder()
                .putGroups("Application", application.toBuilder().putValues(ACLS_KEY, value).build())
                .build();
    }

    /**
     * Rejects an ACL that points at a policy missing from the desired config. Fabric's channelconfig package does not
     * check the reference (commit 695dd57e01c2), and the peer's ACL check then fails with "policy ... not found".
     */
    static void requirePoliciesExist(ConfigGroup desiredRoot, List<ConfigChange> changes) {
        for (ConfigChange change : changes) {
            if (change instanceof SetAcl setAcl) {
                String path = absolutePolicyPath(setAcl.policyRef());
                if (!policyExists(desiredRoot, path)) {
                    String parent = path.substring(0, path.lastIndexOf('/'));
                    throw new ConfigChangeRejectedException("Rejected: the ACL of " + setAcl.resource()
                            + " points at policy " + path + ", which does not exist in the channel config after this"
                            + " update, so the peers would reject every request for it. Policies in " + parent
                            + ": " + String.join(", ", policyNames(desiredRoot, parent))
                            + ". Create the policy with SetPolicy in the same update or choose an existing one");
                }
            }
        }
    }

    /**
     * Returns the explicit ACLs of a channel config, resource to absolute policy path, sorted by resource. Resources
     * that are missing here use the peers' defaults, see {@link AclResources#channelDefaults()}.
     */
    public static Map<String, String> read(ConfigGroup root) {
        ConfigGroup application = root.getGroupsMap().get("Application");
        ConfigValue value = application == null ? null : application.getValuesMap().get(ACLS_KEY);
        Map<String, String> result = new TreeMap<>();
        if (value != null) {
            parse(value).getAclsMap().forEach((resource, api) -> result.put(resource, api.getPolicyRef()));
        }
        return result;
    }

    private static void requireAclCapability(ConfigGroup application) {
        ConfigValue value = application.getValuesMap().get("Capabilities");
        Set<String> enabled = Set.of();
        if (value != null) {
            try {
                enabled = Capabilities.parseFrom(value.getValue()).getCapabilitiesMap().keySet();
            } catch (InvalidProtocolBufferException e) {
                enabled = Set.of();
            }
        }
        if (enabled.stream().noneMatch(ACL_CAPABILITIES::contains)) {
            throw new ConfigChangeRejectedException("Rejected: the application capabilities of this channel ("
                    + (enabled.isEmpty() ? "none" : String.join(", ", new TreeSet<>(enabled)))
                    + ") do not allow ACLs, and the orderer would reject the update. Enable V2_5 (or at least V1_2)"
                    + " for /Channel/Application first");
        }
    }

    private static void requireChannelResource(String resource) {
        if (AclResources.isChannelResource(resource)) {
            return;
        }
        if (AclResources.isPeerLocal(resource)) {
            throw new ConfigChangeRejectedException("Rejected: the peers check " + resource + " against their own"
                    + " local MSP and ignore any channel ACL for it, so this change would have no effect. Change the"
                    + " peer's local MSP admins instead");
        }
        String prefix = resource.contains("/") ? resource.substring(0, resource.indexOf('/') + 1) : resource;
        List<String> similar = AclResources.channelDefaults().keySet().stream()
                .filter(known -> known.startsWith(prefix))
                .toList();
        throw new ConfigChangeRejectedException("Unknown ACL resource '" + resource + "'. Use one of the channel"
                + " resources of Fabric's default ACL list"
                + (similar.isEmpty() ? ", for example qscc/GetChainInfo or event/Block"
                        : " with this prefix: " + String.join(", ", similar)));
    }

    /** Returns the absolute path that Fabric resolves a policy reference to. */
    static String absolutePolicyPath(String policyRef) {
        if (policyRef.isBlank()) {
            throw new ConfigChangeRejectedException("The policy reference of an ACL must not be empty; Fabric would"
                    + " ignore it and use the default. Write a path such as /Channel/Application/Readers");
        }
        String path = policyRef.startsWith("/") ? policyRef : APPLICATION_PREFIX + policyRef;
        if (!path.startsWith("/Channel/") || path.endsWith("/") || path.contains("//")) {
            throw new ConfigChangeRejectedException("Invalid policy reference '" + policyRef + "': write an absolute"
                    + " path such as /Channel/Application/Readers or a policy name under /Channel/Application");
        }
        return path;
    }

    private static boolean policyExists(ConfigGroup root, String path) {
        List<String> segments = List.of(path.substring("/Channel/".length()).split("/"));
        ConfigGroup group = root;
        for (String segment : segments.subList(0, segments.size() - 1)) {
            group = group.getGroupsMap().get(segment);
            if (group == null) {
                return false;
            }
        }
        return group.getPoliciesMap().containsKey(segments.getLast());
    }

    private static List<String> policyNames(ConfigGroup root, String groupPath) {
        ConfigGroup group = root;
        for (String segment : groupPath.substring(1).split("/")) {
            if (!segment.equals("Channel")) {
                group = group.getGroupsMap().get(segment);
                if (group == null) {
                    return List.of("none, the group does not exist");
                }
            }
        }
        return List.copyOf(new TreeSet<>(group.getPoliciesMap().keySet()));
    }

    private static ACLs parse(ConfigValue value) {
        try {
            return ACLs.parseFrom(value.getValue());
        } catch (InvalidProtocolBufferException e) {
            throw new ConfigChangeRejectedException("The channel's ACLs value is not a valid peer.ACLs message ("
                    + e.getMessage() + "), so it cannot be changed safely. Repair it with Fabric's configtxlator");
        }
    }
}
