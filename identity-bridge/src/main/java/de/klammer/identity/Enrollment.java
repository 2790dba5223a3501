package de.klammer.identity;

import de.klammer.identity.internal.Certificates;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Objects;

/**
 * A certificate issued by enroll or reenroll.
 *
 * @param caChain the issuing CA's chain as the CA reports it, its own certificate first
 */
public record Enrollment(X509Certificate certificate, List<X509Certificate> caChain) {

    public Enrollment {
        Objects.requireNonNull(certificate, "certificate must not be null");
        caChain = List.copyOf(caChain);
    }

    public String enrollmentId() {
        return Certificates.commonName(certificate);
    }

    public String certificatePem() {
        return Certificates.toPem(certificate);
    }

    /** Returns the target for revoking just this certificate. */
    public RevocationTarget.Certificate revocationTarget() {
        return RevocationTarget.Certificate.of(certificate);
    }
}
