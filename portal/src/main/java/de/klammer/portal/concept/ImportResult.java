package de.klammer.portal.concept;

import java.util.List;

/**
 * The outcome of an import into the draft.
 *
 * @param source where the roles came from, for example {@code keycloak:master}
 * @param importedRoles codes of the roles added to the draft
 * @param skippedReferences composite references left out, with the reason
 */
public record ImportResult(String source, List<String> importedRoles, List<String> skippedReferences) {

    public ImportResult {
        importedRoles = List.copyOf(importedRoles);
        skippedReferences = List.copyOf(skippedReferences);
    }
}
