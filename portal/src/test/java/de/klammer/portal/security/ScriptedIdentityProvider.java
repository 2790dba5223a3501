package de.klammer.portal.security;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * A minimal OpenID Connect provider on 127.0.0.1 whose token endpoint returns an ID token with a chosen defect, for
 * testing how the portal handles bad tokens. It serves several issuers, one per first path segment, with discovery,
 * JWKS, an authorization endpoint that signs in user {@code probe-user} without a page, and a token endpoint. It
 * does not check the client secret or the PKCE verifier.
 */
public final class ScriptedIdentityProvider implements AutoCloseable {

    /** The defect of the next ID token that the token endpoint returns. */
    public enum TokenDefect {
        NONE,
        WRONG_ISSUER,
        WRONG_AUDIENCE,
        BAD_NONCE,
        EXPIRED,
        UNSIGNED
    }

    private static final String KEY_ID = "scripted-key";

    private final HttpServer server;
    private final RSAKey signingKey;
    private final String clientId;
    private final List<String> roles;
    private final Map<String, String> noncesByCode = new ConcurrentHashMap<>();
    private volatile TokenDefect defect = TokenDefect.NONE;

    private ScriptedIdentityProvider(HttpServer server, RSAKey signingKey, String clientId, List<String> roles) {
        this.server = server;
        this.signingKey = signingKey;
        this.clientId = clientId;
        this.roles = List.copyOf(roles);
    }

    /** Starts the provider on a free port; its tokens are for the client id and carry the roles claim. */
    public static ScriptedIdentityProvider start(String clientId, List<String> roles) {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0), 0);
            RSAKey key = new RSAKeyGenerator(2048).keyID(KEY_ID).generate();
            ScriptedIdentityProvider provider = new ScriptedIdentityProvider(server, key, clientId, roles);
            server.createContext("/", provider::handle);
            server.start();
            return provider;
        } catch (IOException e) {
            throw new UncheckedIOException("Failed to start the scripted OIDC provider", e);
        } catch (JOSEException e) {
            throw new IllegalStateException("Failed to generate the scripted OIDC provider's RSA key", e);
        }
    }

    /** Returns the issuer URL of an issuer id, for example {@code http://127.0.0.1:41234/probe}. */
    public String issuer(String issuerId) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/" + issuerId;
    }

    /** Chooses the defect of the ID tokens issued from now on. */
    public void issueTokensWith(TokenDefect defect) {
        this.defect = defect;
    }

    @Override
    public void close() {
        server.stop(0);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String[] segments = exchange.getRequestURI().getPath().split("/", 3);
            if (segments.length < 3) {
                respond(exchange, 404, "text/plain", "not found");
                return;
            }
            String issuer = issuer(segments[1]);
            switch (segments[2]) {
                case ".well-known/openid-configuration" -> respond(exchange, 200, "application/json", discovery(issuer));
                case "jwks" -> respond(exchange, 200, "application/json", new JWKSet(signingKey.toPublicJWK()).toString());
                case "authorize" -> authorize(exchange);
                case "token" -> token(exchange, issuer);
                default -> respond(exchange, 404, "text/plain", "not found");
            }
        } catch (JOSEException e) {
            throw new IllegalStateException("Failed to sign the scripted ID token", e);
        }
    }

    private static String discovery(String issuer) {
        return """
                {"issuer":"%1$s","authorization_endpoint":"%1$s/authorize","token_endpoint":"%1$s/token",\
                "jwks_uri":"%1$s/jwks","response_types_supported":["code"],"subject_types_supported":["public"],\
                "id_token_signing_alg_values_supported":["RS256"],"code_challenge_methods_supported":["S256"],\
                "token_endpoint_auth_methods_supported":["client_secret_basic"]}"""
                .formatted(issuer);
    }

    private void authorize(HttpExchange exchange) throws IOException {
        Map<String, String> query = parameters(exchange.getRequestURI().getRawQuery());
        String code = UUID.randomUUID().toString();
        noncesByCode.put(code, query.getOrDefault("nonce", ""));
        String redirect = query.get("redirect_uri") + "?code=" + code + "&state="
                + URLEncoder.encode(query.getOrDefault("state", ""), StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Location", redirect);
        exchange.sendResponseHeaders(302, -1);
    }

    private void token(HttpExchange exchange, String issuer) throws IOException, JOSEException {
        Map<String, String> form =
                parameters(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
        String nonce = noncesByCode.remove(form.getOrDefault("code", ""));
        if (nonce == null) {
            respond(exchange, 400, "application/json", "{\"error\":\"invalid_grant\"}");
            return;
        }
        String idToken = idToken(issuer, nonce, defect);
        respond(exchange, 200, "application/json", """
                {"access_token":"%s","token_type":"Bearer","expires_in":300,"scope":"openid","id_token":"%s"}"""
                .formatted(UUID.randomUUID(), idToken));
    }

    private String idToken(String issuer, String nonce, TokenDefect defect) throws JOSEException {
        Instant now = Instant.now();
        Instant issuedAt = defect == TokenDefect.EXPIRED ? now.minus(Duration.ofHours(2)) : now;
        JWTClaimsSet claims = new JWTClaimsSet.Builder()
                .issuer(defect == TokenDefect.WRONG_ISSUER ? issuer + "-elsewhere" : issuer)
                .audience(defect == TokenDefect.WRONG_AUDIENCE ? "another-client" : clientId)
                .subject("probe-user")
                .issueTime(Date.from(issuedAt))
                .expirationTime(Date.from(issuedAt.plus(Duration.ofHours(1))))
                .claim("nonce", defect == TokenDefect.BAD_NONCE ? "nonce-of-another-sign-in" : nonce)
                .claim("roles", roles)
                .claim("name", "Probe User")
                .build();
        if (defect == TokenDefect.UNSIGNED) {
            return new PlainJWT(claims).serialize();
        }
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(KEY_ID).build(), claims);
        jwt.sign(new RSASSASigner(signingKey));
        return jwt.serialize();
    }

    private static Map<String, String> parameters(String encoded) {
        if (encoded == null || encoded.isEmpty()) {
            return Map.of();
        }
        return Arrays.stream(encoded.split("&"))
                .map(pair -> pair.split("=", 2))
                .collect(Collectors.toMap(
                        pair -> URLDecoder.decode(pair[0], StandardCharsets.UTF_8),
                        pair -> pair.length == 2 ? URLDecoder.decode(pair[1], StandardCharsets.UTF_8) : "",
                        (first, second) -> first,
                        LinkedHashMap::new));
    }

    private static void respond(HttpExchange exchange, int status, String contentType, String body)
            throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", contentType);
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
    }
}
