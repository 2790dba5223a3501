package de.klammer.portal.governance.internal;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;

/** Access to the {@code vote} table. */
public interface VoteRepository extends JpaRepository<Vote, UUID> {

    List<Vote> findByProposalIdOrderByCastAtAsc(UUID proposalId);

    Optional<Vote> findByProposalIdAndVoterPseudonym(UUID proposalId, String voterPseudonym);
}
