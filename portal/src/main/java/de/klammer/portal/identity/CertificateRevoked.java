package de.klammer.portal.identity;

/**
 * Published when an authority's CA revoked one certificate, for example after a correction request.
 *
 * @param mspId MSP ID of the certificate's authority
 * @param serialHex serial number of the certificate, lower-case hex
 * @param reason why the certificate was revoked; never personal data
 */
public record CertificateRevoked(String mspId, String serialHex, String reason) {}
