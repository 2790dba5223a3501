package de.klammer.portal.audit.internal;

import java.util.List;
import org.springframework.data.repository.Repository;

/** Insert and read access to the audit trail; it offers no update or delete on purpose. */
public interface AuditEventRepository extends Repository<AuditEventEntity, Long> {

    AuditEventEntity save(AuditEventEntity event);

    List<AuditEventEntity> findBySubjectTypeAndSubjectIdOrderByIdAsc(String subjectType, String subjectId);

    List<AuditEventEntity> findAllByOrderByIdAsc();
}
