package de.klammer.portal.authority;

import java.util.UUID;

/**
 * A participating authority, which is one organisation on the Fabric channel.
 *
 * @param id database id
 * @param code short lower-case code, for example {@code bamf}
 * @param name display name
 * @param mspId Fabric MSP id
 * @param oidcIssuer issuer URL of the authority's OIDC provider
 */
public record Authority(UUID id, String code, String name, String mspId, String oidcIssuer) {}
