package de.klammer.portal.concept;

import org.springframework.security.access.AccessDeniedException;

/** Thrown when the signed-in user may not change the concept or assign a role; the message names who may. */
public class ConceptAccessDeniedException extends AccessDeniedException {

    public ConceptAccessDeniedException(String message) {
        super(message);
    }
}
