package de.klammer.portal.concept;

import de.klammer.portal.concept.ConceptModel.SodRule;
import de.klammer.portal.concept.ConceptModel.StatusType;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;
import java.util.stream.Collectors;

/** Checks role assignments against the separation-of-duties rules of a concept version, composites included. */
public final class SeparationOfDuties {

    private final ConceptModel model;
    private final RoleGraph graph;
    private final Map<String, SortedSet<String>> rightsByRole;
    private final Map<String, String> subProcessByStatusType;

    /**
     * Prepares the check for a concept version.
     *
     * @throws ConceptRuleViolationException when the roles of the concept have a cycle or an unknown component
     */
    public SeparationOfDuties(ConceptModel model) {
        this.model = model;
        this.graph = RoleGraph.of(model.roles());
        this.rightsByRole = ConceptCompiler.effectiveRights(model, graph);
        this.subProcessByStatusType =
                model.statusTypes().stream().collect(Collectors.toMap(StatusType::code, StatusType::subProcessCode));
    }

    /**
     * An assignment the identity already has in the period of the requested one.
     *
     * @param roleCode the held role
     * @param authorityCode the authority for which it is held
     */
    public record HeldRole(String roleCode, String authorityCode) {}

    /**
     * Returns the conflicts between a requested role and the roles the identity holds at the same time, across all
     * authorities; empty when the assignment is allowed.
     *
     * @throws ConceptRuleViolationException when the requested role does not exist in this concept version
     */
    public List<SodConflict> conflicts(String requestedRole, List<HeldRole> held) {
        if (!graph.contains(requestedRole)) {
            throw new ConceptRuleViolationException("Role " + requestedRole
                    + " does not exist in this concept version; choose one of its roles");
        }
        Set<String> requested = graph.closure(requestedRole);
        List<SodConflict> conflicts = new ArrayList<>();
        for (HeldRole heldRole : held) {
            if (!graph.contains(heldRole.roleCode())) {
                continue;
            }
            Set<String> existing = graph.closure(heldRole.roleCode());
            for (SodRule rule : model.sodRules()) {
                boolean separated = requested.contains(rule.firstRole()) && existing.contains(rule.secondRole())
                        || requested.contains(rule.secondRole()) && existing.contains(rule.firstRole());
                if (separated && inScope(rule, requestedRole, heldRole.roleCode())) {
                    conflicts.add(new SodConflict(requestedRole, heldRole.roleCode(), heldRole.authorityCode(),
                            rule.firstRole(), rule.secondRole(), rule.subProcessCode(), rule.reason()));
                }
            }
        }
        return conflicts;
    }

    private boolean inScope(SodRule rule, String requestedRole, String heldRole) {
        if (rule.subProcessCode() == null) {
            return true;
        }
        return hasRightIn(requestedRole, rule.subProcessCode()) && hasRightIn(heldRole, rule.subProcessCode());
    }

    private boolean hasRightIn(String roleCode, String subProcessCode) {
        return rightsByRole.getOrDefault(roleCode, Collections.emptySortedSet()).stream()
                .map(key -> key.substring(0, key.indexOf(':')))
                .anyMatch(statusType -> subProcessCode.equals(subProcessByStatusType.get(statusType)));
    }
}
