package de.klammer.portal.audit.internal;

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

/**
 * Row of the append-only {@code audit_event} table, read through JPA only. {@code AuditChainAppender} inserts rows
 * with their chain hashes.
 */
@Entity
@Immutable
@Table(name = "audit_event")
public class AuditEventEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private @Nullable Long id;

    @Column(nullable = false)
    private long sequence;

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

    @Column(name = "previous_hash", nullable = false)
    private String previousHash = "";

    @Column(name = "row_hash", nullable = false)
    private String rowHash = "";

    protected AuditEventEntity() {}

    public AuditEvent toEvent() {
        return new AuditEvent(
                id == null ? 0 : id, sequence, occurredAt, actor, authorityCode, action, subjectType, subjectId, details);
    }
}
