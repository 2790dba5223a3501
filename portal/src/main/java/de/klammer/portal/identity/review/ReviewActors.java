package de.klammer.portal.identity.review;

import de.klammer.identity.PersonRecord;
import de.klammer.portal.security.CurrentUser;
import de.klammer.portal.security.PortalUser;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.stereotype.Component;

/** The signed-in reviewer, known by a pseudonym, and whether a person record is the reviewer themselves. */
@Component
class ReviewActors {

    /** Hex digits of the subject hash in a user pseudonym. */
    private static final int PSEUDONYM_HEX_DIGITS = 16;

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
        return new Actor(pseudonym(user), user, user.authority());
    }

    /** Returns whether the person record names the signed-in user, by OIDC issuer and subject. */
    boolean isSignedInPerson(Actor actor, PersonRecord person) {
        return person.oidcIssuer().equals(actor.user().issuer()) && person.oidcSubject().equals(subject(actor.user()));
    }

    // NOTE: the same pseudonym as the identity lifecycle's requester and approver pseudonyms, so that the audit trail
    // links a reviewer's decisions with their enrolment actions. Keep both derivations equal.
    private static String pseudonym(PortalUser user) {
        if (user.boardMember() != null) {
            return user.boardMember().pseudonym();
        }
        return "user-" + sha256(user.issuer() + "|" + subject(user)).substring(0, PSEUDONYM_HEX_DIGITS);
    }

    /** Returns the OIDC subject; principals without OIDC claims exist only in tests and use the display name. */
    private static String subject(PortalUser user) {
        OidcUser oidc = oidcUser();
        return oidc != null ? oidc.getSubject() : user.displayName();
    }

    private static @Nullable OidcUser oidcUser() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication != null && authentication.getPrincipal() instanceof OidcUser oidc) {
            return oidc;
        }
        return null;
    }

    private static String sha256(String value) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
