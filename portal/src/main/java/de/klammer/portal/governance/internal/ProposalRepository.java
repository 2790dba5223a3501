package de.klammer.portal.governance.internal;

import jakarta.persistence.LockModeType;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

/** Access to the {@code proposal} table. */
public interface ProposalRepository extends JpaRepository<Proposal, UUID> {

    List<Proposal> findAllByOrderByCreatedAtDesc();

    /** Loads a proposal and locks its row until the transaction ends, so approvals of one proposal run one by one. */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select p from Proposal p where p.id = :id")
    Optional<Proposal> findByIdForUpdate(UUID id);

    @Query(value = "select nextval('proposal_reference_seq')", nativeQuery = true)
    long nextReferenceNumber();
}
