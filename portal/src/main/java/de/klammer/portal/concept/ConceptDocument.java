package de.klammer.portal.concept;

import de.klammer.portal.concept.ConceptModel.Right;
import de.klammer.portal.concept.ConceptModel.Role;
import de.klammer.portal.concept.ConceptModel.SodRule;
import de.klammer.portal.concept.ConceptModel.StatusType;
import java.util.Comparator;
import java.util.List;

/**
 * The written role and rights concept of one version: what the PDF and CSV exports contain.
 *
 * @param version the version with its status and decision reference
 * @param basedOnNumber number of the version it was copied from, or 0 for the first
 * @param model the catalogue, roles, rights matrix and separation-of-duties rules
 */
record ConceptDocument(ConceptVersion version, int basedOnNumber, ConceptModel model) {

    /** Returns the granted rights ordered by role, status type and action. */
    List<Right> sortedRights() {
        return model.rights().stream()
                .sorted(Comparator.comparing(Right::roleCode)
                        .thenComparing(Right::statusTypeCode)
                        .thenComparing(Right::action))
                .toList();
    }

    /** Returns the roles ordered by code. */
    List<Role> sortedRoles() {
        return model.roles().stream().sorted(Comparator.comparing(Role::code)).toList();
    }

    /** Returns the separation-of-duties rules ordered by their role pair. */
    List<SodRule> sortedSodRules() {
        return model.sodRules().stream()
                .sorted(Comparator.comparing(SodRule::firstRole).thenComparing(SodRule::secondRole))
                .toList();
    }

    /** Returns the sub-process of a status type, or an empty string when the version lacks the status type. */
    String subProcessOf(String statusTypeCode) {
        return model.statusTypes().stream()
                .filter(type -> type.code().equals(statusTypeCode))
                .map(StatusType::subProcessCode)
                .findFirst()
                .orElse("");
    }

    /** Returns the scope of a role in plain words: one authority or an authority type. */
    static String scopeOf(Role role) {
        return role.authorityCode() != null ? "authority " + role.authorityCode() : "type " + role.authorityType();
    }
}
