package de.klammer.portal.identity.internal;

import de.klammer.portal.identity.IdentityKind;
import de.klammer.portal.identity.KeySource;
import de.klammer.portal.identity.LedgerIdentityStatus;
import de.klammer.portal.identity.LedgerRole;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/** A ledger identity with its request state. Stores only the pseudonym; the person is in the vault. */
@Entity
@Table(name = "ledger_identity")
public class LedgerIdentity {

    @Id
    private UUID id;

    @Column(name = "authority_id", nullable = false)
    private UUID authorityId;

    @Column(name = "enrollment_id", nullable = false, updatable = false)
    private String enrollmentId;

    @Column(nullable = false)
    private String kind;

    @Column(nullable = false)
    private String roles;

    @Column(name = "valid_until", nullable = false)
    private LocalDate validUntil;

    @Column(name = "key_source", nullable = false)
    private String keySource;

    @Column(name = "csr_pem")
    private @Nullable String csrPem;

    @Column(nullable = false)
    private String status;

    @Column(nullable = false)
    private String requester;

    private @Nullable String approver;

    private @Nullable String holder;

    @Column(name = "concept_role")
    private @Nullable String conceptRole;

    @Column(name = "failure_code")
    private @Nullable String failureCode;

    @Column(name = "failure_reason")
    private @Nullable String failureReason;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Version
    private long version;

    protected LedgerIdentity() {}

    public LedgerIdentity(
            UUID authorityId,
            String enrollmentId,
            IdentityKind kind,
            Set<LedgerRole> roles,
            LocalDate validUntil,
            KeySource keySource,
            String requester) {
        this.id = UUID.randomUUID();
        this.authorityId = authorityId;
        this.enrollmentId = enrollmentId;
        this.kind = kind.name().toLowerCase(Locale.ROOT);
        this.roles = roles.stream().map(LedgerRole::attributeValue).sorted().collect(Collectors.joining(","));
        this.validUntil = validUntil;
        this.keySource = keySource.name().toLowerCase(Locale.ROOT);
        this.status = LedgerIdentityStatus.REQUESTED.databaseValue();
        this.requester = requester;
        this.createdAt = Instant.now();
        this.updatedAt = createdAt;
    }

    public UUID id() {
        return id;
    }

    public UUID authorityId() {
        return authorityId;
    }

    public String enrollmentId() {
        return enrollmentId;
    }

    public IdentityKind kind() {
        return IdentityKind.valueOf(kind.toUpperCase(Locale.ROOT));
    }

    public List<LedgerRole> roles() {
        return Arrays.stream(roles.split(",")).map(LedgerRole::fromAttributeValue).toList();
    }

    /** Returns the roles as the value of the certificate attribute, comma-separated. */
    public String rolesAttributeValue() {
        return roles;
    }

    public LocalDate validUntil() {
        return validUntil;
    }

    public KeySource keySource() {
        return KeySource.valueOf(keySource.toUpperCase(Locale.ROOT));
    }

    public @Nullable String csrPem() {
        return csrPem;
    }

    public LedgerIdentityStatus status() {
        return LedgerIdentityStatus.fromDatabaseValue(status);
    }

    public String requester() {
        return requester;
    }

    public @Nullable String approver() {
        return approver;
    }

    public @Nullable String failureCode() {
        return failureCode;
    }

