package de.klammer.portal.notification.internal;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;

/** Access to the {@code notification} table. */
public interface NotificationRepository extends JpaRepository<Notification, UUID> {

    List<Notification> findByBoardMemberIdOrderByCreatedAtDesc(UUID boardMemberId);

    List<Notification> findByBoardMemberIdAndReadAtIsNullOrderByCreatedAtDesc(UUID boardMemberId);

    long countByBoardMemberIdAndReadAtIsNull(UUID boardMemberId);

    Optional<Notification> findByIdAndBoardMemberId(UUID id, UUID boardMemberId);

    boolean existsByBoardMemberIdAndKindAndProposalId(UUID boardMemberId, String kind, UUID proposalId);
}
