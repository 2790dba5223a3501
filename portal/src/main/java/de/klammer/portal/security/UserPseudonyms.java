package de.klammer.portal.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;

/**
 * Pseudonyms that name portal users in the audit trail, votes and identity records. Every feature derives them here,
 * so that the audit trail links one user's actions across features. Stored rows contain these strings, so the formula
 * must not change.
 */
public final class UserPseudonyms {

    /** Hex digits of the subject hash in a user pseudonym: 64 bits, enough to tell the users of a portal apart. */
    private static final int HEX_DIGITS = 16;

    private UserPseudonyms() {}

    /** Returns the board-member pseudonym of the user, or {@link #ofSubject(PortalUser)} for other users. */
    public static String of(PortalUser user) {
        if (user.boardMember() != null) {
            return user.boardMember().pseudonym();
        }
        return ofSubject(user);
    }

    /**
     * Returns {@code user-} and the first 16 hex digits of the SHA-256 of the user's OIDC issuer and subject, also for
     * board members.
     */
    public static String ofSubject(PortalUser user) {
        return of(user.issuer(), oidcSubject(user));
    }

    /** Returns {@code user-} and the first 16 hex digits of the SHA-256 of {@code issuer|subject}. */
    public static String of(String issuer, String subject) {
        return "user-" + sha256(issuer + "|" + subject).substring(0, HEX_DIGITS);
    }

    /**
     * Returns the OIDC subject of the signed-in user. Principals without OIDC claims exist only in tests, so their
     * display name is used as the subject.
     */
    public static String oidcSubject(PortalUser user) {
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
