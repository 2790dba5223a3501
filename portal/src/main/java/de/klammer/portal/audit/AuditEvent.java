package de.klammer.portal.audit;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A recorded audit event.
 *
 * @param id position in the trail, ascending
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
        Instant occurredAt,
        String actor,
        @Nullable String authorityCode,
        String action,
        String subjectType,
        String subjectId,
        String details) {}
