package de.klammer.portal.governance.internal;

import de.klammer.portal.governance.SubmissionState;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

/** Access to the {@code ledger_submission} table. */
public interface LedgerSubmissionRepository extends JpaRepository<LedgerSubmission, UUID> {

    Optional<LedgerSubmission> findByProposalId(UUID proposalId);

    /** Returns the ids of submissions in one of the states whose next attempt is due, oldest due first. */
    @Query("select s.id from LedgerSubmission s where s.state in :states and s.nextAttemptAt <= :now "
            + "order by s.nextAttemptAt")
    List<UUID> findDueIds(Collection<SubmissionState> states, Instant now, Pageable page);
}
