package de.klammer.portal.audit;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A recorded audit event.
 *
 * @param id database id; ascending in the order the rows were inserted, with gaps
 * @param sequence gap-free position in the hash chain, from 1; 0 for an event of the current transaction that is
 *     appended when it commits
 * @param occurredAt when the event was recorded
 * @param actor pseudonym or system name of the actor
 * @param authorityCode code of the actor's authority, if any
 * @param action what happened
 * @param subjectType kind of the thing acted on
 * @param subjectId id of the thing acted on
 * @param details further facts as plain text
 */
public record AuditEvent(
        long id,
        long sequence,
        Instant occurredAt,
        String actor,
        @Nullable String authorityCode,
        String action,
        String subjectType,
        String subjectId,
        String details) {}
