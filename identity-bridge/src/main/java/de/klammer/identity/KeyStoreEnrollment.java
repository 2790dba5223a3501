package de.klammer.identity;

import java.security.cert.X509Certificate;
import java.util.Arrays;
import java.util.Objects;

/**
 * An enrollment whose key pair the client generated: a password-protected PKCS#12 key store holding the private key
 * under {@code alias} with the certificate and the CA chain.
 */
public record KeyStoreEnrollment(X509Certificate certificate, String alias, byte[] pkcs12) {

    public KeyStoreEnrollment {
        Objects.requireNonNull(certificate, "certificate must not be null");
        Objects.requireNonNull(alias, "alias must not be null");
        pkcs12 = pkcs12.clone();
    }

    /** Returns a copy of the PKCS#12 bytes. */
    @Override
    public byte[] pkcs12() {
        return pkcs12.clone();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof KeyStoreEnrollment that
                && certificate.equals(that.certificate)
                && alias.equals(that.alias)
                && Arrays.equals(pkcs12, that.pkcs12);
    }

    @Override
    public int hashCode() {
        return Objects.hash(certificate, alias, Arrays.hashCode(pkcs12));
    }

    @Override
    public String toString() {
        return "KeyStoreEnrollment[alias=" + alias + ", serial="
                + certificate.getSerialNumber().toString(16) + ", pkcs12=" + pkcs12.length + " bytes]";
    }
}
