package de.klammer.portal.identity.internal;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;

/** Ledger identities by id and by enrolment ID. */
public interface LedgerIdentityRepository extends JpaRepository<LedgerIdentity, UUID> {

    Optional<LedgerIdentity> findByEnrollmentId(String enrollmentId);

    List<LedgerIdentity> findByAuthorityIdOrderByCreatedAtDesc(UUID authorityId);

    List<LedgerIdentity> findByStatusAndValidUntilBefore(String status, LocalDate day);
}
