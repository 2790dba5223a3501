package de.klammer.portal.audit;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One step to record in the audit trail.
 *
 * @param actor pseudonym of the board member, or {@code system:<job>} for scheduled work; never a name, e-mail
 *     address or OIDC subject
 * @param authorityCode code of the actor's authority, when the actor belongs to one
 * @param action what happened, dotted lower-case, for example {@code proposal.approved}
 * @param subjectType kind of the thing acted on, for example {@code proposal}
 * @param subjectId id of the thing acted on
 * @param details further facts as plain text, without personal data
 */
public record AuditEntry(
        String actor,
        @Nullable String authorityCode,
        String action,
        String subjectType,
        String subjectId,
        String details) {

    public AuditEntry {
        Objects.requireNonNull(actor, "actor must not be null");
        Objects.requireNonNull(action, "action must not be null");
        Objects.requireNonNull(subjectType, "subjectType must not be null");
        Objects.requireNonNull(subjectId, "subjectId must not be null");
        Objects.requireNonNull(details, "details must not be null");
    }
}
