package de.klammer.portal.identity.review.internal;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;

/** Items of access review campaigns. */
public interface AccessReviewItemRepository extends JpaRepository<AccessReviewItem, UUID> {

    List<AccessReviewItem> findByCampaignIdOrderByEnrollmentIdAsc(UUID campaignId);

    long countByCampaignIdAndDecision(UUID campaignId, String decision);

    List<AccessReviewItem> findByRevocationStateAndRevocationUpdatedAtBeforeOrderByRevocationUpdatedAtAsc(
            String revocationState, Instant updatedBefore);
}
