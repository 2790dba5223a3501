package de.klammer.identity;

import de.klammer.identity.internal.Certificates;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.Objects;

/**
 * Address of one Fabric CA: its HTTPS base URL, the CA name sent with each request, the root certificate that the
 * CA's TLS server certificate chains to, and the timeout for connecting and for each request.
 */
public record FabricCaEndpoint(URI url, String caName, X509Certificate tlsRootCertificate, Duration timeout) {

    /** Timeout used by {@link #of(URI, String, Path)}. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);

    public FabricCaEndpoint {
        Objects.requireNonNull(url, "url must not be null");
        Objects.requireNonNull(caName, "caName must not be null");
        Objects.requireNonNull(tlsRootCertificate, "tlsRootCertificate must not be null");
        Objects.requireNonNull(timeout, "timeout must not be null");
        if (!"https".equals(url.getScheme()) || url.getHost() == null) {
            throw new IllegalArgumentException("Fabric CA URL must be https://host:port, but is '" + url
                    + "'. Enable TLS on the CA, because enrollment secrets and keys travel in the requests.");
        }
        if (url.getRawPath() != null && !url.getRawPath().isEmpty() && !"/".equals(url.getRawPath())) {
            throw new IllegalArgumentException(
                    "Fabric CA URL must not have a path, but '" + url + "' has. The client adds /api/v1/ itself.");
        }
        if (caName.isBlank()) {
            throw new IllegalArgumentException("caName must not be blank; use the CA name from GET /cainfo");
        }
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("timeout must be positive, but is " + timeout);
        }
    }

    /** Reads the TLS root certificate from a PEM file and uses {@link #DEFAULT_TIMEOUT}. */
    public static FabricCaEndpoint of(URI url, String caName, Path tlsRootCertificatePem) {
        try {
            String pem = Files.readString(tlsRootCertificatePem);
            return new FabricCaEndpoint(url, caName, Certificates.parseCertificate(pem), DEFAULT_TIMEOUT);
        } catch (IOException e) {
            throw new UncheckedIOException(
                    "Cannot read the TLS root certificate of Fabric CA " + caName + " from " + tlsRootCertificatePem,
                    e);
        }
    }

    /** Returns the same endpoint with another timeout. */
    public FabricCaEndpoint withTimeout(Duration newTimeout) {
        return new FabricCaEndpoint(url, caName, tlsRootCertificate, newTimeout);
    }
}
