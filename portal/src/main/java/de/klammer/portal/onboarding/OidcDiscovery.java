package de.klammer.portal.onboarding;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * Reads and checks an OIDC provider's discovery document ({@code /.well-known/openid-configuration}, OpenID Connect
 * Discovery 1.0 section 4): the issuer must equal the URL the administrator entered, and the provider must offer the
 * authorization, token and JWKS endpoints and the authorization code flow that the portal's sign-in uses.
 */
@Component
public class OidcDiscovery {

    static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
    static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(10);
    /** Discovery documents are a few kilobytes; anything larger is not one. */
    static final int MAX_DOCUMENT_CHARS = 256 * 1024;

    private static final String FIELD = "oidc-issuer";

    private final ObjectMapper json = new ObjectMapper();

    /** Endpoints of a checked provider. */
    public record Provider(String issuer, String authorizationEndpoint, String tokenEndpoint, String jwksUri) {}

    /**
     * Fetches and checks the discovery document of {@code issuer}.
     *
     * @throws OnboardingInputException naming the field {@code oidc-issuer} when the URL is not http(s), the provider
     *     does not respond in time, or the document fails a check
     */
    public Provider check(String issuer) {
        URI issuerUri = parse(issuer);
        URI documentUri = URI.create(stripTrailingSlash(issuer) + "/.well-known/openid-configuration");
        JsonNode document = fetch(issuer, documentUri);

        String announced = document.path("issuer").asString("");
        if (!announced.equals(issuer)) {
            throw new OnboardingInputException(FIELD, "The provider at " + documentUri + " names the issuer '"
                    + announced + "', but the URL entered is '" + issuerUri + "'. Enter exactly the issuer from its"
                    + " discovery document, because sign-in tokens are checked against it.");
        }
        List<String> missing = new ArrayList<>();
        String authorization = requireEndpoint(document, "authorization_endpoint", missing);
        String token = requireEndpoint(document, "token_endpoint", missing);
        String jwks = requireEndpoint(document, "jwks_uri", missing);
        if (!missing.isEmpty()) {
            throw new OnboardingInputException(FIELD, "The discovery document of " + issuer + " lacks "
                    + String.join(", ", missing) + "; the portal needs them for the authorization code flow.");
        }
        if (!supportsCodeFlow(document)) {
            throw new OnboardingInputException(FIELD, "The provider " + issuer + " does not list 'code' in"
                    + " response_types_supported; enable the authorization code flow for the portal's client.");
        }
        return new Provider(issuer, authorization, token, jwks);
    }

    private static URI parse(String issuer) {
        URI uri;
        try {
            uri = new URI(issuer.strip());
        } catch (URISyntaxException e) {
            throw new OnboardingInputException(FIELD, "The issuer '" + issuer + "' is not a valid URL: "
                    + e.getReason() + ". Enter a URL such as https://login.example.de/realms/authority.", e);
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if ((!scheme.equals("https") && !scheme.equals("http")) || uri.getHost() == null) {
            throw new OnboardingInputException(FIELD, "The issuer '" + issuer + "' must be an http or https URL with"
                    + " a host, such as https://login.example.de/realms/authority.");
        }
        if (uri.getRawQuery() != null || uri.getRawFragment() != null) {
            throw new OnboardingInputException(FIELD, "The issuer '" + issuer + "' must not have a query or fragment"
                    + " (OpenID Connect Core 1.0 section 2).");
        }
        return uri;
    }

    private JsonNode fetch(String issuer, URI documentUri) {
        HttpRequest request = HttpRequest.newBuilder(documentUri)
                .timeout(REQUEST_TIMEOUT)
                .header("Accept", "application/json")
                .GET()
                .build();
        try (HttpClient client = HttpClient.newBuilder()
                .connectTimeout(CONNECT_TIMEOUT)
                .followRedirects(HttpClient.Redirect.NEVER)
                .build()) {
            HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new OnboardingInputException(FIELD, "The provider returned HTTP " + response.statusCode()
                        + " for " + documentUri + "; check the issuer URL " + issuer + ".");
            }
            if (response.body().length() > MAX_DOCUMENT_CHARS) {
                throw new OnboardingInputException(FIELD, "The response from " + documentUri + " is larger than "
                        + MAX_DOCUMENT_CHARS + " characters, so it is no discovery document; check the issuer URL.");
            }
            return json.readTree(response.body());
        } catch (HttpTimeoutException e) {
            throw new OnboardingInputException(FIELD, "The provider at " + documentUri + " did not respond within "
                    + REQUEST_TIMEOUT.toSeconds() + " seconds; check the issuer URL and that the provider is up.", e);
        } catch (IOException e) {
            throw new OnboardingInputException(FIELD, "The provider at " + documentUri + " cannot be reached ("
                    + e.getClass().getSimpleName() + "); check the issuer URL and that the provider is up.", e);
        } catch (JacksonException e) {
            throw new OnboardingInputException(FIELD, "The response from " + documentUri + " is not JSON; check that "
                    + issuer + " is the issuer URL and not the sign-in page.", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new OnboardingInputException(FIELD, "Reading " + documentUri + " was interrupted; try again.", e);
        }
    }

    private static String requireEndpoint(JsonNode document, String name, List<String> missing) {
        String value = document.path(name).asString("");
        if (value.isBlank()) {
            missing.add(name);
        }
        return value;
    }

    private static boolean supportsCodeFlow(JsonNode document) {
        for (JsonNode type : document.path("response_types_supported").values()) {
            if (type.asString("").equals("code")) {
                return true;
            }
        }
        return false;
    }

    private static String stripTrailingSlash(String issuer) {
        return issuer.endsWith("/") ? issuer.substring(0, issuer.length() - 1) : issuer;
    }
}
