package de.klammer.portal.identity;

/**
 * Published when a ledger identity received a certificate, at first enrolment and at each renewal.
 *
 * @param mspId MSP ID of the identity's authority
 * @param enrollmentId pseudonymous enrolment ID
 * @param serialHex serial number of the new certificate, lower-case hex
 */
public record IdentityEnrolled(String mspId, String enrollmentId, String serialHex) {}
