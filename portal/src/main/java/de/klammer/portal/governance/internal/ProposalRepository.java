package de.klammer.portal.governance.internal;

import de.klammer.portal.governance.ProposalStatus;
import jakarta.persistence.LockModeType;
import java.time.Instant;
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

    @Query("select p.id from Proposal p where p.status = :status and p.votingDeadline <= :instant")
    List<UUID> findIdsWithDeadlineAtOrBefore(ProposalStatus status, Instant instant);

    @Query("select p.id from Proposal p where p.status = :status and p.deadlineNoticeSentAt is null "
            + "and p.votingDeadline <= :instant")
    List<UUID> findIdsWithoutNoticeAndDeadlineAtOrBefore(ProposalStatus status, Instant instant);

    /** Returns proposals decided in {@code [from, to)}, oldest decision first. */
    List<Proposal> findByDecidedAtGreaterThanEqualAndDecidedAtLessThanOrderByDecidedAtAsc(Instant from, Instant to);

    @Query(value = "select nextval('proposal_reference_seq')", nativeQuery = true)
    long nextReferenceNumber();
}
