package de.klammer.portal.identity;

import java.time.Instant;

/**
 * An enrolment certificate with its expiry.
 *
 * @param mspId MSP ID of the issuing authority
 * @param enrollmentId pseudonymous enrolment ID of the holder
 * @param serialHex serial number, lower-case hex
 * @param notBefore start of validity
 * @param notAfter end of validity
 * @param status {@code active}, {@code superseded} or {@code revoked}
 * @param daysLeft whole days until {@code notAfter}; negative once expired
 * @param expiringSoon whether an active certificate expires within the configured warning period
 */
public record CertificateSummary(
        String mspId,
        String enrollmentId,
        String serialHex,
        Instant notBefore,
        Instant notAfter,
        String status,
        long daysLeft,
        boolean expiringSoon) {}
