package de.klammer.portal.identity;

/** Origin of the key of a ledger identity. */
public enum KeySource {
    /** The requester keeps the key and uploads a PKCS#10 CSR (EC P-256) whose common name is the enrolment ID. */
    CSR,
    /** The portal generates the key and hands it over once as a password-protected PKCS#12 file. */
    GENERATED
}
