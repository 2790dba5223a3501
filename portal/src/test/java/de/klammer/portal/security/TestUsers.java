package de.klammer.portal.security;

import de.klammer.portal.authority.Authority;
import de.klammer.portal.authority.AuthorityService;
import de.klammer.portal.authority.BoardMember;
import de.klammer.portal.authority.BoardMemberService;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import java.util.UUID;
import org.springframework.security.authentication.TestingAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Creates portal users the way a sign-in would, without a browser: board members are registered with a fresh random
 * subject, and {@link #signIn} puts a user into the security context of the current thread.
 */
public class TestUsers {

    private final AuthorityService authorities;
    private final BoardMemberService boardMembers;

    public TestUsers(AuthorityService authorities, BoardMemberService boardMembers) {
        this.authorities = authorities;
        this.boardMembers = boardMembers;
    }

    /** Registers a new board member of the authority and returns them as a signed-in user would be. */
    public PortalUser boardMember(String authorityCode) {
        Authority authority = authority(authorityCode);
        BoardMember member = boardMembers.registerSignIn(authority, authority.oidcIssuer(), "test-" + UUID.randomUUID());
        return new PortalUser(
                authority.oidcIssuer(),
                ref(authority),
                Set.of(PortalRole.BOARD_MEMBER),
                new PortalUser.BoardMemberRef(member.id(), member.pseudonym()),
                "Test " + member.pseudonym());
    }

    /** Returns a user of the authority with the roles and no board-member record. */
    public PortalUser user(String authorityCode, PortalRole... roles) {
        Authority authority = authority(authorityCode);
        Set<PortalRole> roleSet = roles.length == 0 ? Set.of() : EnumSet.copyOf(Arrays.asList(roles));
        return new PortalUser(authority.oidcIssuer(), ref(authority), roleSet, null, "Test user");
    }

    /**
     * Returns a user of the authority with the roles whose display name replaces a distinct OIDC subject, so that two
     * such users get two pseudonyms, for example a requester and an approver.
     */
    public PortalUser distinctUser(String authorityCode, String subjectStandIn, PortalRole... roles) {
        PortalUser base = user(authorityCode, roles);
        return new PortalUser(base.issuer(), base.authority(), base.roles(), null, subjectStandIn);
    }

    /** Makes the user the signed-in user of the current thread. */
    public static void signIn(PortalUser user) {
        SecurityContextHolder.getContext().setAuthentication(authentication(user));
    }

    /** Returns an authentication of the user with the authorities of their roles, as a sign-in would make it. */
    public static TestingAuthenticationToken authentication(PortalUser user) {
        String[] grantedAuthorities = user.roles().stream().map(PortalRole::authority).toArray(String[]::new);
        TestingAuthenticationToken authentication =
                new TestingAuthenticationToken(new TestPrincipal(user), "n/a", grantedAuthorities);
        authentication.setAuthenticated(true);
        return authentication;
    }

    /** Removes the signed-in user from the current thread. */
    public static void signOut() {
        SecurityContextHolder.clearContext();
    }

    /** Returns the configured authority with the code. */
    public Authority authority(String code) {
        return authorities.findAll().stream()
                .filter(authority -> authority.code().equals(code))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("No authority " + code));
    }

    private static PortalUser.AuthorityRef ref(Authority authority) {
        return new PortalUser.AuthorityRef(authority.id(), authority.code(), authority.name(), authority.mspId());
    }

    private record TestPrincipal(PortalUser portalUser) implements PortalPrincipal {}
}
