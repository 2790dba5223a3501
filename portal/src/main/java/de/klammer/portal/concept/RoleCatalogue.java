package de.klammer.portal.concept;

import java.util.List;
import java.util.Set;

/**
 * Roles read from an external source, before they are added to the concept.
 *
 * @param source where the roles come from, for example {@code keycloak:master} or {@code csv}; stored with each role
 * @param roles the roles with codes already valid for the concept
 * @param skippedReferences composite references that were left out, with the reason, for example Keycloak's
 *     built-in roles that an export omits
 */
public record RoleCatalogue(String source, List<ImportedRole> roles, List<String> skippedReferences) {

    public RoleCatalogue {
        roles = List.copyOf(roles);
        skippedReferences = List.copyOf(skippedReferences);
    }

    /**
     * One imported role.
     *
     * @param code role code in the concept
     * @param name display name
     * @param origin the role's name in the source, for example {@code be/subscription_user} for a client role
     * @param components codes of the roles it is composed of
     * @param rights rights given with the role, empty for sources without rights
     */
    public record ImportedRole(
            String code, String name, String origin, List<String> components, Set<ConceptModel.Right> rights) {

        public ImportedRole {
            components = List.copyOf(components);
            rights = Set.copyOf(rights);
        }
    }
}
