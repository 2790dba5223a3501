package de.klammer.ledger.internal;

import de.klammer.ledger.ConfigChange;
import de.klammer.ledger.ConfigChange.AddAdmin;
import de.klammer.ledger.ConfigChange.AddOrganization;
import de.klammer.ledger.ConfigChange.AddRevocationList;
import de.klammer.ledger.ConfigChange.RemoveAdmin;
import de.klammer.ledger.ConfigChange.RemoveOrganization;
import de.klammer.ledger.ConfigChange.SetAcl;
import de.klammer.ledger.ConfigChange.SetPolicy;
import de.klammer.ledger.ConfigChangeRejectedException;
import de.klammer.ledger.PolicyRule;
import de.klammer.ledger.PolicyRule.Principal;
import de.klammer.ledger.PolicyRule.Role;
import de.klammer.ledger.PolicyRule.RolePrincipal;
import java.util.ArrayList;
import java.util.List;
import org.hyperledger.fabric.protos.common.Configtx.Config;
import org.hyperledger.fabric.protos.common.Configtx.ConfigGroup;
import org.hyperledger.fabric.protos.common.Configtx.ConfigPolicy;
import org.hyperledger.fabric.protos.common.Policies.Policy;

/** Applies typed changes to a config, as pure functions from the current to the desired config. */
public final class ConfigChanges {

    private static final String WRITERS = "/Channel/Writers";

    private ConfigChanges() {}

    /** Returns the desired config after all changes; the input stays unchanged. */
    public static Config apply(Config current, List<ConfigChange> changes) {
        ConfigGroup root = current.getChannelGroup();
        for (ConfigChange change : changes) {
            root = switch (change) {
                case SetPolicy setPolicy -> setPolicy(root, setPolicy);
                case AddRevocationList addCrl -> MspChanges.addRevocationList(root, addCrl);
                case RemoveAdmin removeAdmin -> MspChanges.removeAdmin(root, removeAdmin);
                case SetAcl setAcl -> AclChanges.setAcl(root, setAcl);
                case AddAdmin addAdmin -> MspChanges.addAdmin(root, addAdmin);
                case AddOrganization addOrganization -> OrganizationChanges.add(root, addOrganization);
                case RemoveOrganization removeOrganization -> OrganizationChanges.remove(root, removeOrganization);
            };
        }
        AclChanges.requirePoliciesExist(root, changes);
        return current.toBuilder().setChannelGroup(root).build();
    }

    /**
     * Refuses a desired config in which no single identity of an application organisation could satisfy
     * {@code /Channel/Writers}. The orderer checks every envelope's creator against that policy, so such a config
     * would lock the authorities out of submitting anything, further config updates included.
     */
    public static void requireAuthoritiesCanWrite(Config desired) {
        PolicyEvaluator evaluator = new PolicyEvaluator(desired);
        List<String> applicationOrgs = mspIdsOfChildren(desired, "Application");
        List<String> authorityWriters = writers(evaluator, applicationOrgs);
        if (!applicationOrgs.isEmpty() && authorityWriters.isEmpty()) {
            List<String> others = writers(evaluator, mspIdsOfChildren(desired, "Orderer"));
            throw new ConfigChangeRejectedException("Rejected: after this change no single identity of "
                    + String.join(", ", applicationOrgs) + " could satisfy " + WRITERS
                    + ", and the orderer checks every submission against it, so the authorities could no longer"
                    + " submit anything, not even a repair. Still able to submit: "
                    + (others.isEmpty() ? "nobody" : String.join(", ", others))
                    + ". Keep at least one rule that one identity can meet, for example ANY Writers.");
        }
    }

    private static List<String> writers(PolicyEvaluator evaluator, List<String> mspIds) {
        List<String> result = new ArrayList<>();
        for (String mspId : mspIds) {
            for (Role role : Role.values()) {
                if (evaluator.evaluate(WRITERS, List.of(new HypotheticalIdentity(mspId, role)))) {
                    result.add(mspId + "." + role.name().toLowerCase(java.util.Locale.ROOT));
                }
            }
        }
        return result;
    }

    /** A single imagined identity of one role in one organisation. */
    private record HypotheticalIdentity(String mspId, Role role) implements PolicyEvaluator.Candidate {

        @Override
        public boolean satisfies(Principal principal) {
            return switch (principal) {
                case RolePrincipal rolePrincipal -> rolePrincipal.mspId().equals(mspId)
                        && (rolePrincipal.role() == Role.MEMBER || rolePrincipal.role() == role);
                // Any identity of the organisation can be issued a certificate with the OU.
                case PolicyRule.OuPrincipal unit -> unit.mspId().equals(mspId);
                default -> false;
            };
        }
    }

