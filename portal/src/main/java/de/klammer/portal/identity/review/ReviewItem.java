package de.klammer.portal.identity.review;

import de.klammer.portal.identity.IdentityKind;
import de.klammer.portal.identity.LedgerRole;
import de.klammer.portal.identity.erasure.RequestStatus;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * One identity under review, by its pseudonymous enrolment ID.
 *
 * @param roles the roles the identity held when the campaign opened
 * @param decidedBy pseudonym of the reviewer, or null while pending
 * @param reason the reviewer's reason for a withdrawal
 * @param requestReference reference of the erasure request that a withdrawal filed
 * @param revocationStatus status of that request: completed once the identity is revoked and the CRL is on the
 *     channels; null when nothing was withdrawn
 */
public record ReviewItem(
        UUID id,
        UUID campaignId,
        String enrollmentId,
        IdentityKind kind,
        List<LedgerRole> roles,
        ReviewDecision decision,
        @Nullable String decidedBy,
        @Nullable Instant decidedAt,
        @Nullable String reason,
        @Nullable UUID requestId,
        @Nullable String requestReference,
        @Nullable RequestStatus revocationStatus) {

    public ReviewItem {
        roles = List.copyOf(roles);
    }
}
