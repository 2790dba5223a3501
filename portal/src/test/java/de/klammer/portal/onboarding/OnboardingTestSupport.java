package de.klammer.portal.onboarding;

import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.jspecify.annotations.Nullable;

/** Helpers of the onboarding tests: zips of MSP folders and a local OIDC discovery endpoint. */
final class OnboardingTestSupport {

    private OnboardingTestSupport() {}

    /** Zips the files of a folder with paths relative to it, leaving out {@code keystore/}. */
    static byte[] zip(Path folder) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes); Stream<Path> files = Files.walk(folder)) {
            for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
                String name = folder.relativize(file).toString().replace('\\', '/');
                if (name.startsWith("keystore/")) {
                    continue;
                }
                zip.putNextEntry(new ZipEntry(name));
                zip.write(Files.readAllBytes(file));
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot zip " + folder, e);
        }
        return bytes.toByteArray();
    }

    /** Zips the given entries, name to content. */
    static byte[] zip(Map<String, String> entries) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            for (Map.Entry<String, String> entry : entries.entrySet()) {
                zip.putNextEntry(new ZipEntry(entry.getKey()));
                zip.write(entry.getValue().getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write a zip", e);
        }
        return bytes.toByteArray();
    }

    /**
     * A discovery endpoint on 127.0.0.1 that serves one document under {@code /<path>/.well-known/openid-configuration}.
     * The document's issuer is {@code announcedIssuer}, or the server's own issuer URL when that is null.
     */
    static final class DiscoveryServer implements AutoCloseable {

        private final HttpServer server;
        private final String issuer;

        DiscoveryServer(String path, @Nullable String announcedIssuer, List<String> responseTypes) throws IOException {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            issuer = "http://127.0.0.1:" + server.getAddress().getPort() + "/" + path;
            String announced = announcedIssuer == null ? issuer : announcedIssuer;
            String types = String.join("\", \"", responseTypes);
            String document = """
                    {"issuer": "%s", "authorization_endpoint": "%s/authorize", "token_endpoint": "%s/token",
                     "jwks_uri": "%s/jwks", "response_types_supported": ["%s"]}
                    """.formatted(announced, issuer, issuer, issuer, types);
            server.createContext("/" + path + "/.well-known/openid-configuration", exchange -> {
                byte[] body = document.getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().add("Content-Type", "application/json");
                exchange.sendResponseHeaders(200, body.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(body);
                }
            });
            server.start();
        }

        /** Starts a server whose document names its own URL as issuer and supports the code flow. */
        static DiscoveryServer valid(String path) throws IOException {
            return new DiscoveryServer(path, null, List.of("code"));
        }

        String issuer() {
            return issuer;
        }

        @Override
        public void close() {
            server.stop(0);
        }
    }
}
