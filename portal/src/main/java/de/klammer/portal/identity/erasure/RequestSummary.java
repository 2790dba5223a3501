package de.klammer.portal.identity.erasure;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A data subject request as the DPO workbench shows it. It contains no personal data: the person appears only as
 * the identity's pseudonymous enrolment ID.
 *
 * @param receivedOn day of receipt, from which the deadline of GDPR Art. 12(3) runs
 * @param dueOn current due date, after any extension
 * @param revokedSerials serials (lower-case hex) of the certificates revoked at the CA
 * @param newSerial serial of the certificate issued by a correction, or null
 */
public record RequestSummary(
        UUID id,
        String reference,
        RequestKind kind,
        String mspId,
        String enrollmentId,
        RequestStatus status,
        ExecutionStep step,
        LocalDate receivedOn,
        LocalDate firstDueOn,
        LocalDate dueOn,
        int extensionMonths,
        @Nullable String extensionReason,
        String legalBasis,
        @Nullable String retentionException,
        @Nullable String lastError,
        List<String> revokedSerials,
        @Nullable String newSerial,
        List<ChannelProgress> channels,
        List<RecipientView> recipients) {

    /** Days before the due date from which a pending request counts as urgent. */
    public static final int URGENT_DAYS = 7;

    public RequestSummary {
        revokedSerials = List.copyOf(revokedSerials);
        channels = List.copyOf(channels);
        recipients = List.copyOf(recipients);
    }

    /** Returns whether the request is pending and overdue or due within {@value #URGENT_DAYS} days. */
    public boolean isUrgent(LocalDate today) {
        return status.isPending() && !dueOn.isAfter(today.plusDays(URGENT_DAYS));
    }
}