    public @Nullable String failureReason() {
        return failureReason;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant updatedAt() {
        return updatedAt;
    }

    /**
     * Records the approval.
     *
     * @throws IllegalStateException unless the identity is requested
     */
    public void approve(String approverPseudonym) {
        requireStatus(LedgerIdentityStatus.REQUESTED, "approve");
        this.approver = approverPseudonym;
        moveTo(LedgerIdentityStatus.APPROVED, null);
    }

    /** Stores the requester's CSR, to be used at the next enrolment attempt. */
    public void attachCsr(String pem) {
        if (keySource() != KeySource.CSR) {
            throw new IllegalStateException("Identity " + enrollmentId + " uses a generated key, so it takes no CSR");
        }
        if (status() != LedgerIdentityStatus.REQUESTED
                && status() != LedgerIdentityStatus.ENROLLED
                && !status().resumable()) {
            throw new IllegalStateException("Cannot attach a CSR to identity " + enrollmentId + " in state "
                    + status() + "; only requested, approved, registered or enrolled identities take one");
        }
        this.csrPem = pem;
        touch();
    }

    /** Returns the concept role whose organizational unit the CA registration carries, or null for none. */
    public @Nullable String conceptRole() {
        return conceptRole;
    }

    /** Records the concept role under which the CA registered the identity, or null for the authority's own. */
    public void registerUnderRole(@Nullable String roleCode) {
        this.conceptRole = roleCode;
        touch();
    }

    /** Records that the CA registered the identity. */
    public void markRegistered() {
        requireStatus(LedgerIdentityStatus.APPROVED, "mark registered");
        moveTo(LedgerIdentityStatus.REGISTERED, null);
    }

    /** Records that the CA issued a certificate. */
    public void markEnrolled() {
        requireStatus(LedgerIdentityStatus.REGISTERED, "mark enrolled");
        moveTo(LedgerIdentityStatus.ENROLLED, null);
    }

    /** Records why the last step failed; the state stays, so the request can be resumed or withdrawn. */
    public void recordFailure(String code, String reason) {
        this.failureCode = code;
        this.failureReason = reason;
        touch();
    }

    /**
     * Withdraws the request before enrolment.
     *
     * @throws IllegalStateException when the identity is enrolled or already ended
     */
    public void withdraw(@Nullable String note) {
        requireWithdrawable();
        moveTo(LedgerIdentityStatus.WITHDRAWN, note);
    }

    /**
     * Throws unless the identity can be withdrawn: requested, approved, registered or failed.
     *
     * @throws IllegalStateException naming the current state otherwise
     */
    public void requireWithdrawable() {
        LedgerIdentityStatus current = status();
        if (current != LedgerIdentityStatus.REQUESTED
                && !current.resumable()
                && current != LedgerIdentityStatus.FAILED) {
            throw new IllegalStateException("Cannot withdraw identity " + enrollmentId + " in state " + current
                    + "; revoke an enrolled identity instead");
        }
    }

    /** Clears the reason of an earlier failed step after a step succeeded. */
    public void clearFailure() {
        this.failureCode = null;
        this.failureReason = null;
        touch();
    }

    /**
     * Replaces the roles with those of a corrected certificate attribute, comma-separated.
     *
     * @throws IllegalArgumentException when a value names no {@link LedgerRole}
     */
    public void correctRoles(String attributeValue) {
        Set<LedgerRole> corrected = Arrays.stream(attributeValue.split(","))
                .map(String::strip)
                .map(LedgerRole::fromAttributeValue)
                .collect(Collectors.toSet());
        this.roles = corrected.stream().map(LedgerRole::attributeValue).sorted().collect(Collectors.joining(","));
        touch();
    }

    /** Returns the pseudonym of the identity's holder as a portal user, or null for a technical system. */
    public @Nullable String holder() {
        return holder;
    }

    /** Records the pseudonym of the identity's holder as a portal user. */
    public void assignHolder(String holderPseudonym) {
        this.holder = holderPseudonym;
        touch();
    }

    /** Clears the holder, because an erasure leaves no link from the identity to a portal user. */
    public void clearHolder() {
        this.holder = null;
        touch();
    }

    /** Records that the CA revoked the identity. */
    public void markRevoked(String reason) {
        moveTo(LedgerIdentityStatus.REVOKED, reason);
    }

    /** Throws unless the identity is in the expected state. */
    public void requireStatus(LedgerIdentityStatus expected, String action) {
        if (status() != expected) {
            throw new IllegalStateException("Cannot " + action + " identity " + enrollmentId + " in state " + status()
                    + "; expected " + expected);
        }
    }

    private void moveTo(LedgerIdentityStatus next, @Nullable String reason) {
        this.status = next.databaseValue();
        this.failureCode = null;
        this.failureReason = reason;
        touch();
    }

    private void touch() {
        this.updatedAt = Instant.now();
    }
}
