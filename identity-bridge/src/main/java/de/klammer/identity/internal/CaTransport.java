package de.klammer.identity.internal;

import de.klammer.identity.CaUnreachableException;
import de.klammer.identity.FabricCaEndpoint;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLException;
import javax.net.ssl.TrustManagerFactory;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.MissingNode;

/**
 * Sends requests to one Fabric CA's REST API ({@code /api/v1/<endpoint>?ca=<name>}) over HTTPS, trusting only the
 * endpoint's TLS root certificate, and returns the parsed response. Connection failures become
 * {@link CaUnreachableException}; CA errors are returned for the caller to map.
 */
public final class CaTransport {

    private static final Logger log = LoggerFactory.getLogger(CaTransport.class);

    private static final String API_PREFIX = "/api/v1/";
    private static final Pattern PATH_SEGMENT = Pattern.compile("[A-Za-z0-9._@-]+");

    private final FabricCaEndpoint endpoint;
    private final HttpClient httpClient;
    private final JsonMapper json = JsonMapper.builder().build();

    public CaTransport(FabricCaEndpoint endpoint) {
        this.endpoint = endpoint;
        this.httpClient = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(endpoint.timeout())
                .sslContext(sslContextTrusting(endpoint))
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    public FabricCaEndpoint endpoint() {
        return endpoint;
    }

    public JsonMapper json() {
        return json;
    }

    /**
     * Checks that a value can be used as one path segment (such as the ID in {@code identities/{id}}) without
     * encoding, so that the signed request URI and the one the server receives are the same.
     */
    public static String pathSegment(String value) {
        if (!PATH_SEGMENT.matcher(value).matches()) {
            throw new IllegalArgumentException("Invalid enrollment ID '" + value
                    + "': only letters, digits and . _ @ - are supported by this client");
        }
        return value;
    }

    /**
     * Sends a request and returns the CA's response, successful or not.
     *
     * @param path endpoint path below {@code /api/v1/}, for example {@code identities/kid-abc}
     * @param query query parameters besides {@code ca}, in order
     * @param body JSON body, or null for none
     */
    public CaResponse send(
            String method,
            String path,
            Map<String, String> query,
            @Nullable JsonNode body,
            CaAuthorization authorization) {
        String requestUri = requestUri(path, query);
        byte[] bodyBytes = body == null ? new byte[0] : json.writeValueAsBytes(body);
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl() + requestUri))
                .timeout(endpoint.timeout())
                .header("Accept", "application/json");
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        switch (authorization) {
            case CaAuthorization.None none -> {}
            case CaAuthorization.Secret secret -> request.header("Authorization", secret.headerValue());
            case CaAuthorization.Token token ->
                request.header(
                        "Authorization", AuthorizationTokens.create(token.identity(), method, requestUri, bodyBytes));
        }
        request.method(
                method,
                bodyBytes.length == 0
                        ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofByteArray(bodyBytes));

        HttpResponse<byte[]> response = exchange(request.build(), method, path);
        log.atDebug()
                .addKeyValue("ca", endpoint.caName())
                .addKeyValue("status", response.statusCode())
                .log("Fabric CA answered {} {}", method, path);
        return parse(response);
    }

    private String baseUrl() {
        String url = endpoint.url().toString();
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    private String requestUri(String path, Map<String, String> query) {
        var parameters = new LinkedHashMap<String, String>();
        parameters.put("ca", endpoint.caName());
        parameters.putAll(query);
        var uri = new StringBuilder(API_PREFIX).append(path);
        char separator = '?';
        for (var parameter : parameters.entrySet()) {
            uri.append(separator)
                    .append(parameter.getKey())
                    .append('=')
                    .append(URLEncoder.encode(parameter.getValue(), StandardCharsets.UTF_8));
            separator = '&';
        }
        return uri.toString();
    }

    private HttpResponse<byte[]> exchange(HttpRequest request, String method, String path) {
        String operation = method + " " + API_PREFIX + path;
        try {
            return httpClient.send(request, HttpResponse.BodyHandlers.ofByteArray());
        } catch (HttpConnectTimeoutException e) {
            throw new CaUnreachableException(
                    endpoint, operation, "connecting timed out after " + endpoint.timeout(), e);
        } catch (HttpTimeoutException e) {
            throw new CaUnreachableException(endpoint, operation, "no response within " + endpoint.timeout(), e);
        } catch (ConnectException e) {
            throw new CaUnreachableException(endpoint, operation, "connection failed (" + e + ")", e);
        } catch (SSLException e) {
            throw new CaUnreachableException(
                    endpoint,
                    operation,
                    "TLS handshake failed (" + e.getMessage()
                            + "); check that the CA's TLS certificate chains to the configured TLS root and names the"
                            + " host",
                    e);
        } catch (IOException e) {
            throw new CaUnreachableException(endpoint, operation, "I/O error (" + e + ")", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CaUnreachableException(endpoint, operation, "interrupted while waiting for the response", e);
        }
    }

    private CaResponse parse(HttpResponse<byte[]> response) {
        JsonNode root;
        try {
            root = json.readTree(response.body());
        } catch (JacksonException e) {
            String text = new String(response.body(), StandardCharsets.UTF_8);
            return new CaResponse(
                    response.statusCode(),
                    false,
                    MissingNode.getInstance(),
                    List.of(new CaResponse.CaError(0, "Response is not JSON: " + truncate(text))));
        }
        List<CaResponse.CaError> errors = new ArrayList<>();
        for (JsonNode error : root.path("errors").values()) {
            errors.add(new CaResponse.CaError(
                    error.path("code").asInt(0), error.path("message").asString("")));
        }
        boolean success = root.path("success").asBoolean(false) && response.statusCode() < 300;
        return new CaResponse(response.statusCode(), success, root.path("result"), List.copyOf(errors));
    }

    private static String truncate(String text) {
        return text.length() <= 200 ? text : text.substring(0, 200) + "…";
    }

    private static SSLContext sslContextTrusting(FabricCaEndpoint endpoint) {
        try {
            KeyStore trustStore = KeyStore.getInstance(KeyStore.getDefaultType());
            trustStore.load(null, null);
            trustStore.setCertificateEntry("fabric-ca-tls-root", endpoint.tlsRootCertificate());
            var trustManagers = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            trustManagers.init(trustStore);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, trustManagers.getTrustManagers(), null);
            return context;
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException("Cannot set up TLS trust for Fabric CA " + endpoint.caName(), e);
        }
    }
}
