package de.klammer.ledger;

/**
 * An identity that can sign for an organisation: its MSP ID, its certificate, and a signing operation whose key
 * never leaves the implementation.
 */
public interface SigningIdentity {

    /** Returns the MSP ID the certificate belongs to. */
    String mspId();

    /** Returns the certificate as PEM text, exactly as it goes into a {@code SerializedIdentity}. */
    String certificatePem();

    /**
     * Signs {@code message} with ECDSA over SHA-256 and returns the DER-encoded signature with a low S value, as
     * Fabric requires.
     */
    byte[] sign(byte[] message);
}
