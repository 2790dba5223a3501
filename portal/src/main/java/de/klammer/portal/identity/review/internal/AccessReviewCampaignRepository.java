package de.klammer.portal.identity.review.internal;

import jakarta.persistence.LockModeType;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

/** Access review campaigns. */
public interface AccessReviewCampaignRepository extends JpaRepository<AccessReviewCampaign, UUID> {

    List<AccessReviewCampaign> findByAuthorityIdOrderByOpenedAtDesc(UUID authorityId);

    boolean existsByAuthorityIdAndStatus(UUID authorityId, String status);

    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select c from AccessReviewCampaign c where c.id = :id")
    Optional<AccessReviewCampaign> lockById(UUID id);
}
