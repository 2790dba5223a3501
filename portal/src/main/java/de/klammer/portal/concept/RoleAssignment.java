package de.klammer.portal.concept;

import java.time.LocalDate;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A role held by a ledger identity for an authority during a period.
 *
 * @param holder the enrollment ID of the ledger identity, a pseudonym
 * @param validFrom first day of validity
 * @param validUntil last day of validity, or null for an open end
 */
public record RoleAssignment(
        UUID id,
        String holder,
        String authorityCode,
        String roleCode,
        LocalDate validFrom,
        @Nullable LocalDate validUntil) {

    /** Returns whether the assignment is valid on the day. */
    public boolean isValidOn(LocalDate day) {
        return !day.isBefore(validFrom) && (validUntil == null || !day.isAfter(validUntil));
    }
}
