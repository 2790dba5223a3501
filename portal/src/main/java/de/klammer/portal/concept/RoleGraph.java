package de.klammer.portal.concept;

import de.klammer.portal.concept.ConceptModel.Role;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The composition of roles from other roles, checked to be free of unknown components and cycles. */
public final class RoleGraph {

    private final Map<String, Role> rolesByCode;
    private final Map<String, Set<String>> closures = new HashMap<>();

    private RoleGraph(Map<String, Role> rolesByCode) {
        this.rolesByCode = rolesByCode;
    }

    /**
     * Builds the graph of the roles.
     *
     * @throws ConceptRuleViolationException when a code is used twice, a component is unknown, or the composition
     *     has a cycle, which the message names role by role
     */
    public static RoleGraph of(List<Role> roles) {
        Map<String, Role> byCode = new LinkedHashMap<>();
        for (Role role : roles) {
            if (byCode.putIfAbsent(role.code(), role) != null) {
                throw new ConceptRuleViolationException("Role " + role.code() + " is defined twice; role codes must be"
                        + " unique");
            }
        }
        for (Role role : roles) {
            for (String component : role.components()) {
                if (!byCode.containsKey(component)) {
                    throw new ConceptRuleViolationException("Role " + role.code() + " is composed of the unknown role "
                            + component + "; define " + component + " first or remove it from the components");
                }
            }
        }
        RoleGraph graph = new RoleGraph(byCode);
        graph.requireAcyclic();
        return graph;
    }

    /** Returns whether a role with this code exists. */
    public boolean contains(String roleCode) {
        return rolesByCode.containsKey(roleCode);
    }

    /** Returns the role and every role it is composed of, directly or through other components. */
    public Set<String> closure(String roleCode) {
        return closures.computeIfAbsent(roleCode, code -> {
            Set<String> result = new LinkedHashSet<>();
            collect(code, result);
            return Set.copyOf(result);
        });
    }

    private void collect(String roleCode, Set<String> result) {
        if (!result.add(roleCode)) {
            return;
        }
        Role role = rolesByCode.get(roleCode);
        if (role != null) {
            role.components().forEach(component -> collect(component, result));
        }
    }

    private void requireAcyclic() {
        Map<String, Integer> state = new HashMap<>();
        for (String code : rolesByCode.keySet()) {
            visit(code, state, new ArrayList<>());
        }
    }

    /** Depth-first search; state 1 marks a role on the current path, 2 a role whose components are all checked. */
    private void visit(String code, Map<String, Integer> state, List<String> path) {
        int current = state.getOrDefault(code, 0);
        if (current == 2) {
            return;
        }
        if (current == 1) {
            List<String> cycle = new ArrayList<>(path.subList(path.indexOf(code), path.size()));
            // Start at the alphabetically first role, so that the message does not depend on the search order.
            Collections.rotate(cycle, -cycle.indexOf(Collections.min(cycle)));
            cycle.add(cycle.getFirst());
            throw new ConceptRuleViolationException("Role composition has a cycle: " + String.join(" -> ", cycle)
                    + "; remove one of these components");
        }
        state.put(code, 1);
        path.add(code);
        for (String component : rolesByCode.get(code).components()) {
            visit(component, state, path);
        }
        path.removeLast();
        state.put(code, 2);
    }
}
