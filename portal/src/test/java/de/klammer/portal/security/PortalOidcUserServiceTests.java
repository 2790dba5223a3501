package de.klammer.portal.security;

import static org.assertj.core.api.Assertions.assertThat;

import de.klammer.portal.IntegrationTest;
import de.klammer.portal.authority.BoardMemberService;
import de.klammer.portal.authority.TestAuthorities;
import de.klammer.portal.shell.AuthoritySecrets;
import de.klammer.portal.shell.PortalProperties;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.oauth2.core.oidc.OidcIdToken;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;

@IntegrationTest
class PortalOidcUserServiceTests {

    @Autowired
    PortalOidcUserService users;

    @Autowired
    PortalProperties properties;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    AuthoritySecrets secrets;

    @Autowired
    AuthorityStatusCheck statusCheck;

    @Test
    void grantsNoRoleForUnknownIssuer() {
        PortalUser user = users.toPortalUser(oidcUser("http://127.0.0.1:1/unknown", "someone", List.of("BOARD_MEMBER")));

        assertThat(user.authority()).isNull();
        assertThat(user.roles()).isEmpty();
        assertThat(user.boardMember()).isNull();
        assertThat(user.hasAccess()).isFalse();
    }

    @Test
    void ignoresUnknownRoleNames() {
        PortalUser user = users.toPortalUser(oidcUser(bamfIssuer(), "visitor-" + UUID.randomUUID(), List.of("ADMIN")));

        assertThat(user.authority()).isNotNull();
        assertThat(user.roles()).isEmpty();
        assertThat(user.hasAccess()).isFalse();
    }

    @Test
    void registersBoardMemberOnFirstSignInOnly() {
        String subject = "board-" + UUID.randomUUID();

        PortalUser first = users.toPortalUser(oidcUser(bamfIssuer(), subject, List.of("BOARD_MEMBER")));
        PortalUser second = users.toPortalUser(oidcUser(bamfIssuer(), subject, List.of("BOARD_MEMBER")));

        assertThat(first.authority().code()).isEqualTo("bamf");
        assertThat(first.roles()).containsExactly(PortalRole.BOARD_MEMBER);
        assertThat(first.boardMember().pseudonym()).matches("bm-[0-9a-f]{12}");
        assertThat(second.boardMember()).isEqualTo(first.boardMember());
    }

    @Test
    void storesSubjectOnlyAsHash() {
        String subject = "board-" + UUID.randomUUID();

        PortalUser user = users.toPortalUser(oidcUser(bamfIssuer(), subject, List.of("BOARD_MEMBER")));

        String storedHash = jdbc.sql("select subject_hash from board_member where id = ?")
                .param(user.boardMember().id())
                .query(String.class)
                .single();
        assertThat(storedHash).isEqualTo(BoardMemberService.subjectHash(bamfIssuer(), subject));
        long rowsWithSubject = jdbc.sql("select count(*) from board_member b where b::text like ?")
                .param("%" + subject + "%")
                .query(Long.class)
                .single();
        assertThat(rowsWithSubject).isZero();
    }

    @Test
    void grantsNoRoleForArchivedAuthority() {
        String code = "archived-" + Long.toString(System.nanoTime(), 36);
        String issuer = "http://127.0.0.1:1/" + code;
        TestAuthorities rows = new TestAuthorities(jdbc, secrets);
        UUID authorityId = rows.insertActive(code, "Archived " + code, code + "MSP", issuer);
        rows.archive(authorityId);

        PortalUser user = users.toPortalUser(oidcUser(issuer, "board-" + UUID.randomUUID(), List.of("BOARD_MEMBER")));

        assertThat(user.authority()).isNotNull();
        assertThat(user.authority().id()).isEqualTo(authorityId);
        assertThat(user.roles()).isEmpty();
        assertThat(user.boardMember()).as("no board member registered").isNull();
        assertThat(user.hasAccess()).isFalse();
        assertThat(statusCheck.isArchived(user)).isTrue();
        assertThat(jdbc.sql("select count(*) from board_member where authority_id = ?")
                        .param(authorityId)
                        .query(Long.class)
                        .single())
                .isZero();
    }

    private String bamfIssuer() {
        return properties.authorities().getFirst().issuer();
    }

    private static OidcUser oidcUser(String issuer, String subject, List<String> roles) {
        OidcIdToken token = new OidcIdToken(
                "token-value",
                Instant.now(),
                Instant.now().plusSeconds(60),
                Map.of("iss", issuer, "sub", subject, "roles", roles, "name", "Test Person"));
        return new DefaultOidcUser(List.of(), token);
    }
}
