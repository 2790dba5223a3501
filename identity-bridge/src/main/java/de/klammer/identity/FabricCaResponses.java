package de.klammer.identity;

import de.klammer.identity.internal.Certificates;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/** Reads the {@code result} members of fabric-ca v1.5 responses into the API records. */
final class FabricCaResponses {

    private FabricCaResponses() {}

    static CaInfo caInfo(JsonNode result) {
        return new CaInfo(
                result.path("CAName").asString(""),
                Certificates.parseCertificates(decodeBase64(result.path("CAChain"))),
                result.path("Version").asString(""));
    }

    /** Reads {@code {"Cert": base64(PEM), "ServerInfo": {"CAChain": base64(PEM)}}}. */
    static Enrollment enrollment(JsonNode result) {
        X509Certificate certificate = Certificates.parseCertificate(decodeBase64(result.path("Cert")));
        String chain = decodeBase64(result.path("ServerInfo").path("CAChain"));
        return new Enrollment(certificate, chain.isBlank() ? List.of() : Certificates.parseCertificates(chain));
    }

    static List<RevokedCertificate> revokedCertificates(JsonNode result) {
        var revoked = new ArrayList<RevokedCertificate>();
        for (JsonNode entry : result.path("RevokedCerts").values()) {
            String aki = entry.path("AKI").asString("").toLowerCase(Locale.ROOT);
            // NOTE: fabric-ca v1.5.21 returns the AKI without leading zeros ("a3b6..." for 0a3b6...). Padding to whole
            // bytes restores one zero nibble, but not a leading zero byte.
            if (aki.length() % 2 == 1) {
                aki = "0" + aki;
            }
            revoked.add(new RevokedCertificate(new BigInteger(entry.path("Serial").asString("0"), 16), aki));
        }
        return List.copyOf(revoked);
    }

    /** Reads the {@code CRL} member (Base64 of a PEM or DER CRL), or returns null when it is absent or empty. */
    static @Nullable X509CRL crl(JsonNode result) {
        String encoded = result.path("CRL").asString("");
        if (encoded.isEmpty()) {
            return null;
        }
        return Certificates.parseCrl(Base64.getDecoder().decode(encoded));
    }

    static IdentityInfo identity(JsonNode node) {
        var attributes = new ArrayList<IdentityAttribute>();
        for (JsonNode attribute : node.path("attrs").values()) {
            attributes.add(new IdentityAttribute(
                    attribute.path("name").asString(""),
                    attribute.path("value").asString(""),
                    attribute.path("ecert").asBoolean(false)));
        }
        return new IdentityInfo(
                node.path("id").asString(""),
                node.path("type").asString(""),
                node.path("affiliation").asString(""),
                attributes,
                node.path("max_enrollments").asInt(0));
    }

    static List<IdentityInfo> identities(JsonNode result) {
        var identities = new ArrayList<IdentityInfo>();
        for (JsonNode node : result.path("identities").values()) {
            identities.add(identity(node));
        }
        return List.copyOf(identities);
    }

    /** Reads {@code {"certs": [{"PEM": "-----BEGIN CERTIFICATE-----…"}]}}. */
    static List<X509Certificate> certificates(JsonNode result) {
        var certificates = new ArrayList<X509Certificate>();
        for (JsonNode node : result.path("certs").values()) {
            certificates.add(Certificates.parseCertificate(node.path("PEM").asString("")));
        }
        return List.copyOf(certificates);
    }

    private static String decodeBase64(JsonNode node) {
        return new String(Base64.getDecoder().decode(node.asString("")), StandardCharsets.US_ASCII);
    }
}
