package de.klammer.portal.identity.internal;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

/** Enrolment certificates of ledger identities. */
public interface IdentityCertificateRepository extends JpaRepository<IdentityCertificate, IdentityCertificate.Key> {

    List<IdentityCertificate> findByEnrollmentIdOrderByNotAfterDesc(String enrollmentId);

    List<IdentityCertificate> findByEnrollmentIdInOrderByNotAfterDesc(Collection<String> enrollmentIds);

    List<IdentityCertificate> findByEnrollmentIdAndStatus(String enrollmentId, String status);

    Optional<IdentityCertificate> findFirstByKeySerialHex(String serialHex);

    List<IdentityCertificate> findByStatusAndNotAfterBefore(String status, Instant limit);

    List<IdentityCertificate> findByStatusOrderByNotAfter(String status);
}
