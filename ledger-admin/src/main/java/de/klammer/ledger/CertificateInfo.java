package de.klammer.ledger;

import java.time.Instant;

/**
 * Facts of one X.509 certificate found in an MSP definition.
 *
 * @param subject RFC 2253 distinguished name of the subject
 * @param sha256Fingerprint lower-case hex SHA-256 of the DER encoding
 * @param notAfter end of validity
 * @param pem the certificate as PEM text
 */
public record CertificateInfo(String subject, String sha256Fingerprint, Instant notAfter, String pem) {}
