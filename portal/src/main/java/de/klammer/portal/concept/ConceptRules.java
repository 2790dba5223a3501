package de.klammer.portal.concept;

import de.klammer.portal.concept.ConceptModel.Role;
import de.klammer.portal.concept.ConceptModel.SodRule;
import de.klammer.portal.concept.ConceptModel.SubProcess;

/** Checks of concept entries that need the whole version. */
final class ConceptRules {

    private ConceptRules() {}

    /**
     * Returns the rule with its roles in alphabetical order, as stored.
     *
     * @throws ConceptRuleViolationException when a role or the sub-process is unknown, both roles are the same, or
     *     the pair already has a rule
     */
    static SodRule orderedSodRule(ConceptModel model, SodRule rule) {
        for (String role : new String[] {rule.firstRole(), rule.secondRole()}) {
            if (model.roles().stream().map(Role::code).noneMatch(role::equals)) {
                throw new ConceptRuleViolationException("Separation of duties names the unknown role " + role);
            }
        }
        if (rule.firstRole().equals(rule.secondRole())) {
            throw new ConceptRuleViolationException("Separation of duties needs two different roles, not "
                    + rule.firstRole() + " twice");
        }
        if (rule.subProcessCode() != null
                && model.subProcesses().stream().map(SubProcess::code).noneMatch(rule.subProcessCode()::equals)) {
            throw new ConceptRuleViolationException("Separation of duties names the unknown sub-process "
                    + rule.subProcessCode());
        }
        if (rule.reason().isBlank()) {
            throw new ConceptRuleViolationException("The reason of the separation of duties between "
                    + rule.firstRole() + " and " + rule.secondRole() + " is missing; enter why they must be separate");
        }
        boolean swap = rule.firstRole().compareTo(rule.secondRole()) > 0;
        SodRule ordered = swap
                ? new SodRule(rule.secondRole(), rule.firstRole(), rule.subProcessCode(), rule.reason())
                : rule;
        boolean exists = model.sodRules().stream()
                .anyMatch(existing -> existing.firstRole().equals(ordered.firstRole())
                        && existing.secondRole().equals(ordered.secondRole()));
        if (exists) {
            throw new ConceptRuleViolationException("Roles " + ordered.firstRole() + " and " + ordered.secondRole()
                    + " already have a separation-of-duties rule");
        }
        return ordered;
    }
}
