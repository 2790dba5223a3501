package de.klammer.identity;

import de.klammer.identity.internal.Certificates;
import de.klammer.identity.internal.PrivateKeys;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.Objects;

/**
 * An X.509 certificate with its EC private key. It signs Fabric CA authorization tokens: the registrar's for
 * registration, revocation and identity management, an enrolled identity's own for re-enrollment.
 */
public record SigningIdentity(X509Certificate certificate, PrivateKey privateKey) {

    public SigningIdentity {
        Objects.requireNonNull(certificate, "certificate must not be null");
        Objects.requireNonNull(privateKey, "privateKey must not be null");
        if (!"EC".equals(privateKey.getAlgorithm())) {
            throw new IllegalArgumentException("Fabric CA tokens need an EC private key, but the key of "
                    + certificate.getSubjectX500Principal().getName() + " is " + privateKey.getAlgorithm()
                    + ". Enroll with an EC P-256 key.");
        }
    }

    /** Reads a certificate and a PKCS#8 or SEC 1 ("EC PRIVATE KEY") private key, both PEM. */
    public static SigningIdentity fromPem(String certificatePem, String privateKeyPem) {
        return new SigningIdentity(Certificates.parseCertificate(certificatePem), PrivateKeys.parse(privateKeyPem));
    }

    /** Returns the certificate as PEM, the form the authorization token carries. */
    public String certificatePem() {
        return Certificates.toPem(certificate);
    }

    /** Returns the subject common name, which Fabric CA sets to the enrollment ID. */
    public String enrollmentId() {
        return Certificates.commonName(certificate);
    }

    /** Names the certificate only, so that the key never reaches a log. */
    @Override
    public String toString() {
        return "SigningIdentity[subject="
                + certificate.getSubjectX500Principal().getName() + ", serial="
                + certificate.getSerialNumber().toString(16) + "]";
    }
}
