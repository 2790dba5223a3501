package de.klammer.portal.identity.erasure.internal;

import de.klammer.identity.ErasureDeadline;
import de.klammer.identity.GermanState;
import de.klammer.portal.identity.erasure.ExecutionStep;
import de.klammer.portal.identity.erasure.RequestKind;
import de.klammer.portal.identity.erasure.RequestStatus;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * An erasure or rectification request about one ledger identity. It names the person only by the pseudonymous
 * enrolment ID, so after execution it serves as the erasure record.
 */
@Entity
@Table(name = "data_subject_request")
public class DataSubjectRequest {

    @Id
    private UUID id;

    @Column(nullable = false)
    private String reference;

    @Column(nullable = false)
    private String kind;

    @Column(name = "authority_id", nullable = false)
    private UUID authorityId;

    @Column(name = "msp_id", nullable = false)
    private String mspId;

    @Column(name = "enrollment_id", nullable = false)
    private String enrollmentId;

    @Column(name = "filed_by", nullable = false)
    private String filedBy;

    @Column(name = "received_on", nullable = false)
    private LocalDate receivedOn;

    @Column(name = "controller_state", nullable = false)
    private String controllerState;

    @Column(name = "first_due_on", nullable = false)
    private LocalDate firstDueOn;

    @Column(name = "due_on", nullable = false)
    private LocalDate dueOn;

    @Column(name = "extension_months", nullable = false)
    private int extensionMonths;

    @Column(name = "extension_reason")
    private @Nullable String extensionReason;

    @Column(name = "legal_basis", nullable = false)
    private String legalBasis;

    @Column(name = "retention_exception")
    private @Nullable String retentionException;

    @Column(name = "corrected_attributes")
    private @Nullable String correctedAttributes;

    @Column(nullable = false)
    private String status;

    @Column(nullable = false)
    private String step;

    @Column(name = "revoked_serials")
    private @Nullable String revokedSerials;

    @Column(name = "revoked_sha256")
    private @Nullable String revokedSha256;

    @Column(name = "new_serial")
    private @Nullable String newSerial;

    @Column(name = "last_error")
    private @Nullable String lastError;

    @Column(name = "created_at", nullable = false, insertable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Column(name = "completed_at")
    private @Nullable Instant completedAt;

    @Version
    private long version;

    protected DataSubjectRequest() {}

    /**
     * Creates an open request.
     *
     * @param correctedAttributes for a correction: the attributes to set, one {@code name=value} line each, and
     *     attributes to remove as {@code -name}; null for an erasure
     */
    public DataSubjectRequest(
            String reference,
            RequestKind kind,
            UUID authorityId,
            String mspId,
            String enrollmentId,
            String filedBy,
            ErasureDeadline deadline,
            String legalBasis,
            @Nullable String correctedAttributes) {
        this.id = UUID.randomUUID();
        this.reference = reference;
        this.kind = kind.databaseValue();
        this.authorityId = authorityId;
        this.mspId = mspId;
        this.enrollmentId = enrollmentId;
        this.filedBy = filedBy;
        this.legalBasis = legalBasis;
        this.correctedAttributes = correctedAttributes;
        this.status = RequestStatus.OPEN.databaseValue();
        this.step = ExecutionStep.FILED.databaseValue();
        this.updatedAt = Instant.now();
        applyDeadline(deadline);
    }

    /** Sets the due dates from a deadline, for example after an extension. */
    public void applyDeadline(ErasureDeadline deadline) {
        this.receivedOn = deadline.receivedOn();
        this.controllerState = deadline.state().name();
        this.firstDueOn = deadline.firstDueOn();
        this.dueOn = deadline.dueOn();
        this.extensionMonths = deadline.extensionMonths();
        this.extensionReason = deadline.extensionReason();
        touch();
    }

    /** Returns the deadline as stored. */
    public ErasureDeadline deadline() {
        return new ErasureDeadline(
                receivedOn, GermanState.valueOf(controllerState), firstDueOn, dueOn, extensionMonths, extensionReason);
    }

    /** Closes the request without erasure, because a legal exception requires keeping the data. */
    public void retain(String exception) {
        this.retentionException = exception;
        this.status = RequestStatus.RETAINED.databaseValue();
        this.completedAt = Instant.now();
        touch();
    }

    /** Records a committed execution step and clears an earlier error. */
    public void reach(ExecutionStep reached) {
        this.step = reached.databaseValue();
        this.status = RequestStatus.IN_PROGRESS.databaseValue();
        this.lastError = null;
        touch();
    }

    /** Marks the request completed. */
    public void complete() {
        this.status = RequestStatus.COMPLETED.databaseValue();
        this.completedAt = Instant.now();
        touch();
    }

    /** Records why the last execution attempt failed; the committed step stays. */
    public void fail(String error) {
        this.status = RequestStatus.FAILED.databaseValue();
        this.lastError = error.length() > 2000 ? error.substring(0, 2000) : error;
        touch();
    }

    /** Records the revoked certificates by serial (lower-case hex) and SHA-256 fingerprint. */
    public void recordRevoked(List<String> serials, List<String> sha256) {
        this.revokedSerials = String.join(",", serials);
        this.revokedSha256 = String.join(",", sha256);
        touch();
    }

    /** Records the serial (lower-case hex) of the certificate issued with the corrected attributes. */
    public void recordNewSerial(String serialHex) {
        this.newSerial = serialHex;
        touch();
    }

    private void touch() {
        this.updatedAt = Instant.now();
    }

    public UUID id() {
        return id;
    }

    public String reference() {
        return reference;
    }

    public RequestKind kind() {
        return RequestKind.fromDatabase(kind);
    }

    public UUID authorityId() {
        return authorityId;
    }

    public String mspId() {
        return mspId;
    }

    public String enrollmentId() {
        return enrollmentId;
    }

    public String filedBy() {
        return filedBy;
    }

    public String legalBasis() {
        return legalBasis;
    }

    public @Nullable String retentionException() {
        return retentionException;
    }

    public @Nullable String correctedAttributes() {
        return correctedAttributes;
    }

    public RequestStatus status() {
        return RequestStatus.fromDatabase(status);
    }

    public ExecutionStep step() {
        return ExecutionStep.fromDatabase(step);
    }

    public List<String> revokedSerials() {
        return split(revokedSerials);
    }

    public List<String> revokedSha256() {
        return split(revokedSha256);
    }

    public @Nullable String newSerial() {
        return newSerial;
    }

    public @Nullable String lastError() {
        return lastError;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public @Nullable Instant completedAt() {
        return completedAt;
    }

    private static List<String> split(@Nullable String joined) {
        return joined == null || joined.isEmpty() ? List.of() : Arrays.asList(joined.split(","));
    }
}
