package de.klammer.portal.security;

import de.klammer.portal.authority.Authority;
import de.klammer.portal.authority.AuthorityService;
import de.klammer.portal.authority.AuthorityStatus;
import de.klammer.portal.authority.BoardMember;
import de.klammer.portal.authority.BoardMemberService;
import de.klammer.portal.shell.PortalProperties;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserService;
import org.springframework.security.oauth2.client.userinfo.OAuth2UserService;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.stereotype.Service;

/**
 * Turns an authenticated OIDC user into a portal user: maps the token's issuer to a configured authority, takes the
 * portal roles from the configured roles claim, and registers board members on their first sign-in. A user whose
 * issuer is no configured authority, whose authority is not active (for example offboarded), or who has no portal
 * role, is still signed in, but without any portal role, and gets a page that explains why.
 */
@Service
public class PortalOidcUserService implements OAuth2UserService<OidcUserRequest, OidcUser> {

    private static final Logger log = LoggerFactory.getLogger(PortalOidcUserService.class);

    private final OidcUserService delegate = new OidcUserService();
    private final AuthorityService authorities;
    private final BoardMemberService boardMembers;
    private final String rolesClaim;

    PortalOidcUserService(
            AuthorityService authorities, BoardMemberService boardMembers, PortalProperties properties) {
        this.authorities = authorities;
        this.boardMembers = boardMembers;
        this.rolesClaim = properties.rolesClaim();
    }

    @Override
    public OidcUser loadUser(OidcUserRequest request) {
        OidcUser oidcUser = delegate.loadUser(request);
        PortalUser portalUser = toPortalUser(oidcUser);

        List<GrantedAuthority> grantedAuthorities = new ArrayList<>(oidcUser.getAuthorities());
        portalUser.roles().forEach(role -> grantedAuthorities.add(new SimpleGrantedAuthority(role.authority())));
        return new PortalOidcUser(grantedAuthorities, oidcUser.getIdToken(), oidcUser.getUserInfo(), portalUser);
    }

    /** Maps issuer, roles claim and subject of an OIDC user to the portal's view of that user. */
    PortalUser toPortalUser(OidcUser oidcUser) {
        String issuer = String.valueOf(oidcUser.getIssuer());
        String displayName = Optional.ofNullable(oidcUser.getFullName()).orElse("");
        Optional<Authority> authority = authorities.findByIssuer(issuer);
        if (authority.isEmpty()) {
            log.atWarn()
                    .addKeyValue("issuer", issuer)
                    .log("Signed-in user's issuer belongs to no configured authority; granting no portal role");
            return new PortalUser(issuer, null, Set.of(), null, displayName);
        }

        AuthorityStatus status = authorities.statusOf(authority.get().id());
        // NOTE: this runs at sign-in only, so a session opened before the authority was archived keeps its roles.
        if (status != AuthorityStatus.ACTIVE) {
            log.atWarn()
                    .addKeyValue("authority", authority.get().code())
                    .addKeyValue("status", status.databaseValue())
                    .log("Signed-in user's authority is not active; granting no portal role");
            return new PortalUser(issuer, toRef(authority.get()), Set.of(), null, displayName);
        }

        Set<PortalRole> roles = roles(oidcUser.getClaim(rolesClaim));
        PortalUser.BoardMemberRef boardMember = null;
        if (roles.contains(PortalRole.BOARD_MEMBER)) {
            BoardMember member = boardMembers.registerSignIn(authority.get(), issuer, oidcUser.getSubject());
            boardMember = new PortalUser.BoardMemberRef(member.id(), member.pseudonym());
        }
        log.atInfo()
                .addKeyValue("authority", authority.get().code())
                .addKeyValue("roles", roles)
                .addKeyValue("pseudonym", boardMember == null ? "none" : boardMember.pseudonym())
                .log("User signed in");
        return new PortalUser(issuer, toRef(authority.get()), roles, boardMember, displayName);
    }

    private static Set<PortalRole> roles(@Nullable Object claim) {
        Set<PortalRole> roles = EnumSet.noneOf(PortalRole.class);
        if (claim instanceof Collection<?> values) {
            values.forEach(value -> PortalRole.fromClaim(String.valueOf(value)).ifPresent(roles::add));
        } else if (claim instanceof String value) {
            PortalRole.fromClaim(value).ifPresent(roles::add);
        }
        return roles;
    }

    private static PortalUser.AuthorityRef toRef(Authority authority) {
        return new PortalUser.AuthorityRef(authority.id(), authority.code(), authority.name(), authority.mspId());
    }
}
