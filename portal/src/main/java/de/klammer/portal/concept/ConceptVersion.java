package de.klammer.portal.concept;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * One version of the concept.
 *
 * @param number running number, starting at 1
 * @param status {@code draft}, {@code applied} or {@code discarded}
 * @param basedOn the version this one was copied from, or null for the first
 * @param decisionReference the governance decision that applied it, or null while it is a draft
 * @param createdBy pseudonym of the user who opened the draft
 */
public record ConceptVersion(
        UUID id,
        int number,
        String status,
        @Nullable UUID basedOn,
        @Nullable String decisionReference,
        String createdBy,
        Instant createdAt,
        @Nullable Instant appliedAt) {

    /** Returns whether the version can still be edited. */
    public boolean isDraft() {
        return "draft".equals(status);
    }
}
