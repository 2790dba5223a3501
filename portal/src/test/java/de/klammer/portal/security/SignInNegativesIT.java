package de.klammer.portal.security;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import de.klammer.portal.IntegrationTest;
import de.klammer.portal.browser.PortalBrowser;
import de.klammer.portal.security.ScriptedIdentityProvider.TokenDefect;
import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.openqa.selenium.By;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Drives the real authorization-code flow against {@link ScriptedIdentityProvider}, registered as two extra
 * authorities: {@code probe}, whose ID tokens carry one defect each, and {@code ghost}, which issues valid tokens
 * but whose row in the authority table points to another issuer.
 */
@IntegrationTest
class SignInNegativesIT {

    private static final String CLIENT_ID = "klammer-portal";
    private static final ScriptedIdentityProvider PROVIDER = ScriptedIdentityProvider.start(CLIENT_ID, List.of("AUDITOR"));

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    private final ListAppender<ILoggingEvent> failureLog = new ListAppender<>();
    private final Logger failureLogger = (Logger) LoggerFactory.getLogger(SignInFailureHandler.class);

    @DynamicPropertySource
    static void registerScriptedAuthorities(DynamicPropertyRegistry registry) {
        // A list property comes whole from one property source, so the demo authorities are repeated here.
        authority(registry, 0, "bamf", "Bundesamt für Migration und Flüchtlinge", "BamfMSP",
                "http://127.0.0.1:${klammer.portal.demo-idp.port}/bamf", "demo-secret-bamf");
        authority(registry, 1, "lds", "Landesdirektion Sachsen", "LdsMSP",
                "http://127.0.0.1:${klammer.portal.demo-idp.port}/lds", "demo-secret-lds");
        authority(registry, 2, "probe", "Probebehörde", "ProbeMSP", PROVIDER.issuer("probe"), "probe-secret");
        authority(registry, 3, "ghost", "Geisterbehörde", "GhostMSP", PROVIDER.issuer("ghost"), "ghost-secret");
    }

    private static void authority(
            DynamicPropertyRegistry registry, int index, String code, String name, String mspId, String issuer,
            String secret) {
        String prefix = "klammer.portal.authorities[" + index + "].";
        registry.add(prefix + "code", () -> code);
        registry.add(prefix + "name", () -> name);
        registry.add(prefix + "msp-id", () -> mspId);
        registry.add(prefix + "issuer", () -> issuer);
        registry.add(prefix + "client-id", () -> CLIENT_ID);
        registry.add(prefix + "client-secret", () -> secret);
    }

    @AfterAll
    static void stopProvider() {
        PROVIDER.close();
    }

    @BeforeEach
    void captureFailureLog() {
        failureLog.start();
        failureLogger.addAppender(failureLog);
        PROVIDER.issueTokensWith(TokenDefect.NONE);
    }

    @AfterEach
    void releaseFailureLog() {
        failureLogger.detachAppender(failureLog);
        failureLog.stop();
    }

