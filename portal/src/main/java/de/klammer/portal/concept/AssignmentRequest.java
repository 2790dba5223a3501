package de.klammer.portal.concept;

import java.time.LocalDate;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A request to give a ledger identity a role for an authority.
 *
 * @param holder enrollment ID of the ledger identity, a pseudonym
 * @param authorityCode the authority for which the identity holds the role
 * @param validFrom first day of validity
 * @param validUntil last day of validity, or null for an open end
 */
public record AssignmentRequest(
        String holder, String authorityCode, String roleCode, LocalDate validFrom, @Nullable LocalDate validUntil) {

    public AssignmentRequest {
        Objects.requireNonNull(holder, "holder must not be null");
        Objects.requireNonNull(authorityCode, "authorityCode must not be null");
        Objects.requireNonNull(roleCode, "roleCode must not be null");
        Objects.requireNonNull(validFrom, "validFrom must not be null");
    }
}
