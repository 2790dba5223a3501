package de.klammer.portal.identity.erasure;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.CRLException;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.util.Base64;
import java.util.HexFormat;

/** PEM texts and SHA-256 fingerprints of certificates and CRLs, as MSP definitions and erasure records store them. */
final class CertificateEncodings {

    private CertificateEncodings() {}

    static String pem(X509CRL crl) {
        try {
            return pem("X509 CRL", crl.getEncoded());
        } catch (CRLException e) {
            throw new IllegalStateException("Cannot encode the CRL: " + e.getMessage(), e);
        }
    }

    static String pem(X509Certificate certificate) {
        try {
            return pem("CERTIFICATE", certificate.getEncoded());
        } catch (CertificateEncodingException e) {
            throw new IllegalStateException("Cannot encode the certificate: " + e.getMessage(), e);
        }
    }

    private static String pem(String type, byte[] der) {
        String body = Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(der);
        return "-----BEGIN " + type + "-----\n" + body + "\n-----END " + type + "-----\n";
    }

    static String sha256(X509Certificate certificate) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(certificate.getEncoded()));
        } catch (NoSuchAlgorithmException | CertificateEncodingException e) {
            throw new IllegalStateException("Cannot fingerprint certificate " + certificate.getSerialNumber(), e);
        }
    }
}
