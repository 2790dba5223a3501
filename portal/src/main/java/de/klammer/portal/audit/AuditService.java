package de.klammer.portal.audit;

import de.klammer.portal.audit.internal.AuditEventEntity;
import de.klammer.portal.audit.internal.AuditEventRepository;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Appends events to the audit trail. Recording joins the caller's transaction, so an audit row exists exactly when
 * the step it describes was committed.
 */
@Service
public class AuditService {

    private final AuditEventRepository events;

    AuditService(AuditEventRepository events) {
        this.events = events;
    }

    /** Appends one event to the trail. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void record(AuditEntry entry) {
        events.save(AuditEventEntity.of(entry));
    }

    /** Returns the events about one subject, oldest first. */
    @Transactional(readOnly = true)
    public List<AuditEvent> findBySubject(String subjectType, String subjectId) {
        return events.findBySubjectTypeAndSubjectIdOrderByIdAsc(subjectType, subjectId).stream()
                .map(AuditEventEntity::toEvent)
                .toList();
    }
}
