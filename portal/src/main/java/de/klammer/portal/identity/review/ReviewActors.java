package de.klammer.portal.identity.review;

import de.klammer.identity.PersonRecord;
import de.klammer.portal.security.CurrentUser;
import de.klammer.portal.security.PortalUser;
import de.klammer.portal.security.UserPseudonyms;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;

/**
 * The signed-in reviewer, known by the same pseudonym as in the identity lifecycle, and whether a person record is the
 * reviewer themselves.
 */
@Component
class ReviewActors {

    private final CurrentUser currentUser;

    ReviewActors(CurrentUser currentUser) {
        this.currentUser = currentUser;
    }

    /** A signed-in user of an authority, by pseudonym. */
    record Actor(String pseudonym, PortalUser user, PortalUser.AuthorityRef authority) {}

    /**
     * Returns the signed-in user.
     *
     * @throws AccessDeniedException when the user belongs to no authority
     */
    Actor current() {
        PortalUser user = currentUser.require();
        if (user.authority() == null) {
            throw new AccessDeniedException("The signed-in user belongs to no configured authority");
        }
        return new Actor(UserPseudonyms.of(user), user, user.authority());
    }

    /** Returns whether the person record names the signed-in user, by OIDC issuer and subject. */
    boolean isSignedInPerson(Actor actor, PersonRecord person) {
        return person.oidcIssuer().equals(actor.user().issuer())
                && person.oidcSubject().equals(UserPseudonyms.oidcSubject(actor.user()));
    }
}
