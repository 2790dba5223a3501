package de.klammer.portal.identity;

import org.jspecify.annotations.Nullable;

/**
 * The result of approving, resuming or renewing an enrolment.
 *
 * @param identity the identity after the attempt; a failed step shows in its failure fields
 * @param keyStore the generated key store to hand over once, or null when the requester's CSR was used or no
 *     certificate was issued
 */
public record EnrollmentOutcome(LedgerIdentityDetails identity, @Nullable HandedOverKeyStore keyStore) {}
