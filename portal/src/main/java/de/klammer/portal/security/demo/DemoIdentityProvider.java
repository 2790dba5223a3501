package de.klammer.portal.security.demo;

import de.klammer.portal.shell.PortalProperties;
import de.klammer.portal.shell.PortalProperties.DemoUserProperties;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import no.nav.security.mock.oauth2.MockOAuth2Server;
import no.nav.security.mock.oauth2.OAuth2Config;
import no.nav.security.mock.oauth2.http.MockWebServerWrapper;
import no.nav.security.mock.oauth2.token.OAuth2TokenCallback;
import no.nav.security.mock.oauth2.token.OAuth2TokenProvider;
import no.nav.security.mock.oauth2.token.RequestMapping;
import no.nav.security.mock.oauth2.token.RequestMappingTokenCallback;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.stereotype.Component;
import org.springframework.web.util.HtmlUtils;

/**
 * In-process OpenID Connect provider for the demo profile and the tests, built on mock-oauth2-server 6.0.2. It listens
 * on 127.0.0.1 only and serves one issuer per authority as the first path segment, for example
 * {@code http://127.0.0.1:8090/bamf}.
 *
 * <p>Sign-in is interactive: the user types only a user name on the provider's page. The provider attaches the
 * claims of the matching demo user of that issuer ({@code roles}, {@code name}); a user name that is no demo user of
 * the issuer gets a token without roles. The page's free-form claims field is switched off, so a user cannot type
 * roles in.
 *
 * <p>The portal fetches discovery documents on the first sign-in, not at startup, so this bean need not start before
 * any other.
 */
@Component
@ConditionalOnBooleanProperty("klammer.portal.demo-idp.enabled")
public class DemoIdentityProvider implements InitializingBean, DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(DemoIdentityProvider.class);

    /**
     * Match parameter that mock-oauth2-server 6.0.2 passes to a {@link RequestMappingTokenCallback} after an interactive
     * sign-in; its value is the user name typed on the sign-in page.
     */
    private static final String LOGIN_SUBJECT_PARAM = "subject";

    private static final Duration TOKEN_LIFETIME = Duration.ofHours(1);

    private final PortalProperties.DemoIdpProperties properties;
    private final Path loginPage;
    private final MockOAuth2Server server;

    DemoIdentityProvider(PortalProperties properties) {
        this.properties = properties.demoIdp();
        this.loginPage = writeLoginPage(this.properties.users());
        OAuth2Config config = new OAuth2Config(
                true,
                loginPage.toString(),
                null,
                false,
                new OAuth2TokenProvider(),
                tokenCallbacks(this.properties.users()),
                new MockWebServerWrapper());
        this.server = new MockOAuth2Server(config, new ClaimsFieldRejectingRoute());
    }

    @Override
    public void afterPropertiesSet() throws IOException {
        server.start(InetAddress.getByName("127.0.0.1"), properties.port());
        log.atInfo()
                .addKeyValue("url", "http://127.0.0.1:" + server.baseUrl().port())
                .addKeyValue("users", properties.users().size())
                .log("Started demo OIDC provider");
    }

    @Override
    public void destroy() throws IOException {
        server.shutdown();
        Files.deleteIfExists(loginPage);
        log.info("Stopped demo OIDC provider");
    }

    /** Returns the issuer URL for an issuer id, for example {@code http://127.0.0.1:8090/bamf}. */
    public String issuerUrl(String issuerId) {
        // The server's own issuerUrl() names the host "localhost"; tokens carry the host that the client used.
        return "http://127.0.0.1:" + server.baseUrl().port() + "/" + issuerId;
    }

    private static Set<OAuth2TokenCallback> tokenCallbacks(List<DemoUserProperties> users) {
        Map<String, List<DemoUserProperties>> usersByIssuer = users.stream()
                .collect(Collectors.groupingBy(DemoUserProperties::issuerId, LinkedHashMap::new, Collectors.toList()));
        return usersByIssuer.entrySet().stream()
                .map(entry -> (OAuth2TokenCallback) new RequestMappingTokenCallback(
                        entry.getKey(),
                        entry.getValue().stream().map(DemoIdentityProvider::mapping).toList(),
                        TOKEN_LIFETIME.toSeconds()))
                .collect(Collectors.toUnmodifiableSet());
    }

    private static RequestMapping mapping(DemoUserProperties user) {
        // mock-oauth2-server reads the match value as a regular expression; quoting makes it an exact match.
        return new RequestMapping(
                LOGIN_SUBJECT_PARAM,
                Pattern.quote(user.username()),
                Map.of("roles", user.roles(), "name", user.name()),
                "JWT");
    }

    private static Path writeLoginPage(List<DemoUserProperties> users) {
        try (InputStream template = DemoIdentityProvider.class.getResourceAsStream("login.html")) {
            if (template == null) {
                throw new IllegalStateException("Missing resource login.html next to " + DemoIdentityProvider.class);
            }
            String html = new String(template.readAllBytes(), StandardCharsets.UTF_8)
                    .replace("{{users}}", userListItems(users));
            Path page = Files.createTempFile("klammer-demo-idp-login", ".html");
            Files.writeString(page, html, StandardCharsets.UTF_8);
            return page;
        } catch (IOException e) {
            throw new UncheckedIOException("Failed to write the demo OIDC provider's sign-in page", e);
        }
    }

    private static String userListItems(List<DemoUserProperties> users) {
        return users.stream()
                .map(user -> "<li><code>%s</code> (%s: %s)</li>".formatted(
                        HtmlUtils.htmlEscape(user.username()),
                        HtmlUtils.htmlEscape(user.issuerId().toUpperCase(Locale.ROOT)),
                        HtmlUtils.htmlEscape(String.join(", ", user.roles()))))
                .collect(Collectors.joining("\n"));
    }
}
