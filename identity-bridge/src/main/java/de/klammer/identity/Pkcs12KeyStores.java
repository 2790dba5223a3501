package de.klammer.identity;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.util.ArrayList;
import java.util.List;

/** Builds PKCS#12 key stores with the JDK's default protection (PBES2 with AES-256 and HMAC-SHA-256 since JDK 12). */
final class Pkcs12KeyStores {

    static final int MIN_PASSWORD_LENGTH = 12;

    private Pkcs12KeyStores() {}

    /** Stores the key under {@code alias} with the certificate and the CA chain. */
    static byte[] create(String alias, PrivateKey privateKey, Enrollment enrollment, char[] password) {
        try {
            KeyStore keyStore = KeyStore.getInstance("PKCS12");
            keyStore.load(null, null);
            List<Certificate> chain = new ArrayList<>();
            chain.add(enrollment.certificate());
            chain.addAll(enrollment.caChain());
            keyStore.setKeyEntry(alias, privateKey, password, chain.toArray(Certificate[]::new));
            var out = new ByteArrayOutputStream();
            keyStore.store(out, password);
            return out.toByteArray();
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException("Cannot build the PKCS#12 key store for " + alias, e);
        }
    }
}
