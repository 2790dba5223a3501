package de.klammer.identity;

import de.klammer.identity.internal.Certificates;
import java.math.BigInteger;
import java.security.cert.X509Certificate;
import java.util.HexFormat;
import java.util.Objects;

/**
 * Target of a revocation: every certificate of an identity, which also blocks further enrollment, or one
 * certificate.
 */
public sealed interface RevocationTarget {

    /** All certificates of the identity; the CA also marks the identity revoked, so it can no longer enroll. */
    record Identity(String enrollmentId) implements RevocationTarget {

        public Identity {
            Objects.requireNonNull(enrollmentId, "enrollmentId must not be null");
        }
    }

    /**
     * One certificate, by serial number and the AuthorityKeyIdentifier of its issuer.
     *
     * @param authorityKeyIdentifier the key identifier as hex, without separators
     */
    record Certificate(BigInteger serial, String authorityKeyIdentifier) implements RevocationTarget {

        public Certificate {
            Objects.requireNonNull(serial, "serial must not be null");
            Objects.requireNonNull(authorityKeyIdentifier, "authorityKeyIdentifier must not be null");
            if (authorityKeyIdentifier.isEmpty()
                    || !authorityKeyIdentifier.chars().allMatch(HexFormat::isHexDigit)) {
                throw new IllegalArgumentException("authorityKeyIdentifier must be hex without separators, but is '"
                        + authorityKeyIdentifier + "'");
            }
        }

        /** Takes serial and AuthorityKeyIdentifier from an issued certificate. */
        public static Certificate of(X509Certificate certificate) {
            String aki = Certificates.authorityKeyIdentifier(certificate);
            if (aki == null) {
                throw new IllegalArgumentException("Certificate " + certificate.getSubjectX500Principal()
                        + " has no AuthorityKeyIdentifier, so Fabric CA cannot find it. Revoke by enrollment ID.");
            }
            return new Certificate(certificate.getSerialNumber(), aki);
        }
    }
}
