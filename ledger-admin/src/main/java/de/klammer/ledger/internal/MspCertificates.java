package de.klammer.ledger.internal;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.x509.AuthorityKeyIdentifier;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.SubjectKeyIdentifier;
import org.jspecify.annotations.Nullable;

/** Certificate facts that MSP validation needs: parsing, issuers, key identifiers, extended key usage. */
public final class MspCertificates {

    private static final String SERVER_AUTH = "1.3.6.1.5.5.7.3.1";
    private static final String ANY_EXTENDED_KEY_USAGE = "2.5.29.37.0";

    private MspCertificates() {}

    /** Parses every certificate of a PEM text; returns an empty list when the text contains none. */
    public static List<X509Certificate> parseCertificates(String pem) {
        try {
            List<X509Certificate> result = new ArrayList<>();
            for (var certificate : CertificateFactory.getInstance("X.509")
                    .generateCertificates(new ByteArrayInputStream(pem.getBytes(StandardCharsets.UTF_8)))) {
                result.add((X509Certificate) certificate);
            }
            return result;
        } catch (GeneralSecurityException | RuntimeException e) {
            return List.of();
        }
    }

    /** Parses a PEM or DER CRL, or returns {@code null} when the text contains no CRL. */
    public static @Nullable X509CRL parseCrl(String pem) {
        try {
            return (X509CRL) CertificateFactory.getInstance("X.509")
                    .generateCRL(new ByteArrayInputStream(pem.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException | RuntimeException e) {
            return null;
        }
    }

    /** Returns whether {@code certificate} names {@code issuer}'s subject and verifies with its key. */
    public static boolean signedBy(X509Certificate certificate, X509Certificate issuer) {
        if (!certificate.getIssuerX500Principal().equals(issuer.getSubjectX500Principal())) {
            return false;
        }
        try {
            certificate.verify(issuer.getPublicKey());
            return true;
        } catch (GeneralSecurityException e) {
            return false;
        }
    }

    /** Returns the first candidate that signed the certificate, or {@code null}. */
    public static @Nullable X509Certificate issuerOf(X509Certificate certificate, List<X509Certificate> candidates) {
        for (X509Certificate candidate : candidates) {
            if (!candidate.equals(certificate) && signedBy(certificate, candidate)) {
                return candidate;
            }
        }
        return null;
    }

    /** Returns whether the certificate is self-signed. */
    public static boolean selfSigned(X509Certificate certificate) {
        return signedBy(certificate, certificate);
    }

    /** Returns the SubjectKeyIdentifier, or null when the extension is missing or its value is not valid DER. */
    public static byte @Nullable [] subjectKeyIdentifier(X509Certificate certificate) {
        byte[] extension = certificate.getExtensionValue(Extension.subjectKeyIdentifier.getId());
        if (extension == null) {
            return null;
        }
        try {
            return SubjectKeyIdentifier.getInstance(ASN1OctetString.getInstance(extension).getOctets())
                    .getKeyIdentifier();
        } catch (IllegalArgumentException e) {
            // BouncyCastle's getInstance raises IllegalArgumentException for a value of the wrong ASN.1 type.
            return null;
        }
    }

    public static byte @Nullable [] authorityKeyIdentifier(X509Certificate certificate) {
        return authorityKeyIdentifier(certificate.getExtensionValue(Extension.authorityKeyIdentifier.getId()));
    }

    public static byte @Nullable [] authorityKeyIdentifier(X509CRL crl) {
        return authorityKeyIdentifier(crl.getExtensionValue(Extension.authorityKeyIdentifier.getId()));
    }

    private static byte @Nullable [] authorityKeyIdentifier(byte @Nullable [] extension) {
        if (extension == null) {
            return null;
        }
        try {
            return AuthorityKeyIdentifier.getInstance(ASN1OctetString.getInstance(extension).getOctets())
                    .getKeyIdentifierOctets();
        } catch (IllegalArgumentException e) {
            // A malformed AuthorityKeyIdentifier matches no CA, as a missing one does.
            return null;
        }
    }

    /**
     * Returns whether Fabric's MSP accepts the certificate's extended key usage. Fabric verifies chains with Go's
     * crypto/x509 and leaves {@code VerifyOptions.KeyUsages} empty (msp/mspimplsetup.go on Fabric's main branch),
     * and Go then requires server authentication. So a certificate without the extension passes, and one that lists
     * usages must list serverAuth or anyExtendedKeyUsage.
     */
    public static boolean extendedKeyUsageAccepted(X509Certificate certificate) {
        try {
            List<String> usages = certificate.getExtendedKeyUsage();
            return usages == null || usages.contains(SERVER_AUTH) || usages.contains(ANY_EXTENDED_KEY_USAGE);
        } catch (java.security.cert.CertificateParsingException e) {
            return false;
        }
    }
}
