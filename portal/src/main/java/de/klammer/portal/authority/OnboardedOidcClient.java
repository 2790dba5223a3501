package de.klammer.portal.authority;

/**
 * The OIDC client of an active authority onboarded in the portal, with the client secret opened.
 *
 * @param code authority code, used as the OAuth2 registration id
 * @param name display name of the authority
 * @param issuer issuer URL of the authority's OIDC provider
 * @param clientId the portal's client id at that provider
 * @param clientSecret the portal's client secret; {@link #toString()} leaves it out
 */
public record OnboardedOidcClient(String code, String name, String issuer, String clientId, String clientSecret) {

    @Override
    public String toString() {
        return "OnboardedOidcClient[" + code + ", " + issuer + ", client " + clientId + "]";
    }
}
