package de.klammer.ledger.internal;

import com.google.protobuf.ByteString;
import de.klammer.ledger.CertificateInfo;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.CertificateEncodingException;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import javax.security.auth.x500.X500Principal;

/** Parses PEM certificates as Fabric stores them in MSP definitions and identities. */
public final class Certificates {

    private Certificates() {}

    /** Parses every certificate in a PEM text (Fabric also accepts several in one entry). */
    public static List<X509Certificate> parseAll(ByteString pem) {
        try {
            CertificateFactory factory = CertificateFactory.getInstance("X.509");
            List<X509Certificate> result = new ArrayList<>();
            for (var certificate : factory.generateCertificates(new ByteArrayInputStream(pem.toByteArray()))) {
                result.add((X509Certificate) certificate);
            }
            return result;
        } catch (CertificateException e) {
            throw new IllegalArgumentException("Invalid certificate: " + e.getMessage(), e);
        }
    }

    /** Parses exactly one certificate. */
    public static X509Certificate parse(ByteString pem) {
        List<X509Certificate> certificates = parseAll(pem);
        if (certificates.size() != 1) {
            throw new IllegalArgumentException("Expected one certificate, found " + certificates.size());
        }
        return certificates.getFirst();
    }

    /** Returns the RFC 2253 subject of a PEM certificate. */
    public static String subjectOf(ByteString pem) {
        return parse(pem).getSubjectX500Principal().getName(X500Principal.RFC2253);
    }

    /** Describes every certificate of a list of PEM entries. */
    public static List<CertificateInfo> describe(List<ByteString> pems) {
        List<CertificateInfo> result = new ArrayList<>();
        for (ByteString pem : pems) {
            for (X509Certificate certificate : parseAll(pem)) {
                result.add(describe(certificate));
            }
        }
        return result;
    }

    /** Describes one certificate. */
    public static CertificateInfo describe(X509Certificate certificate) {
        return new CertificateInfo(
                certificate.getSubjectX500Principal().getName(X500Principal.RFC2253),
                fingerprint(certificate),
                certificate.getNotAfter().toInstant(),
                toPem(certificate));
    }

    /** Returns the lower-case hex SHA-256 of the DER encoding. */
    public static String fingerprint(X509Certificate certificate) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(certificate.getEncoded()));
        } catch (CertificateEncodingException | NoSuchAlgorithmException e) {
            throw new IllegalStateException("Cannot hash certificate", e);
        }
    }

    /** Encodes a certificate as PEM text. */
    public static String toPem(X509Certificate certificate) {
        try {
            String base64 = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                    .encodeToString(certificate.getEncoded());
            return "-----BEGIN CERTIFICATE-----\n" + base64 + "\n-----END CERTIFICATE-----\n";
        } catch (CertificateEncodingException e) {
            throw new IllegalStateException("Cannot encode certificate", e);
        }
    }
}
