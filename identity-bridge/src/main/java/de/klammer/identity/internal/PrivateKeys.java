package de.klammer.identity.internal;

import java.io.IOException;
import java.io.StringReader;
import java.security.PrivateKey;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.openssl.PEMKeyPair;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;

/** Reads PEM private keys. */
public final class PrivateKeys {

    private PrivateKeys() {}

    /** Parses an unencrypted PKCS#8 ("PRIVATE KEY") or SEC 1 ("EC PRIVATE KEY") PEM key. */
    public static PrivateKey parse(String pem) {
        try (var parser = new PEMParser(new StringReader(pem))) {
            Object parsed = parser.readObject();
            var converter = new JcaPEMKeyConverter();
            return switch (parsed) {
                case PrivateKeyInfo info -> converter.getPrivateKey(info);
                case PEMKeyPair pair -> converter.getKeyPair(pair).getPrivate();
                case null ->
                    throw new IllegalArgumentException("No PEM private key found. Pass a PKCS#8 or SEC 1 key.");
                default ->
                    throw new IllegalArgumentException(
                            "Unsupported PEM object " + parsed.getClass().getSimpleName()
                                    + " where a private key was expected. Pass an unencrypted PKCS#8 or SEC 1 key.");
            };
        } catch (IOException e) {
            throw new IllegalArgumentException("Invalid PEM private key: " + e.getMessage(), e);
        }
    }
}
