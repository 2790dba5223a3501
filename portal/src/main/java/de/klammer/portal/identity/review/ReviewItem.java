package de.klammer.portal.identity.review;

import de.klammer.portal.identity.IdentityKind;
import de.klammer.portal.identity.LedgerRole;
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
 * @param revocationState state of the revocation that a withdrawal starts; null when nothing was withdrawn
 * @param revocationError what failed, while the revocation is failed
 * @param revocationUpdatedAt when the revocation state last changed
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
        @Nullable RevocationState revocationState,
        @Nullable String revocationError,
        @Nullable Instant revocationUpdatedAt) {

    public ReviewItem {
        roles = List.copyOf(roles);
    }
}
