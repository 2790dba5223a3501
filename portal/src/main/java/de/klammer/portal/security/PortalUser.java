package de.klammer.portal.security;

import java.io.Serializable;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * The portal's view of the signed-in user. It lives in the HTTP session only; the portal stores none of it.
 *
 * @param issuer OIDC issuer that authenticated the user
 * @param authority the user's authority, or null when the issuer belongs to no configured authority
 * @param roles portal roles from the roles claim; empty when the authority is unknown
 * @param boardMember pseudonymous board-member record, present for users with the board member role
 * @param displayName value of the {@code name} claim for the header; shown, never stored or logged
 */
public record PortalUser(
        String issuer,
        @Nullable AuthorityRef authority,
        Set<PortalRole> roles,
        @Nullable BoardMemberRef boardMember,
        String displayName)
        implements Serializable {

    public PortalUser {
        roles = Set.copyOf(roles);
    }

    /** Returns whether the user has the role. */
    public boolean hasRole(PortalRole role) {
        return roles.contains(role);
    }

    /** Returns whether the issuer belongs to a configured authority and the user has at least one portal role. */
    public boolean hasAccess() {
        return authority != null && !roles.isEmpty();
    }

    /**
     * The user's authority.
     *
     * @param id database id
     * @param code short code, for example {@code bamf}
     * @param name display name
     * @param mspId Fabric MSP id
     */
    public record AuthorityRef(UUID id, String code, String name, String mspId) implements Serializable {}

    /**
     * The user's pseudonymous board-member record.
     *
     * @param id database id
     * @param pseudonym the pseudonym that appears in approvals and the audit trail
     */
    public record BoardMemberRef(UUID id, String pseudonym) implements Serializable {}
}