    /** Returns the MSP IDs of the application organisations, then of the orderer organisations. */
    private static List<String> allMspIds(Config config) {
        List<String> result = new ArrayList<>(mspIdsOfChildren(config, "Application"));
        result.addAll(mspIdsOfChildren(config, "Orderer"));
        return result;
    }

    private static List<String> mspIdsOfChildren(Config config, String groupName) {
        ConfigGroup group = config.getChannelGroup().getGroupsMap().get(groupName);
        if (group == null) {
            return List.of();
        }
        List<String> result = new ArrayList<>();
        new java.util.TreeMap<>(group.getGroupsMap()).forEach((name, organization) -> {
            var msp = organization.getValuesMap().get("MSP");
            if (msp != null) {
                try {
                    var mspConfig = org.hyperledger.fabric.protos.msp.MspConfigPackage.MSPConfig.parseFrom(msp.getValue());
                    result.add(org.hyperledger.fabric.protos.msp.MspConfigPackage.FabricMSPConfig
                            .parseFrom(mspConfig.getConfig())
                            .getName());
                } catch (com.google.protobuf.InvalidProtocolBufferException e) {
                    result.add(name);
                }
            }
        });
        return result;
    }

    private static ConfigGroup setPolicy(ConfigGroup root, SetPolicy change) {
        String path = change.path();
        if (!path.startsWith("/Channel/") || path.endsWith("/")) {
            throw new ConfigChangeRejectedException("Invalid policy path '" + path
                    + "': write an absolute path such as /Channel/Application/Endorsement");
        }
        List<String> segments = List.of(path.substring("/Channel/".length()).split("/"));
        String name = segments.getLast();
        if (!name.matches("[A-Za-z0-9.-]+")) {
            throw new ConfigChangeRejectedException("Invalid policy name '" + name
                    + "': Fabric allows only letters, digits, dots and dashes in config keys");
        }
        requireKnownOrganizations(root, change);
        Policy policy = PolicyProtos.toProto(withCertifiers(root, change.rule()));
        return update(root, "/Channel", segments.subList(0, segments.size() - 1), group -> {
            ConfigPolicy existing = group.getPoliciesMap().get(name);
            ConfigPolicy updated = existing == null
                    ? ConfigPolicy.newBuilder().setModPolicy("Admins").setPolicy(policy).build()
                    : existing.toBuilder().setPolicy(policy).build();
            return group.toBuilder().putPolicies(name, updated).build();
        });
    }

    /**
     * Fills in the certifiers identifier of each organisational-unit principal that has none, from the channel's
     * definition of that principal's MSP.
     */
    private static PolicyRule withCertifiers(ConfigGroup root, PolicyRule rule) {
        if (!(rule instanceof PolicyRule.Signature signature)) {
            return rule;
        }
        List<Principal> principals = new ArrayList<>();
        for (Principal principal : signature.principals()) {
            if (principal instanceof PolicyRule.OuPrincipal unit && unit.certifiersIdentifier().isEmpty()) {
                try {
                    principals.add(unit.withCertifiers(channelMsp(root, unit.mspId()).issuingCertifiersIdentifier()));
                } catch (IllegalStateException e) {
                    throw new ConfigChangeRejectedException("Rejected: " + e.getMessage());
                }
            } else {
                principals.add(principal);
            }
        }
        return new PolicyRule.Signature(signature.rule(), principals);
    }

    private static ChannelMsp channelMsp(ConfigGroup root, String mspId) {
        for (String groupName : List.of("Application", "Orderer")) {
            ConfigGroup group = root.getGroupsMap().get(groupName);
            if (group == null) {
                continue;
            }
            for (ConfigGroup organization : group.getGroupsMap().values()) {
                var msp = organization.getValuesMap().get("MSP");
                if (msp == null) {
                    continue;
                }
                try {
                    var mspConfig = org.hyperledger.fabric.protos.msp.MspConfigPackage.MSPConfig.parseFrom(msp.getValue());
                    ChannelMsp channelMsp = ChannelMsp.of(mspConfig.getConfig());
                    if (channelMsp.mspId().equals(mspId)) {
                        return channelMsp;
                    }
                } catch (com.google.protobuf.InvalidProtocolBufferException e) {
                    throw new ConfigChangeRejectedException("The channel's MSP definition in " + groupName
                            + " cannot be decoded: " + e.getMessage());
                }
            }
        }
        throw new ConfigChangeRejectedException("Rejected: no organisation of this channel has the MSP ID " + mspId
                + ", so an OU principal of it cannot be written");
    }

