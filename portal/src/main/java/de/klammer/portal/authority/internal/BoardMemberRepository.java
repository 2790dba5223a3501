package de.klammer.portal.authority.internal;

import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;

/** Access to the {@code board_member} table. */
public interface BoardMemberRepository extends JpaRepository<BoardMemberEntity, UUID> {

    Optional<BoardMemberEntity> findBySubjectHash(String subjectHash);

    long countByAuthorityId(UUID authorityId);
}
