package de.klammer.portal.governance;

import de.klammer.portal.security.PortalUser;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;

/**
 * Pseudonyms of voters who need not be board members, such as a data protection officer who vetoes: {@code user-}
 * and the first 16 hex digits of the SHA-256 of issuer and subject, the form the identity feature uses too.
 */
final class VoterPseudonyms {

    private static final int HEX_DIGITS = 16;

    private VoterPseudonyms() {}

    static String of(PortalUser user) {
        OidcUser oidc = oidcUser();
        // Principals without OIDC claims exist only in tests, so their display name is used as the subject.
        String subject = oidc != null ? oidc.getSubject() : user.displayName();
        return "user-" + sha256(user.issuer() + "|" + subject).substring(0, HEX_DIGITS);
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
