package de.klammer.portal.concept;

import java.util.List;

/**
 * Thrown when a role catalogue cannot be imported; {@link #problems()} lists every problem found, each naming the row
 * or role, and nothing was stored. Messages never contain values of secret fields.
 */
public class RoleImportException extends ConceptRuleViolationException {

    private final List<String> problems;

    public RoleImportException(List<String> problems) {
        super("The role catalogue was not imported: " + String.join("; ", problems));
        this.problems = List.copyOf(problems);
    }

    /** Returns the problems, one per entry. */
    public List<String> problems() {
        return problems;
    }
}
