package de.klammer.portal.identity.erasure.internal;

import jakarta.persistence.LockModeType;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

/** Data subject requests. */
public interface DataSubjectRequestRepository extends JpaRepository<DataSubjectRequest, UUID> {

    List<DataSubjectRequest> findByMspIdOrderByDueOnAscReferenceAsc(String mspId);

    List<DataSubjectRequest> findByMspIdAndEnrollmentIdOrderByCreatedAtAsc(String mspId, String enrollmentId);

    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select r from DataSubjectRequest r where r.id = :id")
    Optional<DataSubjectRequest> lockById(UUID id);
}
