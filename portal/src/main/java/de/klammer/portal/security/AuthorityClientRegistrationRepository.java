package de.klammer.portal.security;

import de.klammer.portal.authority.Authority;
import de.klammer.portal.authority.AuthorityService;
import de.klammer.portal.authority.OnboardedOidcClient;
import de.klammer.portal.shell.PortalProperties;
import de.klammer.portal.shell.PortalProperties.AuthorityProperties;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.registration.ClientRegistrations;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.stereotype.Component;

/**
 * One OAuth2 client registration per configured authority, and per active authority onboarded in the portal with its
 * OIDC client stored in the {@code authority} table, with the authority code as registration id. Each registration is
 * built from the issuer's discovery document on first use and then cached, so the portal starts even while an
 * identity provider is down, and the in-process demo provider need not run before this bean exists. The registration
 * of an onboarded authority is read from the database on every request and rebuilt when its settings changed, so an
 * archived authority gets none. A failed discovery is logged and retried on the next sign-in.
 */
@Component
public class AuthorityClientRegistrationRepository implements ClientRegistrationRepository {

    private static final Logger log = LoggerFactory.getLogger(AuthorityClientRegistrationRepository.class);

    private final Map<String, AuthorityProperties> authorities;
    private final AuthorityService authorityService;
    private final Map<String, CachedRegistration> registrations = new ConcurrentHashMap<>();

    AuthorityClientRegistrationRepository(PortalProperties properties, AuthorityService authorityService) {
        this.authorities = properties.authorities().stream()
                .collect(Collectors.toUnmodifiableMap(AuthorityProperties::code, Function.identity()));
        this.authorityService = authorityService;
    }

    @Override
    public @Nullable ClientRegistration findByRegistrationId(String registrationId) {
        AuthorityProperties authority = authorities.get(registrationId);
        if (authority == null) {
            return findOnboarded(registrationId);
        }
        return cached(authority, authority.issuer());
    }

    /**
     * Returns code and display name of the active authorities onboarded in the portal that have a stored OIDC client
     * and no configured registration, ordered by code, for the sign-in page.
     */
    public Map<String, String> onboardedAuthorityNames() {
        Map<String, String> names = new LinkedHashMap<>();
        for (Authority authority : authorityService.findWithOidcClient()) {
            if (!authorities.containsKey(authority.code())) {
                names.put(authority.code(), authority.name());
            }
        }
        return names;
    }

    private @Nullable ClientRegistration findOnboarded(String code) {
        OnboardedOidcClient client;
        try {
            client = authorityService.findOidcClient(code).orElse(null);
        } catch (RuntimeException e) {
            log.atError()
                    .addKeyValue("authority", code)
                    .setCause(e)
                    .log("Failed to read the stored OIDC client of the authority; sign-in through it fails until the"
                            + " client is entered again");
            return null;
        }
        if (client == null) {
            registrations.remove(code);
            return null;
        }
        return cached(new AuthorityProperties(
                client.code(), client.name(), "", client.issuer(), client.clientId(), client.clientSecret()),
                client.issuer());
    }

    /** Returns the cached registration while the authority's settings stay the same, otherwise discovers anew. */
    private @Nullable ClientRegistration cached(AuthorityProperties authority, String issuer) {
        String registrationId = authority.code();
        try {
            return registrations.compute(registrationId, (id, cached) -> cached != null
                                    && cached.settings().equals(authority)
                            ? cached
                            : new CachedRegistration(authority, discover(authority)))
                    .registration();
        } catch (RuntimeException e) {
            log.atError()
                    .addKeyValue("authority", registrationId)
                    .addKeyValue("issuer", issuer)
                    .setCause(e)
                    .log("Failed to read the OIDC discovery document; sign-in through this authority fails until "
                            + "its provider answers");
            return null;
        }
    }

    private static ClientRegistration discover(AuthorityProperties authority) {
        ClientRegistration registration = ClientRegistrations.fromIssuerLocation(authority.issuer())
                .registrationId(authority.code())
                .clientName(authority.name())
                .clientId(authority.clientId())
                .clientSecret(authority.clientSecret())
                .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                .redirectUri("{baseUrl}/login/oauth2/code/{registrationId}")
                .scope("openid")
                .clientSettings(ClientRegistration.ClientSettings.builder()
                        .requireProofKey(true)
                        .build())
                .build();
        log.atInfo()
                .addKeyValue("authority", authority.code())
                .addKeyValue("issuer", authority.issuer())
                .log("Registered OIDC client from the issuer's discovery document");
        return registration;
    }

    /** A registration with the settings it was built from. */
    private record CachedRegistration(AuthorityProperties settings, ClientRegistration registration) {}
}
