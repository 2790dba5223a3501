package de.klammer.portal.ledger;

import de.klammer.ledger.SigningIdentities;
import de.klammer.ledger.SigningIdentity;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import de.klammer.portal.ledger.LedgerProperties.Pkcs11Properties;

/**
 * The per-authority admin signing keys: a PKCS#11 token where one is configured for the MSP ID, otherwise one
 * password-protected PKCS#12 file per MSP ID in a folder outside the database. PKCS#12 keys are loaded for each
 * signature and never leave the server. Token keys never leave the token, and the opened token is kept.
 */
public class AdminKeyStore {

    private final Path directory;
    private final char[] password;
    private final Map<String, Pkcs11Properties> tokens;
    private final Map<String, SigningIdentity> openedTokens = new ConcurrentHashMap<>();

    public AdminKeyStore(Path directory, String password) {
        this(directory, password, Map.of());
    }

    /**
     * Creates the store.
     *
     * @param tokens PKCS#11 token settings by MSP ID; the MSP ID matches regardless of case, because environment
     *     variables bind in lower case
     */
    public AdminKeyStore(Path directory, String password, Map<String, Pkcs11Properties> tokens) {
        this.directory = directory;
        this.password = password.toCharArray();
        Map<String, Pkcs11Properties> byMspId = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        byMspId.putAll(tokens);
        this.tokens = byMspId;
    }

    /** Returns whether the MSP's admin key is on a PKCS#11 token. */
    public boolean usesToken(String mspId) {
        return tokens.containsKey(mspId);
    }

    /**
     * Loads the admin identity of an authority.
     *
     * @throws IllegalStateException when no key file exists for the MSP ID
     * @throws IllegalArgumentException when the configured token cannot be opened or has no such key
     */
    public SigningIdentity admin(String mspId) {
        Pkcs11Properties token = tokens.get(mspId);
        if (token != null) {
            return openedTokens.computeIfAbsent(mspId, id -> SigningIdentities.fromPkcs11(
                    mspId, token.library(), token.slot(), token.pin().toCharArray(), token.keyLabel()));
        }
        Path file = file(mspId);
        if (!Files.isRegularFile(file)) {
            throw new IllegalStateException("No admin key for " + mspId + ": expected the PKCS#12 file " + file
                    .toAbsolutePath());
        }
        return SigningIdentities.fromPkcs12(mspId, file, password);
    }

    /** Returns whether a token is configured or a key file exists for the MSP ID. */
    public boolean contains(String mspId) {
        return usesToken(mspId) || Files.isRegularFile(file(mspId));
    }

    /** Returns whether the key file of the MSP ID contains the certificate in the given PEM file. */
    public boolean containsCertificate(String mspId, Path certificatePem) {
        try {
            String expected = Files.readString(certificatePem).replaceAll("\\s", "");
            return admin(mspId).certificatePem().replaceAll("\\s", "").equals(expected);
        } catch (java.io.IOException | IllegalArgumentException e) {
            return false;
        }
    }

    /** Writes a PEM identity as the MSP's PKCS#12 file; used to provision demo keys from the local network. */
    public void importPem(String mspId, Path certificate, Path privateKey) {
        SigningIdentities.writePkcs12(certificate, privateKey, file(mspId), password);
    }

    private Path file(String mspId) {
        if (!mspId.matches("[A-Za-z0-9.-]+")) {
            throw new IllegalArgumentException("Invalid MSP ID '" + mspId + "'");
        }
        return directory.resolve(mspId + ".p12");
    }
}
