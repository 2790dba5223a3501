package de.klammer.portal.onboarding;

import de.klammer.identity.CaInfo;
import de.klammer.identity.CaUnreachableException;
import de.klammer.identity.FabricCaClient;
import de.klammer.identity.FabricCaEndpoint;
import de.klammer.identity.FabricCaException;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * Reads a Fabric CA's certificate chain over its unauthenticated {@code GET cainfo}, through the TLS root the
 * administrator gave, so a wrong URL, CA name or TLS root shows up before the draft goes on.
 */
@Component
public class CaProbe {

    /** Time allowed for connecting to the CA and for its response. */
    static final Duration TIMEOUT = Duration.ofSeconds(10);

    /** A reachable CA: its name as it reports it and its chain, PEM, leaf first as cainfo returns it. */
    public record CaChain(String caName, List<X509Certificate> chain, String chainPem) {}

    /**
     * Fetches the chain of the CA.
     *
     * @throws OnboardingInputException naming {@code ca-url}, {@code ca-name} or {@code ca-tls-root} when a value is
     *     invalid or the CA cannot be reached with it
     */
    public CaChain fetch(String url, String caName, String tlsRootPem) {
        X509Certificate tlsRoot = parseCertificate(tlsRootPem);
        FabricCaEndpoint endpoint;
        try {
            endpoint = new FabricCaEndpoint(new URI(url.strip()), caName.strip(), tlsRoot, TIMEOUT);
        } catch (URISyntaxException e) {
            throw new OnboardingInputException("ca-url", "The CA URL '" + url + "' is not a valid URL: "
                    + e.getReason() + ". Enter it as https://host:port.", e);
        } catch (IllegalArgumentException e) {
            String field = e.getMessage() != null && e.getMessage().contains("caName") ? "ca-name" : "ca-url";
            throw new OnboardingInputException(field, e.getMessage(), e);
        }
        CaInfo info;
        try {
            info = FabricCaClient.fetchCaInfo(endpoint);
        } catch (CaUnreachableException e) {
            throw new OnboardingInputException("ca-url", "The Fabric CA at " + url + " cannot be reached: "
                    + e.getMessage() + ". Check the URL, that the CA runs, and that the TLS root certificate is the"
                    + " one its TLS server certificate chains to.", e);
        } catch (FabricCaException e) {
            throw new OnboardingInputException("ca-name", "The Fabric CA at " + url + " rejected the cainfo request"
                    + " for CA name '" + caName + "': " + e.getMessage() + ". Enter the name the CA serves"
                    + " (ca.name in fabric-ca-server-config.yaml).", e);
        }
        if (info.caChain().isEmpty()) {
            throw new OnboardingInputException("ca-url", "The Fabric CA at " + url + " returned no certificate chain"
                    + " in cainfo; check that it is a Fabric CA server.");
        }
        return new CaChain(info.caName(), info.caChain(), toPem(info.caChain()));
    }

    /** Parses one PEM certificate, naming the field {@code ca-tls-root} when it is not one. */
    static X509Certificate parseCertificate(String pem) {
        if (pem.isBlank()) {
            throw new OnboardingInputException("ca-tls-root", "The TLS root certificate is missing; paste or upload"
                    + " the PEM of the CA that issued the Fabric CA's TLS server certificate.");
        }
        try {
            return (X509Certificate) CertificateFactory.getInstance("X.509")
                    .generateCertificate(new ByteArrayInputStream(pem.strip().getBytes(StandardCharsets.US_ASCII)));
        } catch (CertificateException | ClassCastException e) {
            throw new OnboardingInputException("ca-tls-root", "The TLS root certificate is not a PEM X.509"
                    + " certificate: " + e.getMessage() + ". Paste the text from -----BEGIN CERTIFICATE----- to"
                    + " -----END CERTIFICATE-----.", e);
        }
    }

    /** Encodes certificates as concatenated PEM blocks. */
    static String toPem(List<X509Certificate> certificates) {
        StringBuilder pem = new StringBuilder();
        Base64.Encoder encoder = Base64.getMimeEncoder(64, new byte[] {'\n'});
        for (X509Certificate certificate : certificates) {
            try {
                pem.append("-----BEGIN CERTIFICATE-----\n")
                        .append(encoder.encodeToString(certificate.getEncoded()))
                        .append("\n-----END CERTIFICATE-----\n");
            } catch (java.security.cert.CertificateEncodingException e) {
                throw new IllegalStateException("Certificate " + certificate.getSubjectX500Principal()
                        + " cannot be encoded", e);
            }
        }
        return pem.toString();
    }

    /** Parses concatenated PEM blocks as {@link #toPem} writes them. */
    static List<X509Certificate> parseChain(String pem) {
        try {
            return CertificateFactory.getInstance("X.509")
                    .generateCertificates(new ByteArrayInputStream(pem.getBytes(StandardCharsets.US_ASCII)))
                    .stream()
                    .map(X509Certificate.class::cast)
                    .toList();
        } catch (CertificateException e) {
            throw new IllegalStateException("The stored CA chain of the draft cannot be read; fetch it again", e);
        }
    }
}
