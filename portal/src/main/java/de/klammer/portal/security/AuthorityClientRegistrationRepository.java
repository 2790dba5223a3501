package de.klammer.portal.security;

import de.klammer.portal.shell.PortalProperties;
import de.klammer.portal.shell.PortalProperties.AuthorityProperties;
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
 * One OAuth2 client registration per configured authority, with the authority code as registration id. Each
 * registration is built from the issuer's discovery document on first use and then cached, so the portal starts
 * even while an identity provider is down, and the in-process demo provider need not run before this bean exists.
 * A failed discovery is logged and retried on the next sign-in.
 */
@Component
public class AuthorityClientRegistrationRepository implements ClientRegistrationRepository {

    private static final Logger log = LoggerFactory.getLogger(AuthorityClientRegistrationRepository.class);

    private final Map<String, AuthorityProperties> authorities;
    private final Map<String, ClientRegistration> registrations = new ConcurrentHashMap<>();

    AuthorityClientRegistrationRepository(PortalProperties properties) {
        this.authorities = properties.authorities().stream()
                .collect(Collectors.toUnmodifiableMap(AuthorityProperties::code, Function.identity()));
    }

    @Override
    public @Nullable ClientRegistration findByRegistrationId(String registrationId) {
        AuthorityProperties authority = authorities.get(registrationId);
        if (authority == null) {
            return null;
        }
        try {
            return registrations.computeIfAbsent(registrationId, id -> discover(authority));
        } catch (RuntimeException e) {
            log.atError()
                    .addKeyValue("authority", registrationId)
                    .addKeyValue("issuer", authority.issuer())
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
}
