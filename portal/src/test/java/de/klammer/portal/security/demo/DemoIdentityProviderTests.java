package de.klammer.portal.security.demo;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import de.klammer.portal.shell.PortalProperties;
import de.klammer.portal.shell.PortalProperties.DemoIdpProperties;
import de.klammer.portal.shell.PortalProperties.DemoUserProperties;
import de.klammer.portal.shell.PortalProperties.EmbeddedDbProperties;
import de.klammer.portal.shell.PortalProperties.SubmitterProperties;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class DemoIdentityProviderTests {

    private static final String CLIENT_ID = "klammer-portal";
    private static final String REDIRECT_URI = "http://127.0.0.1:9/login/oauth2/code/bamf";

    private static DemoIdentityProvider provider;
    private static final HttpClient http =
            HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    @BeforeAll
    static void startProvider() throws IOException {
        DemoIdpProperties demoIdp = new DemoIdpProperties(true, 0, List.of(
                new DemoUserProperties("bamf", "bamf-board-1", "Demo BAMF Gremium 1", List.of("BOARD_MEMBER")),
                new DemoUserProperties("lds", "lds-auditor", "Demo LDS Prüfung", List.of("AUDITOR"))));
        PortalProperties properties = new PortalProperties(
                List.of(),
                "roles",
                "asyl-status",
                new SubmitterProperties(false, Duration.ofSeconds(5), Duration.ofSeconds(5), Duration.ofMinutes(5),
                        Duration.ofSeconds(30), false),
                new EmbeddedDbProperties(null),
                demoIdp);
        provider = new DemoIdentityProvider(properties);
        provider.afterPropertiesSet();
    }

    @AfterAll
    static void stopProvider() throws IOException {
        provider.destroy();
    }

    @Test
    void listensOnLoopbackOnly() {
        assertThat(provider.issuerUrl("bamf")).startsWith("http://127.0.0.1:").endsWith("/bamf");
    }

    @Test
    void servesSignInPageWithoutClaimsField() throws Exception {
        HttpResponse<String> page = send(HttpRequest.newBuilder(authorizeUri("bamf")).GET().build());

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("Demo-Anmeldedienst", "name=\"username\"", "bamf-board-1");
        assertThat(page.body()).doesNotContain("name=\"claims\"");
    }

    @Test
    void attachesRolesOfDemoUser() throws Exception {
        JWTClaimsSet claims = signIn("bamf", "bamf-board-1", "");

        assertThat(claims.getSubject()).isEqualTo("bamf-board-1");
        assertThat(claims.getIssuer()).isEqualTo(provider.issuerUrl("bamf"));
        assertThat(claims.getStringListClaim("roles")).containsExactly("BOARD_MEMBER");
        assertThat(claims.getStringClaim("name")).isEqualTo("Demo BAMF Gremium 1");
        assertThat(claims.getAudience()).containsExactly(CLIENT_ID);
    }

    @Test
    void grantsNoRolesToUnknownUser() throws Exception {
        JWTClaimsSet claims = signIn("bamf", "bamf-visitor", "");

        assertThat(claims.getSubject()).isEqualTo("bamf-visitor");
        assertThat(claims.getClaim("roles")).isNull();
    }

    @Test
    void grantsNoRolesAcrossIssuers() throws Exception {
        JWTClaimsSet claims = signIn("bamf", "lds-auditor", "");

        assertThat(claims.getClaim("roles")).isNull();
    }

    @Test
    void rejectsTypedClaims() throws Exception {
        HttpResponse<String> response = postSignIn("bamf", "bamf-visitor", "{\"roles\":[\"BOARD_MEMBER\"]}");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.headers().firstValue("Location")).isEmpty();
    }

    private JWTClaimsSet signIn(String issuerId, String username, String claims)
            throws IOException, InterruptedException, ParseException {
        HttpResponse<String> login = postSignIn(issuerId, username, claims);
        assertThat(login.statusCode()).isEqualTo(302);
        String location = login.headers().firstValue("Location").orElseThrow();
        Matcher code = Pattern.compile("[?&]code=([^&]+)").matcher(location);
        assertThat(code.find()).as("authorization code in %s", location).isTrue();

        HttpResponse<String> token = send(HttpRequest.newBuilder(URI.create(provider.issuerUrl(issuerId) + "/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(form(Map.of(
                        "grant_type", "authorization_code",
                        "code", urlDecoded(code.group(1)),
                        "redirect_uri", REDIRECT_URI,
                        "client_id", CLIENT_ID,
                        "client_secret", "secret")))
                .build());
        assertThat(token.statusCode()).isEqualTo(200);
        Matcher idToken = Pattern.compile("\"id_token\"\\s*:\\s*\"([^\"]+)\"").matcher(token.body());
        assertThat(idToken.find()).isTrue();
        return SignedJWT.parse(idToken.group(1)).getJWTClaimsSet();
    }

    private HttpResponse<String> postSignIn(String issuerId, String username, String claims)
            throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(authorizeUri(issuerId))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(form(Map.of("username", username, "claims", claims)))
                .build());
    }

    private static URI authorizeUri(String issuerId) {
        return URI.create(provider.issuerUrl(issuerId) + "/authorize?client_id=" + CLIENT_ID
                + "&response_type=code&scope=openid&state=state-1&nonce=nonce-1&redirect_uri="
                + URLEncoder.encode(REDIRECT_URI, StandardCharsets.UTF_8));
    }

    private static HttpRequest.BodyPublisher form(Map<String, String> fields) {
        return HttpRequest.BodyPublishers.ofString(fields.entrySet().stream()
                .map(field -> field.getKey() + "=" + URLEncoder.encode(field.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&")));
    }

    private static String urlDecoded(String value) {
        return java.net.URLDecoder.decode(value, StandardCharsets.UTF_8);
    }

    private static HttpResponse<String> send(HttpRequest request) throws IOException, InterruptedException {
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }
}
