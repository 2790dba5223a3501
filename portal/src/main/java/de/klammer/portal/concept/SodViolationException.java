package de.klammer.portal.concept;

import java.util.List;
import java.util.stream.Collectors;

/** Thrown when a role assignment would break separation of duties; the message names both roles of each conflict. */
public class SodViolationException extends ConceptRuleViolationException {

    private final transient List<SodConflict> conflicts;

    public SodViolationException(List<SodConflict> conflicts) {
        super(conflicts.stream().map(SodConflict::describe).collect(Collectors.joining(" ")));
        this.conflicts = List.copyOf(conflicts);
    }

    /** Returns the conflicts. */
    public List<SodConflict> conflicts() {
        return conflicts;
    }
}
