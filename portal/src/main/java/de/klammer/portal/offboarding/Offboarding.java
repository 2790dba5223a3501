package de.klammer.portal.offboarding;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * One offboarding as the offboarding view lists it.
 *
 * @param proposalId the organisation-removal proposal
 * @param proposalReference its reference, for example {@code P-2026-0007}
 * @param authorityId the leaving authority
 * @param authorityName its display name
 * @param mspId MSP ID of its organisation
 * @param state how far the offboarding got
 * @param endedIdentities ledger identities revoked or withdrawn so far
 * @param attempts revocation runs so far
 * @param lastError error of the last failed revocation run, or null
 * @param updatedAt time of the last change
 */
public record Offboarding(
        UUID proposalId,
        String proposalReference,
        UUID authorityId,
        String authorityName,
        String mspId,
        OffboardingState state,
        int endedIdentities,
        int attempts,
        @Nullable String lastError,
        Instant updatedAt) {}
