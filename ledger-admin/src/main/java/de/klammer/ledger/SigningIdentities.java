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
import java.security.InvalidParameterException;
import java.security.PrivateKey;
import java.security.Provider;
import java.security.ProviderException;
import java.security.Security;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.Collections;
import java.util.Objects;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.openssl.PEMKeyPair;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;

/** Loads signing identities from PEM files, password-protected PKCS#12 files or PKCS#11 tokens. */
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

    /**
     * Opens a key entry on a PKCS#11 token through the JDK's SunPKCS11 provider. The private key stays on the token,
     * and every signature is computed there. The token must hold the certificate under the same label as the key,
     * because SunPKCS11 lists only keys that have a matching certificate.
     *
     * @param library the token's PKCS#11 module, for example {@code /usr/lib/softhsm/libsofthsm2.so}
     * @param slot the PKCS#11 slot ID of the token
     * @param pin the user PIN; used to log in and not kept. NOTE: PKCS#11 keeps one login state per process, so once
     *     a token is logged in, a later call with a wrong PIN still succeeds
     * @param keyLabel the label (SunPKCS11 alias) of the key and certificate
     * @throws IllegalArgumentException when the module cannot be loaded, the PIN is wrong, or the token has no key
     *     entry with that label
     */
    public static SigningIdentity fromPkcs11(String mspId, Path library, long slot, char[] pin, String keyLabel) {
        Provider provider = pkcs11Provider(mspId, library, slot);
        try {
            KeyStore store = KeyStore.getInstance("PKCS11", provider);
            store.load(null, pin);
            if (!store.isKeyEntry(keyLabel)) {
                throw new IllegalArgumentException("PKCS#11 token in slot " + slot + " has no key entry labelled '"
                        + keyLabel + "' with a certificate for " + mspId + "; its entries are "
                        + Collections.list(store.aliases()) + ". Store the admin key and its certificate there");
            }
            PrivateKey key = (PrivateKey) store.getKey(keyLabel, null);
            X509Certificate certificate = (X509Certificate) store.getCertificate(keyLabel);
            return new EcdsaSigner(mspId, certificate, key, provider);
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalArgumentException("Cannot open the PKCS#11 token in slot " + slot + " of " + library
                    + " for " + mspId + " (wrong PIN or no token in that slot): " + e.getMessage(), e);
        }
    }

    /**
     * Configures a SunPKCS11 provider for one token slot from a generated configuration. Each call makes a new
     * provider instance, so callers keep the identity instead of opening it for every signature.
     */
    public static Provider pkcs11Provider(String mspId, Path library, long slot) {
        if (!Files.isRegularFile(library)) {
            throw new IllegalArgumentException("PKCS#11 module " + library + " of " + mspId
                    + " does not exist; install the token's module (for SoftHSM2 the Debian package softhsm2)");
        }
        Provider template = Security.getProvider("SunPKCS11");
        if (template == null) {
            throw new IllegalStateException("The JDK has no SunPKCS11 provider; use a JDK with the jdk.crypto.cryptoki"
                    + " module");
        }
        // SunPKCS11 reads a configuration given inline when it starts with "--".
        String configuration = "--name = Klammer-" + mspId.replaceAll("[^A-Za-z0-9]", "") + "\n"
                + "library = " + library.toAbsolutePath() + "\n"
                + "slot = " + slot + "\n";
        try {
            return template.configure(configuration);
        } catch (InvalidParameterException | ProviderException e) {
            throw new IllegalArgumentException("Cannot load PKCS#11 module " + library + " for slot " + slot + " of "
                    + mspId + ": " + e.getMessage(), e);
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
