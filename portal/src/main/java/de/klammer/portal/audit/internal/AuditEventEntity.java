package de.klammer.portal.audit.internal;

import de.klammer.portal.audit.AuditEntry;
import de.klammer.portal.audit.AuditEvent;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import org.hibernate.annotations.Immutable;
import org.jspecify.annotations.Nullable;

/** Row of the append-only {@code audit_event} table; Hibernate never updates it. */
@Entity
@Immutable
@Table(name = "audit_event")
public class AuditEventEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private @Nullable Long id;

    @Column(name = "occurred_at", nullable = false)
    private Instant occurredAt = Instant.EPOCH;

    @Column(nullable = false)
    private String actor = "";

    @Column(name = "authority_code")
    private @Nullable String authorityCode;

    @Column(nullable = false)
    private String action = "";

    @Column(name = "subject_type", nullable = false)
    private String subjectType = "";

    @Column(name = "subject_id", nullable = false)
    private String subjectId = "";

    @Column(nullable = false)
    private String details = "";

    protected AuditEventEntity() {}

    /** Creates an event row for the entry, stamped with the current time. */
    public static AuditEventEntity of(AuditEntry entry) {
        AuditEventEntity event = new AuditEventEntity();
        event.occurredAt = Instant.now();
        event.actor = entry.actor();
        event.authorityCode = entry.authorityCode();
        event.action = entry.action();
        event.subjectType = entry.subjectType();
        event.subjectId = entry.subjectId();
        event.details = entry.details();
        return event;
    }

    public AuditEvent toEvent() {
        return new AuditEvent(
                id == null ? 0 : id, occurredAt, actor, authorityCode, action, subjectType, subjectId, details);
    }
}
