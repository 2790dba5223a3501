package de.klammer.identity.internal;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.cert.CRLException;
import java.security.cert.CertificateEncodingException;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import javax.security.auth.x500.X500Principal;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.x500.RDN;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x500.style.IETFUtils;
import org.bouncycastle.asn1.x509.AuthorityKeyIdentifier;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.SubjectKeyIdentifier;
import org.jspecify.annotations.Nullable;

/** PEM and DER conversions of certificates and CRLs, and the few fields Fabric CA works with. */
public final class Certificates {

    private Certificates() {}

    public static X509Certificate parseCertificate(String pem) {
        List<X509Certificate> certificates = parseCertificates(pem);
        if (certificates.size() != 1) {
            throw new IllegalArgumentException(
                    "Expected one PEM certificate, but found " + certificates.size() + ". Pass a single certificate.");
        }
        return certificates.getFirst();
    }

    /** Parses every certificate of a PEM bundle, in order. */
    public static List<X509Certificate> parseCertificates(String pem) {
        try {
            var factory = CertificateFactory.getInstance("X.509");
            var certificates = new ArrayList<X509Certificate>();
            for (var certificate :
                    factory.generateCertificates(new ByteArrayInputStream(pem.getBytes(StandardCharsets.US_ASCII)))) {
                certificates.add((X509Certificate) certificate);
            }
            return List.copyOf(certificates);
        } catch (CertificateException e) {
            throw new IllegalArgumentException("Invalid PEM certificate: " + e.getMessage(), e);
        }
    }

    /** Parses a CRL in PEM or DER form. */
    public static X509CRL parseCrl(byte[] pemOrDer) {
        try {
            var factory = CertificateFactory.getInstance("X.509");
            return (X509CRL) factory.generateCRL(new ByteArrayInputStream(pemOrDer));
        } catch (CertificateException | CRLException e) {
            throw new IllegalArgumentException("Invalid CRL: " + e.getMessage(), e);
        }
    }

    public static String toPem(X509Certificate certificate) {
        try {
            return pem("CERTIFICATE", certificate.getEncoded());
        } catch (CertificateEncodingException e) {
            throw new IllegalStateException("Cannot encode certificate " + certificate.getSubjectX500Principal(), e);
        }
    }

    public static String toPem(X509CRL crl) {
        try {
            return pem("X509 CRL", crl.getEncoded());
        } catch (CRLException e) {
            throw new IllegalStateException("Cannot encode CRL of " + crl.getIssuerX500Principal(), e);
        }
    }

    /** Encodes DER bytes as PEM with 64-character lines and a final line break. */
    public static String pem(String type, byte[] der) {
        String body = Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(der);
        return "-----BEGIN " + type + "-----\n" + body + "\n-----END " + type + "-----\n";
    }

    /** Returns the first common name of a subject, or the empty string when it has none. */
    public static String commonName(X509Certificate certificate) {
        return commonName(certificate.getSubjectX500Principal());
    }

    public static String commonName(X500Principal principal) {
        RDN[] names = X500Name.getInstance(principal.getEncoded()).getRDNs(BCStyle.CN);
        return names.length == 0
                ? ""
                : IETFUtils.valueToString(names[0].getFirst().getValue());
    }

    /** Returns the key identifier of the SubjectKeyIdentifier extension as lower-case hex, or null without one. */
    public static @Nullable String subjectKeyIdentifier(X509Certificate certificate) {
        byte[] value = certificate.getExtensionValue(Extension.subjectKeyIdentifier.getId());
        if (value == null) {
            return null;
        }
        byte[] keyId = SubjectKeyIdentifier.getInstance(
                        ASN1OctetString.getInstance(value).getOctets())
                .getKeyIdentifier();
        return HexFormat.of().formatHex(keyId);
    }

    /** Returns the key identifier of the AuthorityKeyIdentifier extension as lower-case hex, or null. */
    public static @Nullable String authorityKeyIdentifier(byte @Nullable [] extensionValue) {
        if (extensionValue == null) {
            return null;
        }
        byte[] keyId = AuthorityKeyIdentifier.getInstance(
                        ASN1OctetString.getInstance(extensionValue).getOctets())
                .getKeyIdentifierObject()
                .getOctets();
        return HexFormat.of().formatHex(keyId);
    }

    public static @Nullable String authorityKeyIdentifier(X509Certificate certificate) {
        return authorityKeyIdentifier(certificate.getExtensionValue(Extension.authorityKeyIdentifier.getId()));
    }

    public static @Nullable String authorityKeyIdentifier(X509CRL crl) {
        return authorityKeyIdentifier(crl.getExtensionValue(Extension.authorityKeyIdentifier.getId()));
    }
}
