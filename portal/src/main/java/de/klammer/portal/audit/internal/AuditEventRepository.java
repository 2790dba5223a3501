package de.klammer.portal.audit.internal;

import java.util.List;
import org.springframework.data.repository.Repository;

/** Read access to the audit trail; it offers no insert, update or delete, since only the chain appender writes. */
public interface AuditEventRepository extends Repository<AuditEventEntity, Long> {

    List<AuditEventEntity> findBySubjectTypeAndSubjectIdOrderBySequenceAsc(String subjectType, String subjectId);

    List<AuditEventEntity> findAllByOrderBySequenceAsc();
}
