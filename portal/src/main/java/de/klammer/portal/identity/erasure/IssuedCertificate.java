package de.klammer.portal.identity.erasure;

/**
 * The certificate a correction issued with the corrected attributes, with its new key, for handing over to the
 * identity's holder. The portal does not keep it.
 *
 * @param serialHex serial number, lower-case hex
 * @param pkcs12 key store with key, certificate and CA chain
 * @param password password of the key store
 */
public record IssuedCertificate(String serialHex, byte[] pkcs12, String password) {

    public IssuedCertificate {
        pkcs12 = pkcs12.clone();
    }

    @Override
    public byte[] pkcs12() {
        return pkcs12.clone();
    }

    /** Leaves key store and password out. */
    @Override
    public String toString() {
        return "IssuedCertificate[serial=" + serialHex + "]";
    }
}