    /**
     * Rejects a signature rule that names an MSP ID that no organisation of the channel has. No identity could ever
     * sign for such a principal, yet Fabric accepts the policy without complaint.
     */
    private static void requireKnownOrganizations(ConfigGroup root, SetPolicy change) {
        if (!(change.rule() instanceof de.klammer.ledger.PolicyRule.Signature signature)) {
            return;
        }
        Config config = Config.newBuilder().setChannelGroup(root).build();
        java.util.Set<String> known = new java.util.TreeSet<>(allMspIds(config));
        for (Principal principal : signature.principals()) {
            String mspId = switch (principal) {
                case RolePrincipal role -> role.mspId();
                case PolicyRule.OuPrincipal unit -> unit.mspId();
                default -> null;
            };
            if (mspId != null && !known.contains(mspId)) {
                throw new ConfigChangeRejectedException("Rejected: the rule for " + change.path() + " names "
                        + mspId + ", which is no organisation of this channel, so no identity could ever sign"
                        + " for it. Organisations on the channel: " + String.join(", ", known));
            }
        }
    }

    /**
     * Refuses a changed policy that no combination of the channel's identities could satisfy, for example
     * {@code ALL} over more organisations than take part, since it would block whatever it guards for good.
     */
    public static void requireSatisfiable(Config desired, List<ConfigChange> changes) {
        PolicyEvaluator evaluator = new PolicyEvaluator(desired);
        List<HypotheticalIdentity> everyone = new ArrayList<>();
        for (String mspId : allMspIds(desired)) {
            for (Role role : Role.values()) {
                everyone.add(new HypotheticalIdentity(mspId, role));
            }
        }
        for (ConfigChange change : changes) {
            if (change instanceof SetPolicy setPolicy && !evaluator.evaluate(setPolicy.path(), everyone)) {
                throw new ConfigChangeRejectedException("Rejected: no combination of identities of the organisations"
                        + " on this channel could satisfy " + setPolicy.rule().text() + " at " + setPolicy.path()
                        + ", so what it guards would be blocked for good. Choose a rule that the organisations on the"
                        + " channel can meet");
            }
        }
        if (changes.stream().anyMatch(RemoveOrganization.class::isInstance)) {
            List<String> unsatisfiable = unsatisfiablePolicies(desired);
            if (!unsatisfiable.isEmpty()) {
                throw new ConfigChangeRejectedException("Rejected: after removing the organisation, no combination of"
                        + " identities of the remaining organisations could satisfy " + String.join(", ", unsatisfiable)
                        + ". Change those policies first so that they no longer need the organisation");
            }
        }
    }

    /**
     * Returns the paths of the policies of a config that no combination of identities of its organisations could
     * satisfy, in tree order.
     */
    public static List<String> unsatisfiablePolicies(Config config) {
        PolicyEvaluator evaluator = new PolicyEvaluator(config);
        List<HypotheticalIdentity> everyone = new ArrayList<>();
        for (String mspId : allMspIds(config)) {
            for (Role role : Role.values()) {
                everyone.add(new HypotheticalIdentity(mspId, role));
            }
        }
        List<String> paths = new ArrayList<>();
        collectPolicyPaths("/Channel", config.getChannelGroup(), paths);
        return paths.stream().filter(path -> !evaluator.evaluate(path, everyone)).toList();
    }

    private static void collectPolicyPaths(String path, ConfigGroup group, List<String> paths) {
        new java.util.TreeMap<>(group.getPoliciesMap()).keySet().forEach(name -> paths.add(path + "/" + name));
        new java.util.TreeMap<>(group.getGroupsMap()).forEach(
                (name, child) -> collectPolicyPaths(path + "/" + name, child, paths));
    }

    private static ConfigGroup update(
            ConfigGroup group, String path, List<String> remaining, java.util.function.UnaryOperator<ConfigGroup> change) {
        if (remaining.isEmpty()) {
            return change.apply(group);
        }
        String next = remaining.getFirst();
        ConfigGroup child = group.getGroupsMap().get(next);
        if (child == null) {
            throw new ConfigChangeRejectedException("No group " + path + "/" + next + " on this channel; groups below "
                    + path + " are " + String.join(", ", new java.util.TreeSet<>(group.getGroupsMap().keySet())));
        }
        ConfigGroup updated = update(child, path + "/" + next, remaining.subList(1, remaining.size()), change);
        return group.toBuilder().putGroups(next, updated).build();
    }
}
