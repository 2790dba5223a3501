package de.klammer.portal.identity;

import de.klammer.identity.PersonRecord;
import de.klammer.portal.identity.internal.LedgerIdentity;
import de.klammer.portal.security.CurrentUser;
import de.klammer.portal.security.PortalRole;
import de.klammer.portal.security.PortalUser;
import de.klammer.portal.security.UserPseudonyms;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.stereotype.Component;

/**
 * The signed-in user as requester or approver of ledger identities, known by a pseudonym only, and the access rules
 * of the identity views.
 */
@Component
public class IdentityActors {

    /**
     * Stands in for the person in the personal-data checks of a technical system: values that no certificate
     * contains, so that only the e-mail pattern applies.
     */
    static final PersonRecord NO_PERSON =
            new PersonRecord(null, null, null, "urn:klammer:no-person", "urn:klammer:technical-system");

    private final CurrentUser currentUser;

    IdentityActors(CurrentUser currentUser) {
        this.currentUser = currentUser;
    }

    /**
     * A signed-in user of an authority.
     *
     * @param pseudonym the board-member pseudonym, or {@code user-} and a prefix of the SHA-256 of issuer and subject
     */
    record Actor(
            String pseudonym, UUID authorityId, String authorityCode, String mspId, Set<PortalRole> roles) {

        boolean isAdmin() {
            return roles.contains(PortalRole.AUTHORITY_ADMIN);
        }
    }

    /**
     * Returns the signed-in user.
     *
     * @throws IllegalStateException when the user belongs to no authority
     */
    Actor current() {
        PortalUser user = currentUser.require();
        PortalUser.AuthorityRef authority = user.authority();
        if (authority == null) {
            throw new IllegalStateException("The signed-in user belongs to no configured authority");
        }
        return new Actor(UserPseudonyms.of(user), authority.id(), authority.code(), authority.mspId(), user.roles());
    }

    /**
     * Returns the signed-in person as the identity provider released them, for the vault.
     *
     * @throws IllegalStateException when the user did not sign in through OpenID Connect
     */
    PersonRecord signedInPerson() {
        OidcUser oidc = oidcUser();
        if (oidc == null) {
            throw new IllegalStateException("Requesting an identity for yourself needs an OpenID Connect sign-in");
        }
        String familyName = oidc.getFamilyName();
        // A provider that releases only the full name gets it checked as one known value.
        if (familyName == null && oidc.getGivenName() == null) {
            familyName = oidc.getFullName();
        }
        return new PersonRecord(
                oidc.getGivenName(), familyName, oidc.getEmail(), oidc.getIssuer().toString(), oidc.getSubject());
    }

    /** Returns the identity when it belongs to the actor's authority; otherwise it does not exist for the actor. */
    LedgerIdentity requireOwnAuthority(LedgerIdentity identity, Actor actor) {
        if (!identity.authorityId().equals(actor.authorityId())) {
            throw new LedgerIdentityNotFoundException(identity.id());
        }
        return identity;
    }

    /** Returns the identity when the actor requested it or administers its authority. */
    LedgerIdentity requireRequesterOrAdmin(LedgerIdentity identity, Actor actor) {
        requireOwnAuthority(identity, actor);
        if (!actor.isAdmin() && !identity.requester().equals(actor.pseudonym())) {
            throw new LedgerIdentityNotFoundException(identity.id());
        }
        return identity;
    }

    /** Returns whether the actor may see the identity: a clerk sees only their own requests. */
    boolean maySee(LedgerIdentity identity, Actor actor) {
        boolean onlyClerk = actor.roles().equals(Set.of(PortalRole.CLERK));
        return !onlyClerk || identity.requester().equals(actor.pseudonym());
    }

    /**
     * Returns the pseudonym that the person gets as a signed-in portal user without a board-member record, from their
     * OIDC issuer and subject.
     */
    static String holderPseudonym(PersonRecord person) {
        return UserPseudonyms.of(person.oidcIssuer(), person.oidcSubject());
    }

    private static @Nullable OidcUser oidcUser() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication != null && authentication.getPrincipal() instanceof OidcUser oidc) {
            return oidc;
        }
        return null;
    }
}
