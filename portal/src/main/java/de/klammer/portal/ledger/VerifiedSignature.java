package de.klammer.portal.ledger;

/**
 * An admin signature from outside the portal that verified against its organisation's MSP on the live channel.
 *
 * @param signature the authority and the marshalled {@code ConfigSignature}
 * @param certificateSha256 lower-case hex SHA-256 of the signing admin certificate (DER)
 */
public record VerifiedSignature(AuthoritySignature signature, String certificateSha256) {}
