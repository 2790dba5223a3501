package de.klammer.portal.security.demo;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.Map;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Replaces port 0 of the in-process OIDC provider with a free port before any bean is created, so that every
 * placeholder that builds an issuer URL from {@code klammer.portal.demo-idp.port} resolves to the real port. Tests use
 * this to run next to a demo that listens on the default port.
 */
public class DemoIdentityProviderPortAssigner implements EnvironmentPostProcessor, Ordered {

    static final String ENABLED = "klammer.portal.demo-idp.enabled";
    static final String PORT = "klammer.portal.demo-idp.port";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        boolean enabled = environment.getProperty(ENABLED, Boolean.class, false);
        Integer port = environment.getProperty(PORT, Integer.class);
        if (!enabled || port == null || port != 0) {
            return;
        }

        Map<String, Object> assigned = Map.of(PORT, freePort());
        environment.getPropertySources().addFirst(new MapPropertySource("klammerDemoIdpPort", assigned));
    }

    @Override
    public int getOrder() {
        // After the config data post-processor, so that profile-specific files are loaded.
        return Ordered.LOWEST_PRECEDENCE;
    }

    private static int freePort() {
        // NOTE: another process may take the port before the provider binds it; tests accept that small race.
        try (ServerSocket socket = new ServerSocket(0, 0, InetAddress.getByName("127.0.0.1"))) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("Failed to find a free port on 127.0.0.1 for the demo OIDC provider", e);
        }
    }
}
