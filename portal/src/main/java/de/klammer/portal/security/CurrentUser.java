package de.klammer.portal.security;

import java.util.Optional;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/** Reads the signed-in user from the security context of the current request or Vaadin UI access. */
@Component
public class CurrentUser {

    /** Returns the signed-in user, or empty outside a signed-in request. */
    public Optional<PortalUser> find() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication != null && authentication.getPrincipal() instanceof PortalPrincipal principal) {
            return Optional.of(principal.portalUser());
        }
        return Optional.empty();
    }

    /**
     * Returns the signed-in user.
     *
     * @throws IllegalStateException when no portal user is signed in
     */
    public PortalUser require() {
        return find().orElseThrow(() -> new IllegalStateException("No portal user is signed in"));
    }
}