    @Test
    void acceptsValidTokenFromProbeAuthority() throws Exception {
        PortalSession session = new PortalSession();

        HttpResponse<String> callback = session.signInThrough("probe");

        assertThat(callback.statusCode()).isEqualTo(302);
        assertThat(callback.headers().firstValue("Location")).hasValueSatisfying(
                location -> assertThat(location).doesNotContain("error"));
        assertThat(session.get("/channel").statusCode()).isEqualTo(200);
        assertThat(failureLog.list).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(value = TokenDefect.class, names = "NONE", mode = EnumSource.Mode.EXCLUDE)
    void rejectsDefectiveIdToken(TokenDefect defect) throws Exception {
        PROVIDER.issueTokensWith(defect);
        PortalSession session = new PortalSession();

        HttpResponse<String> callback = session.signInThrough("probe");

        assertThat(callback.statusCode()).isEqualTo(302);
        assertThat(callback.headers().firstValue("Location"))
                .hasValueSatisfying(location -> assertThat(location).contains("/login?error=" + expectedError(defect)));
        HttpResponse<String> view = session.get("/channel");
        assertThat(view.statusCode()).isEqualTo(302);
        assertThat(view.headers().firstValue("Location")).hasValueSatisfying(
                location -> assertThat(location).endsWith("/login"));
        assertThat(failureLog.list).hasSize(1);
        assertThat(failureLog.list.getFirst().getLevel()).isEqualTo(Level.WARN);
        assertThat(failureLog.list.getFirst().getFormattedMessage())
                .startsWith("Rejected OIDC sign-in: ")
                .contains(expectedReason(defect));
    }

    @Test
    void redirectsUnknownAuthorityToSignInPage() throws Exception {
        PortalSession session = new PortalSession();

        HttpResponse<String> start = session.get("/oauth2/authorization/nowhere");

        assertThat(start.statusCode()).isEqualTo(302);
        assertThat(start.headers().firstValue("Location")).hasValueSatisfying(
                location -> assertThat(location).endsWith("/login?error=authority_unavailable"));
        assertThat(failureLog.list).hasSize(1);
        assertThat(failureLog.list.getFirst().getKeyValuePairs().toString()).contains("nowhere");
    }

    @Test
    void rejectsCallbackWithoutAuthorizationRequest() throws Exception {
        PortalSession session = new PortalSession();

        HttpResponse<String> callback = session.get("/login/oauth2/code/probe?code=forged&state=forged");

        assertThat(callback.statusCode()).isEqualTo(302);
        assertThat(callback.headers().firstValue("Location")).hasValueSatisfying(
                location -> assertThat(location).endsWith("/login?error=authorization_request_not_found"));
        assertThat(session.get("/channel").statusCode()).isEqualTo(302);
    }

    @Test
    void explainsRejectedTokenOnSignInPage() throws IOException {
        PROVIDER.issueTokensWith(TokenDefect.WRONG_AUDIENCE);
        try (PortalBrowser browser = PortalBrowser.open(baseUrl())) {
            browser.openPage("/oauth2/authorization/probe");

            assertThat(browser.text(By.id("login-error"))).contains("Anmeldetoken", "ungültig");
            assertThat(browser.elements(By.id("sign-in-probe"))).hasSize(1);
        }
    }

    @Test
    void explainsAuthorityMissingFromTable() throws IOException {
        jdbc.sql("update authority set oidc_issuer = ? where code = 'ghost'")
                .param(PROVIDER.issuer("ghost") + "-moved")
                .update();
        try (PortalBrowser browser = PortalBrowser.open(baseUrl())) {
            browser.openPage("/oauth2/authorization/ghost");

            assertThat(browser.text(By.id("access-denied-reason")))
                    .contains(PROVIDER.issuer("ghost"), "keiner Behörde");
            assertThat(browser.elements(By.id("main-navigation"))).isEmpty();
        }
    }

    private static String expectedError(TokenDefect defect) {
        return defect == TokenDefect.BAD_NONCE ? "invalid_nonce" : "invalid_id_token";
    }

    private static String expectedReason(TokenDefect defect) {
        return switch (defect) {
            case WRONG_ISSUER -> "iss";
            case WRONG_AUDIENCE -> "aud";
            case BAD_NONCE -> "nonce";
            case EXPIRED -> "exp";
            case UNSIGNED -> "alg";
            case NONE -> throw new IllegalArgumentException("A valid token has no rejection reason");
        };
    }

    private String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    /** A browser-like HTTP session that keeps cookies and follows redirects only on request. */
    private final class PortalSession {

        private final HttpClient client = HttpClient.newBuilder()
                .cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();

        /** Starts sign-in at the authority, follows the provider's redirect and returns the portal's callback response. */
        HttpResponse<String> signInThrough(String authorityCode) throws IOException, InterruptedException {
            HttpResponse<String> start = get("/oauth2/authorization/" + authorityCode);
            assertThat(start.statusCode()).isEqualTo(302);
            HttpResponse<String> authorize = send(URI.create(start.headers().firstValue("Location").orElseThrow()));
            assertThat(authorize.statusCode()).isEqualTo(302);
            return send(URI.create(authorize.headers().firstValue("Location").orElseThrow()));
        }

        HttpResponse<String> get(String path) throws IOException, InterruptedException {
            return send(URI.create(baseUrl() + path));
        }

        private HttpResponse<String> send(URI uri) throws IOException, InterruptedException {
            return client.send(HttpRequest.newBuilder(uri).GET().build(), HttpResponse.BodyHandlers.ofString());
        }
    }
}
