package de.klammer.ledger;

import de.klammer.ledger.internal.EcdsaSigner;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.Collections;
import java.util.Objects;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.openssl.PEMKeyPair;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;

/** Loads signing identities from PEM files or password-protected PKCS#12 files. */
public final class SigningIdentities {

    private SigningIdentities() {}

    /** Loads a certificate and its PKCS#8 or SEC1 private key from PEM files. */
    public static SigningIdentity fromPem(String mspId, Path certificate, Path privateKey) {
        try {
            String certificatePem = Files.readString(certificate, StandardCharsets.US_ASCII);
            return new EcdsaSigner(mspId, certificatePem, readPrivateKey(privateKey));
        } catch (IOException e) {
            throw new IllegalArgumentException("Cannot read the signing identity of " + mspId + " from " + certificate
                    + " and " + privateKey + ": " + e.getMessage(), e);
        }
    }

    /**
     * Loads the first key entry of a PKCS#12 file. The password is used only here and is not kept.
     *
     * @throws IllegalArgumentException when the file is missing, the password is wrong, or it contains no key entry
     */
    public static SigningIdentity fromPkcs12(String mspId, Path file, char[] password) {
        try (InputStream in = Files.newInputStream(file)) {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(in, password);
            for (String alias : Collections.list(store.aliases())) {
                if (store.isKeyEntry(alias)) {
                    PrivateKey key = (PrivateKey) store.getKey(alias, password);
                    Certificate certificate = store.getCertificate(alias);
                    String pem = de.klammer.ledger.internal.Certificates.toPem((X509Certificate) certificate);
                    return new EcdsaSigner(mspId, pem, key);
                }
            }
            throw new IllegalArgumentException("PKCS#12 file " + file + " contains no private key entry; export the admin key and certificate into it");
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalArgumentException("Cannot open the PKCS#12 file " + file + " of " + mspId
                    + " (wrong password or damaged file): " + e.getMessage(), e);
        }
    }

    /** Writes a PEM identity into a new PKCS#12 file protected by {@code password}. */
    public static void writePkcs12(Path certificate, Path privateKey, Path target, char[] password) {
        Objects.requireNonNull(password, "password must not be null");
        try {
            X509Certificate cert = de.klammer.ledger.internal.Certificates.parse(
                    com.google.protobuf.ByteString.copyFrom(Files.readAllBytes(certificate)));
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            store.setKeyEntry("admin", readPrivateKey(privateKey), password, new Certificate[] {cert});
            Files.createDirectories(target.toAbsolutePath().getParent());
            try (var out = Files.newOutputStream(target)) {
                store.store(out, password);
            }
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalArgumentException("Cannot write PKCS#12 file " + target + ": " + e.getMessage(), e);
        }
    }

    private static PrivateKey readPrivateKey(Path file) throws IOException {
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.US_ASCII);
                PEMParser parser = new PEMParser(reader)) {
            Object object = parser.readObject();
            JcaPEMKeyConverter converter = new JcaPEMKeyConverter();
            if (object instanceof PrivateKeyInfo info) {
                return converter.getPrivateKey(info);
            }
            if (object instanceof PEMKeyPair pair) {
                return converter.getKeyPair(pair).getPrivate();
            }
            throw new IOException("no PKCS#8 or SEC1 private key found in " + file);
        }
    }
}
