package de.klammer.portal.governance.internal;

import java.util.List;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

/** Access to the {@code imported_signature} table. */
public interface ImportedSignatureRepository extends JpaRepository<ImportedSignature, UUID> {

    List<ImportedSignature> findByProposalIdOrderByImportedAtAsc(UUID proposalId);

    boolean existsByProposalIdAndAuthorityId(UUID proposalId, UUID authorityId);

    @Modifying(flushAutomatically = true)
    @Query("delete from ImportedSignature s where s.proposalId = :proposalId")
    int deleteByProposalId(UUID proposalId);
}
