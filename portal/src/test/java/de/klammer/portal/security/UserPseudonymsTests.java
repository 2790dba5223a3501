package de.klammer.portal.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.security.authentication.TestingAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.core.oidc.OidcIdToken;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;

class UserPseudonymsTests {

    private static final String ISSUER = "https://idp.bamf.example";

    /** First 16 hex digits of the SHA-256 of {@code https://idp.bamf.example|alice}, computed outside Java. */
    private static final String ALICE_PSEUDONYM = "user-e88558b5f1eebfda";

    @AfterEach
    void clearSecurityContext() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void hashesIssuerAndSubject() {
        assertThat(UserPseudonyms.of(ISSUER, "alice")).isEqualTo(ALICE_PSEUDONYM);
    }

    @Test
    void readsSubjectFromOidcPrincipal() {
        OidcIdToken token = new OidcIdToken(
                "token", Instant.now(), Instant.now().plusSeconds(60), Map.of("sub", "alice", "iss", ISSUER));
        DefaultOidcUser oidcUser = new DefaultOidcUser(List.of(), token);
        SecurityContextHolder.getContext().setAuthentication(new TestingAuthenticationToken(oidcUser, null));

        PortalUser user = user(null, "Alice Example");

        assertThat(UserPseudonyms.oidcSubject(user)).isEqualTo("alice");
        assertThat(UserPseudonyms.of(user)).isEqualTo(ALICE_PSEUDONYM);
    }

    @Test
    void usesDisplayNameWithoutOidcPrincipal() {
        PortalUser user = user(null, "alice");

        assertThat(UserPseudonyms.oidcSubject(user)).isEqualTo("alice");
        assertThat(UserPseudonyms.of(user)).isEqualTo(ALICE_PSEUDONYM);
    }

    @Test
    void prefersBoardMemberPseudonymOnlyInOf() {
        PortalUser user = user(new PortalUser.BoardMemberRef(UUID.randomUUID(), "bamf-board-7"), "alice");

        assertThat(UserPseudonyms.of(user)).isEqualTo("bamf-board-7");
        assertThat(UserPseudonyms.ofSubject(user)).isEqualTo(ALICE_PSEUDONYM);
    }

    private static PortalUser user(PortalUser.@Nullable BoardMemberRef boardMember, String displayName) {
        return new PortalUser(ISSUER, null, Set.of(PortalRole.BOARD_MEMBER), boardMember, displayName);
    }
}
