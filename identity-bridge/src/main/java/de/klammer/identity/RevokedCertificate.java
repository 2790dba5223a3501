package de.klammer.identity;

import java.math.BigInteger;

/**
 * A certificate the CA marked revoked.
 *
 * @param authorityKeyIdentifier lower-case hex
 */
public record RevokedCertificate(BigInteger serial, String authorityKeyIdentifier) {}
