package de.klammer.portal.onboarding.internal;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;

/** Access to the {@code onboarding_draft} table. */
public interface OnboardingDraftRepository extends JpaRepository<OnboardingDraftEntity, UUID> {

    List<OnboardingDraftEntity> findByStatusInOrderByUpdatedAtDesc(Collection<String> statuses);

    Optional<OnboardingDraftEntity> findByProposalId(UUID proposalId);

    boolean existsByMspIdAndStatusInAndIdNot(String mspId, Collection<String> statuses, UUID id);

    boolean existsByCodeAndStatusInAndIdNot(String code, Collection<String> statuses, UUID id);
}
