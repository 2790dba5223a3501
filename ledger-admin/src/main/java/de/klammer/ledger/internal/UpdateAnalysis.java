package de.klammer.ledger.internal;

import de.klammer.ledger.PolicyRule;
import de.klammer.ledger.PolicyRule.ImplicitMeta;
import de.klammer.ledger.PolicyRule.RolePrincipal;
import de.klammer.ledger.RequiredSignature;
import de.klammer.ledger.internal.ConfigElements.Element;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.hyperledger.fabric.protos.common.Configtx.Config;
import org.hyperledger.fabric.protos.common.Configtx.ConfigUpdate;

/**
 * Reads a config update against a live config the way the orderer will: which elements it modifies (the delta),
 * which mod_policies those need, and whether its read set still matches.
 */
public final class UpdateAnalysis {

    private final Map<String, Element> current;
    private final Map<String, Element> readSet;
    private final Map<String, Element> writeSet;
    private final PolicyEvaluator evaluator;

    public UpdateAnalysis(Config currentConfig, ConfigUpdate update) {
        this.current = ConfigElements.flatten(currentConfig.getChannelGroup());
        this.readSet = ConfigElements.flatten(update.getReadSet());
        this.writeSet = ConfigElements.flatten(update.getWriteSet());
        this.evaluator = new PolicyEvaluator(currentConfig);
    }

    /** Returns the write-set elements that differ from the read set: what the orderer authorises. */
    public List<Element> delta() {
        List<Element> delta = new ArrayList<>();
        for (Element written : writeSet.values()) {
            Element read = readSet.get(written.key());
            if (read == null || read.version() != written.version()) {
                delta.add(written);
            }
        }
        return delta;
    }

    /** Returns the read set as plain lines. */
    public List<String> readSetLines() {
        return readSet.values().stream().map(e -> e.key().trim() + " at version " + e.version()).toList();
    }

    /**
     * Returns the policies the delta needs: for an existing element, its current mod_policy. A new element is
     * authorised through the version bump of its parent group, so it needs nothing itself.
     */
    public List<RequiredSignature> requiredSignatures() {
        List<RequiredSignature> result = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>();
        for (Element element : delta()) {
            Element existing = current.get(element.key());
            if (existing == null) {
                continue;
            }
            String policyPath = existing.modPolicyPath();
            if (seen.add(element.key())) {
                result.add(new RequiredSignature(
                        element.key(), policyPath, describePolicy(policyPath), signingMspIds(policyPath)));
            }
        }
        return result;
    }

    /**
     * Returns why the update can no longer apply to the current config, or empty when it still can: a read-set
     * element that is missing or at another version, or a modified element that moved on since.
     */
    public Optional<String> staleness() {
        for (Element read : readSet.values()) {
            Element live = current.get(read.key());
            if (live == null) {
                return Optional.of(read.key().trim() + " is in the read set but no longer exists on the channel");
            }
            if (live.version() != read.version()) {
                return Optional.of(read.key().trim() + " was read at version " + read.version()
                        + " but is now at version " + live.version());
            }
        }
        for (Element written : delta()) {
            Element live = current.get(written.key());
            long expected = live == null ? 0 : live.version() + 1;
            if (written.version() != expected) {
                return Optional.of(written.key().trim() + " would be written at version " + written.version()
                        + " but the channel now expects version " + expected);
            }
        }
        return Optional.empty();
    }

    /** Returns the policy at a path in plain text with its threshold made concrete, for example "MAJORITY of Admins (2 of BamfMSP, LdsMSP)". */
    public String describePolicy(String policyPath) {
        Optional<PolicyRule> rule = evaluator.policy(policyPath);
        if (rule.isEmpty()) {
            return "no such policy";
        }
        if (rule.get() instanceof ImplicitMeta meta) {
            String group = policyPath.substring(0, policyPath.lastIndexOf('/'));
            List<String> children = evaluator.children(group).stream()
                    .map(child -> child.substring(child.lastIndexOf('/') + 1))
                    .toList();
            return meta.text() + " (" + evaluator.threshold(group, meta) + " of " + String.join(", ", children) + ")";
        }
        return rule.get().text();
    }

    /** Returns the MSP IDs whose identities appear anywhere below a policy. */
    public List<String> signingMspIds(String policyPath) {
        Set<String> result = new LinkedHashSet<>();
        collectMspIds(policyPath, result, 0);
        return List.copyOf(result);
    }

    private void collectMspIds(String policyPath, Set<String> result, int depth) {
        Optional<PolicyRule> rule = evaluator.policy(policyPath);
        if (rule.isEmpty() || depth > 16) {
            return;
        }
        switch (rule.get()) {
            case ImplicitMeta meta -> {
                String group = policyPath.substring(0, policyPath.lastIndexOf('/'));
                for (String child : evaluator.children(group)) {
                    collectMspIds(child + "/" + meta.subPolicy(), result, depth + 1);
                }
            }
            case PolicyRule.Signature signature -> signature.principals().forEach(principal -> {
                if (principal instanceof RolePrincipal role) {
                    result.add(role.mspId());
                } else if (principal instanceof PolicyRule.OuPrincipal ou) {
                    result.add(ou.mspId());
                } else if (principal instanceof PolicyRule.IdentityPrincipal identity) {
                    result.add(identity.mspId());
                }
            });
        }
    }

    public PolicyEvaluator evaluator() {
        return evaluator;
    }
}
