package de.klammer.ledger.internal;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import org.hyperledger.fabric.protos.common.Configtx.ConfigGroup;

/**
 * Flattens a config group tree into elements keyed as Fabric's validator keys them, for example
 * {@code "[Group]  /Channel/Application"}, {@code "[Value]  /Channel/Application/ACLs"} and
 * {@code "[Policy] /Channel/Application/Admins"}; these keys appear verbatim in orderer error messages.
 */
public final class ConfigElements {

    /** Kind of a config element. */
    public enum Kind {
        GROUP("[Group]  "),
        VALUE("[Value]  "),
        POLICY("[Policy] ");

        private final String prefix;

        Kind(String prefix) {
            this.prefix = prefix;
        }

        public String key(String path) {
            return prefix + path;
        }
    }

    /** One element: its kind, absolute path, version and mod_policy (empty in sparse read-set entries). */
    public record Element(Kind kind, String path, long version, String modPolicy) {

        public String key() {
            return kind.key(path);
        }

        /** Returns the absolute path of the policy that guards this element, or empty when none is set. */
        public String modPolicyPath() {
            if (modPolicy.isEmpty()) {
                return "";
            }
            if (modPolicy.startsWith("/")) {
                return modPolicy;
            }
            // A relative mod_policy names a policy inside a group itself, and in the containing group for values
            // and policies (Fabric common/configtx policyForItem).
            String base = kind == Kind.GROUP ? path : path.substring(0, path.lastIndexOf('/'));
            return base + "/" + modPolicy;
        }
    }

    private ConfigElements() {}

    /** Flattens the tree rooted at {@code /Channel}. */
    public static Map<String, Element> flatten(ConfigGroup root) {
        Map<String, Element> result = new LinkedHashMap<>();
        add(result, "/Channel", root);
        return result;
    }

    private static void add(Map<String, Element> result, String path, ConfigGroup group) {
        put(result, new Element(Kind.GROUP, path, group.getVersion(), group.getModPolicy()));
        new TreeMap<>(group.getValuesMap()).forEach((name, value) ->
                put(result, new Element(Kind.VALUE, path + "/" + name, value.getVersion(), value.getModPolicy())));
        new TreeMap<>(group.getPoliciesMap()).forEach((name, policy) ->
                put(result, new Element(Kind.POLICY, path + "/" + name, policy.getVersion(), policy.getModPolicy())));
        new TreeMap<>(group.getGroupsMap()).forEach((name, child) -> add(result, path + "/" + name, child));
    }

    private static void put(Map<String, Element> result, Element element) {
        result.put(element.key(), element);
    }
}
