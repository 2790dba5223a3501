package de.klammer.portal.security;

import java.util.Collection;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.core.oidc.OidcIdToken;
import org.springframework.security.oauth2.core.oidc.OidcUserInfo;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;
import org.jspecify.annotations.Nullable;

/**
 * An OIDC user with the portal's view attached. {@link #getName()} returns the pseudonym or the issuer rather than
 * the {@code sub} claim, so that frameworks that log principal names never log the subject.
 */
public class PortalOidcUser extends DefaultOidcUser implements PortalPrincipal {

    private final PortalUser portalUser;

    public PortalOidcUser(
            Collection<? extends GrantedAuthority> authorities,
            OidcIdToken idToken,
            @Nullable OidcUserInfo userInfo,
            PortalUser portalUser) {
        super(authorities, idToken, userInfo);
        this.portalUser = portalUser;
    }

    @Override
    public PortalUser portalUser() {
        return portalUser;
    }

    @Override
    public String getName() {
        PortalUser.BoardMemberRef boardMember = portalUser.boardMember();
        return boardMember != null ? boardMember.pseudonym() : "user of " + portalUser.issuer();
    }
}
