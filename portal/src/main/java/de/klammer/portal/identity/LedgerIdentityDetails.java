package de.klammer.portal.identity;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A ledger identity as the views show it: pseudonyms only, never the person.
 *
 * @param id database id
 * @param mspId MSP ID of the authority
 * @param enrollmentId pseudonymous enrolment ID; the common name a CSR must carry
 * @param kind person or technical system
 * @param roles roles written into the certificate
 * @param conceptRole concept role whose code the certificate carries as organizational unit, or null for none
 * @param validUntil date until which the identity is requested
 * @param keySource CSR upload or generated key
 * @param csrAttached whether a CSR waits for the next enrolment
 * @param status state of the request
 * @param requester pseudonym of the requester
 * @param approver pseudonym of the approver, once approved
 * @param failureCode code of the last failure ({@link EnrollmentFailure}), or null
 * @param failureReason detail of the last failure, or the reason of a withdrawal or revocation
 * @param createdAt when the request was made
 * @param updatedAt when the request last changed
 * @param certificates the identity's certificates, newest expiry first
 */
public record LedgerIdentityDetails(
        UUID id,
        String mspId,
        String enrollmentId,
        IdentityKind kind,
        List<LedgerRole> roles,
        @Nullable String conceptRole,
        LocalDate validUntil,
        KeySource keySource,
        boolean csrAttached,
        LedgerIdentityStatus status,
        String requester,
        @Nullable String approver,
        @Nullable String failureCode,
        @Nullable String failureReason,
        Instant createdAt,
        Instant updatedAt,
        List<CertificateSummary> certificates) {

    public LedgerIdentityDetails {
        roles = List.copyOf(roles);
        certificates = List.copyOf(certificates);
    }

    /** Returns whether the request waits for the requester's CSR before it can be enrolled. */
    public boolean awaitsCsr() {
        return keySource == KeySource.CSR && !csrAttached && status.resumable();
    }
}
