package de.klammer.portal.ledger;

import de.klammer.ledger.SigningIdentities;
import de.klammer.ledger.SigningIdentity;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The per-authority admin signing keys, one password-protected PKCS#12 file per MSP ID in a folder outside the
 * database. Keys are loaded for each signature and never leave the server.
 */
public class AdminKeyStore {

    private final Path directory;
    private final char[] password;

    public AdminKeyStore(Path directory, String password) {
        this.directory = directory;
        this.password = password.toCharArray();
    }

    /**
     * Loads the admin identity of an authority.
     *
     * @throws IllegalStateException when no key file exists for the MSP ID
     */
    public SigningIdentity admin(String mspId) {
        Path file = file(mspId);
        if (!Files.isRegularFile(file)) {
            throw new IllegalStateException("No admin key for " + mspId + ": expected the PKCS#12 file " + file
                    .toAbsolutePath());
        }
        return SigningIdentities.fromPkcs12(mspId, file, password);
    }

    /** Returns whether a key file exists for the MSP ID. */
    public boolean contains(String mspId) {
        return Files.isRegularFile(file(mspId));
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
