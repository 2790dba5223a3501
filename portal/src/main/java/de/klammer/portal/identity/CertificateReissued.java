package de.klammer.portal.identity;

import java.security.cert.X509Certificate;

/**
 * Published when the correction flow issued a new certificate for an identity with corrected attributes, before it
 * revokes the old ones. The identity's certificate list records it like any enrolment.
 *
 * @param mspId MSP ID of the identity's authority
 * @param enrollmentId pseudonymous enrolment ID
 * @param certificate the new certificate
 * @param reason why it was issued; never personal data
 */
public record CertificateReissued(String mspId, String enrollmentId, X509Certificate certificate, String reason) {}
