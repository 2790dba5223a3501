package de.klammer.ledger.internal;

import com.google.protobuf.InvalidProtocolBufferException;
import de.klammer.ledger.PolicyRule;
import de.klammer.ledger.PolicyRule.Gate;
import de.klammer.ledger.PolicyRule.ImplicitMeta;
import de.klammer.ledger.PolicyRule.NOutOf;
import de.klammer.ledger.PolicyRule.Principal;
import de.klammer.ledger.PolicyRule.SignedBy;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.hyperledger.fabric.protos.common.Configtx.Config;
import org.hyperledger.fabric.protos.common.Configtx.ConfigGroup;
import org.hyperledger.fabric.protos.msp.MspConfigPackage.MSPConfig;

/**
 * Evaluates the policies of one config with Fabric's rules. An implicit-meta policy counts the satisfied
 * sub-policies of the direct child groups: MAJORITY needs more than half, and no children means satisfied. A
 * signature policy walks its n-out-of tree, and one identity satisfies at most one principal of it.
 */
public final class PolicyEvaluator {

    /** An identity as far as policies care: something that does or does not satisfy a principal. */
    public interface Candidate {

        /** Returns whether this identity satisfies the principal. */
        boolean satisfies(Principal principal);
    }

    private final Map<String, PolicyRule> policies = new HashMap<>();
    private final Map<String, List<String>> childGroups = new HashMap<>();
    private final Map<String, ChannelMsp> msps = new HashMap<>();

    /** Indexes every policy, group and MSP of the config. */
    public PolicyEvaluator(Config config) {
        try {
            index("/Channel", config.getChannelGroup());
        } catch (InvalidProtocolBufferException e) {
            throw new IllegalArgumentException("Malformed MSP definition in the channel config", e);
        }
    }

    private void index(String path, ConfigGroup group) throws InvalidProtocolBufferException {
        group.getPoliciesMap().forEach((name, policy) -> policies.put(path + "/" + name, PolicyProtos.toRule(policy.getPolicy())));
        var msp = group.getValuesMap().get("MSP");
        if (msp != null) {
            MSPConfig mspConfig = MSPConfig.parseFrom(msp.getValue());
            if (mspConfig.getType() == 0) {
                ChannelMsp channelMsp = ChannelMsp.of(mspConfig.getConfig());
                msps.put(channelMsp.mspId(), channelMsp);
            }
        }
        List<String> children = new ArrayList<>();
        for (var child : new java.util.TreeMap<>(group.getGroupsMap()).entrySet()) {
            children.add(path + "/" + child.getKey());
            index(path + "/" + child.getKey(), child.getValue());
        }
        childGroups.put(path, children);
    }

    /** Returns the MSP with this ID, if the channel has it. */
    public Optional<ChannelMsp> msp(String mspId) {
        return Optional.ofNullable(msps.get(mspId));
    }

    /** Returns the rule of the policy at an absolute path. */
    public Optional<PolicyRule> policy(String path) {
        return Optional.ofNullable(policies.get(path));
    }

    /** Returns the absolute paths of the direct child groups of a group. */
    public List<String> children(String groupPath) {
        return childGroups.getOrDefault(groupPath, List.of());
    }

    /**
     * Evaluates the policy at {@code path} against distinct identities.
     *
     * @return false also when no policy exists at that path, as Fabric rejects an unknown policy
     */
    public boolean evaluate(String path, List<? extends Candidate> identities) {
        PolicyRule rule = policies.get(path);
        if (rule == null) {
            return false;
        }
        String groupPath = path.substring(0, path.lastIndexOf('/'));
        return switch (rule) {
            case ImplicitMeta meta -> evaluateImplicit(groupPath, meta, identities);
            case PolicyRule.Signature signature -> evaluateGate(
                    signature.rule(), signature.principals(), identities, new boolean[identities.size()]);
        };
    }

    /** Returns how many sub-policies an implicit-meta policy at {@code groupPath} needs. */
    public int threshold(String groupPath, ImplicitMeta meta) {
        int children = children(groupPath).size();
        return switch (meta.threshold()) {
            case ANY -> children == 0 ? 0 : 1;
            case ALL -> children;
            case MAJORITY -> children == 0 ? 0 : children / 2 + 1;
        };
    }

    private boolean evaluateImplicit(String groupPath, ImplicitMeta meta, List<? extends Candidate> identities) {
        int satisfied = 0;
        for (String child : children(groupPath)) {
            if (evaluate(child + "/" + meta.subPolicy(), identities)) {
                satisfied++;
            }
        }
        return satisfied >= threshold(groupPath, meta);
    }

    private boolean evaluateGate(Gate gate, List<Principal> principals, List<? extends Candidate> identities, boolean[] used) {
        return switch (gate) {
            case SignedBy signedBy -> {
                if (signedBy.index() < 0 || signedBy.index() >= principals.size()) {
                    yield false;
                }
                Principal principal = principals.get(signedBy.index());
                for (int i = 0; i < identities.size(); i++) {
                    if (!used[i] && identities.get(i).satisfies(principal)) {
                        used[i] = true;
                        yield true;
                    }
                }
                yield false;
            }
            case NOutOf nOutOf -> {
                int verified = 0;
                boolean[] attempt = new boolean[used.length];
                for (Gate rule : nOutOf.rules()) {
                    System.arraycopy(used, 0, attempt, 0, used.length);
                    if (evaluateGate(rule, principals, identities, attempt)) {
                        verified++;
                        System.arraycopy(attempt, 0, used, 0, used.length);
                    }
                }
                yield verified >= nOutOf.n();
            }
        };
    }
}
