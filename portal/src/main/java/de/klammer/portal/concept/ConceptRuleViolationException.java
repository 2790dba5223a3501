package de.klammer.portal.concept;

/** Thrown when a change would break a rule of the concept; the message names the offending values and the fix. */
public class ConceptRuleViolationException extends RuntimeException {

    public ConceptRuleViolationException(String message) {
        super(message);
    }
}
