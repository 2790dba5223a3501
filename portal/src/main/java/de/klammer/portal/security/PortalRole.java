package de.klammer.portal.security;

import java.util.Arrays;
import java.util.Optional;

/** Roles a user can hold in the portal, as named in the identity provider's roles claim. */
public enum PortalRole {
    BOARD_MEMBER,
    AUTHORITY_ADMIN,
    DPO,
    AUDITOR,
    /** Clerk of an authority who requests a ledger identity for themselves. */
    CLERK,
    /**
     * Administrator of the network operator, who onboards new authorities. The operator runs the shared Fabric
     * network on behalf of the consortium. Its administrators sign in through the identity provider of their own
     * authority.
     */
    NETWORK_OPERATOR;

    /** Spring Security authority name of the role, for example {@code ROLE_BOARD_MEMBER}. */
    public String authority() {
        return "ROLE_" + name();
    }

    /** Parses a value of the roles claim; unknown values yield empty, so foreign roles grant nothing. */
    public static Optional<PortalRole> fromClaim(String value) {
        return Arrays.stream(values()).filter(role -> role.name().equals(value)).findFirst();
    }
}
