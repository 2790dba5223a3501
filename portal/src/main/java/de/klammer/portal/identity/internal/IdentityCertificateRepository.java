package de.klammer.portal.identity.internal;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

/** Enrolment certificates of ledger identities. */
public interface IdentityCertificateRepository extends JpaRepository<IdentityCertificate, IdentityCertificate.Key> {

    /**
     * Returns an identity's certificates, newest first. Renewal can issue a certificate with the same validity as the
     * one it replaces, so creation time and serial break ties, and the list and details pages show the same order.
     */
    List<IdentityCertificate> findByEnrollmentIdOrderByNotAfterDescCreatedAtDescKeySerialHexAsc(String enrollmentId);

    /** Returns the certificates of many identities, each identity's in the order of the single-identity query. */
    List<IdentityCertificate> findByEnrollmentIdInOrderByNotAfterDescCreatedAtDescKeySerialHexAsc(
            Collection<String> enrollmentIds);

    List<IdentityCertificate> findByEnrollmentIdAndStatus(String enrollmentId, String status);

    Optional<IdentityCertificate> findFirstByKeySerialHex(String serialHex);

    List<IdentityCertificate> findByStatusAndNotAfterBefore(String status, Instant limit);

    List<IdentityCertificate> findByStatusOrderByNotAfter(String status);
}
