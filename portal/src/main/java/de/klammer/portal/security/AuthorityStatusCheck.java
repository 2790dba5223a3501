package de.klammer.portal.security;

import de.klammer.portal.authority.AuthorityService;
import de.klammer.portal.authority.AuthorityStatus;
import org.springframework.stereotype.Component;

/** Reads the current status of a signed-in user's authority, for pages that explain why access is denied. */
@Component
public class AuthorityStatusCheck {

    private final AuthorityService authorities;

    AuthorityStatusCheck(AuthorityService authorities) {
        this.authorities = authorities;
    }

    /** Returns whether the user's authority has been offboarded; false for a user without a known authority. */
    public boolean isArchived(PortalUser user) {
        PortalUser.AuthorityRef authority = user.authority();
        return authority != null && authorities.statusOf(authority.id()) == AuthorityStatus.ARCHIVED;
    }
}
