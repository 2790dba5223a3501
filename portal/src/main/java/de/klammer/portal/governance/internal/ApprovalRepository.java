package de.klammer.portal.governance.internal;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

/** Access to the {@code approval} table. */
public interface ApprovalRepository extends JpaRepository<Approval, UUID> {

    List<Approval> findByProposalIdOrderByCreatedAtAsc(UUID proposalId);

    boolean existsByProposalIdAndBoardMemberId(UUID proposalId, UUID boardMemberId);

    Optional<Approval> findByProposalIdAndBoardMemberId(UUID proposalId, UUID boardMemberId);

    @Query("select count(a) > 0 from Approval a where a.proposalId = :proposalId and a.authorityId = :authorityId "
            + "and a.configSignature is not null")
    boolean existsSignatureOfAuthority(UUID proposalId, UUID authorityId);

    long countByProposalId(UUID proposalId);

    @Modifying(flushAutomatically = true)
    @Query("delete from Approval a where a.proposalId = :proposalId")
    int deleteByProposalId(UUID proposalId);
}
