package de.klammer.portal.identity;

/**
 * Published when an authority's CA revoked a ledger identity, for example after an erasure request.
 *
 * @param mspId MSP ID of the identity's authority
 * @param enrollmentId pseudonymous enrolment ID
 * @param reason why the identity was revoked; never personal data
 */
public record IdentityRevoked(String mspId, String enrollmentId, String reason) {}
