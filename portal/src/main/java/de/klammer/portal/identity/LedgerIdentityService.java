package de.klammer.portal.identity;

import de.klammer.identity.CertificateSigningRequests;
import de.klammer.identity.EnrollmentIds;
import de.klammer.identity.PersonRecord;
import de.klammer.identity.PersonalDataFoundException;
import de.klammer.identity.PersonalDataGuard;
import de.klammer.identity.Registration;
import de.klammer.identity.RevocationTarget;
import de.klammer.portal.audit.AuditEntry;
import de.klammer.portal.audit.AuditService;
import de.klammer.portal.concept.AssignmentService;
import de.klammer.portal.identity.internal.CaEnrollmentSteps;
import de.klammer.portal.identity.internal.IdentityCertificate;
import de.klammer.portal.identity.internal.IdentityCertificateRepository;
import de.klammer.portal.identity.internal.LedgerIdentity;
import de.klammer.portal.identity.internal.LedgerIdentityRepository;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Requests, approves and enrols ledger identities of clerks and technical systems at their authority's Fabric CA.
 * An administrator of the same authority approves, never the requester. Register and enrol are separate committed
 * steps: a CA error between them leaves the identity registered with the reason shown, to be resumed or withdrawn.
 * The person behind an identity goes only into the {@link IdentityVaultService}; every step writes an audit event.
 */
@Service
public class LedgerIdentityService {

    private static final Logger log = LoggerFactory.getLogger(LedgerIdentityService.class);

    /** Random IDs to draw when one happens to contain a known value of the person. */
    private static final int ID_ATTEMPTS = 10;

    private final LedgerIdentityRepository identities;
    private final IdentityCertificateRepository certificates;
    private final CaEnrollmentSteps ca;
    private final AssignmentService assignments;
    private final IdentityVaultService vault;
    private final AuditService audit;
    private final IdentityActors actors;
    private final LedgerIdentityReadModels readModels;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate transaction;
    private final Clock clock;
    private final PersonalDataGuard guard = new PersonalDataGuard();

    LedgerIdentityService(
            LedgerIdentityRepository identities,
            IdentityCertificateRepository certificates,
            CaEnrollmentSteps ca,
            AssignmentService assignments,
            IdentityVaultService vault,
            AuditService audit,
            IdentityActors actors,
            LedgerIdentityReadModels readModels,
            ApplicationEventPublisher events,
            PlatformTransactionManager transactionManager) {
        this.identities = identities;
        this.certificates = certificates;
        this.ca = ca;
        this.assignments = assignments;
        this.vault = vault;
        this.audit = audit;
        this.actors = actors;
        this.readModels = readModels;
        this.events = events;
        this.transaction = new TransactionTemplate(transactionManager);
        this.clock = Clock.systemUTC();
    }

    /**
     * Requests a ledger identity for the signed-in user, whose name, e-mail and OIDC subject go into the vault.
     *
     * @throws IllegalArgumentException when no role is given or the date is not in the future
     */
    @PreAuthorize("hasAnyRole('CLERK', 'AUTHORITY_ADMIN')")
    public LedgerIdentityDetails requestForSelf(Set<LedgerRole> roles, LocalDate validUntil, KeySource keySource) {
        String holder = actors.current().pseudonym();
        return createRequest(IdentityKind.PERSON, actors.signedInPerson(), holder, roles, validUntil, keySource);
    }

    /**
     * Requests a ledger identity for a clerk of the administrator's authority.
     *
     * @throws IllegalArgumentException when no role is given or the date is not in the future
     */
    @PreAuthorize("hasRole('AUTHORITY_ADMIN')")
    public LedgerIdentityDetails requestForPerson(
            PersonRecord person, Set<LedgerRole> roles, LocalDate validUntil, KeySource keySource) {
        Objects.requireNonNull(person, "person must not be null");
        return createRequest(
                IdentityKind.PERSON, person, IdentityActors.holderPseudonym(person), roles, validUntil, keySource);
    }

    /**
     * Requests a ledger identity for a technical system of the administrator's authority; it has no vault entry.
     *
     * @throws IllegalArgumentException when no role is given or the date is not in the future
     */
    @PreAuthorize("hasRole('AUTHORITY_ADMIN')")
    public LedgerIdentityDetails requestForSystem(Set<LedgerRole> roles, LocalDate validUntil, KeySource keySource) {
        return createRequest(IdentityKind.SYSTEM, null, null, roles, validUntil, keySource);
    }

    /**
     * Stores the requester's CSR for the next enrolment, after checking its form and that it contains no personal data.
     *
     * @throws de.klammer.identity.InvalidCsrException when the CSR is not a valid EC P-256 PKCS#10 request for the
     *     enrolment ID
     * @throws de.klammer.identity.PersonalDataFoundException when the CSR contains personal data
     * @throws IllegalStateException when the identity uses a generated key or has ended
     */
    @PreAuthorize("hasAnyRole('CLERK', 'AUTHORITY_ADMIN')")
    public LedgerIdentityDetails attachCsr(UUID id, String csrPem) {
        IdentityActors.Actor actor = actors.current();
        return inTransaction(() -> {
            LedgerIdentity identity = actors.requireRequesterOrAdmin(load(id), actor);
            CertificateSigningRequests.validate(csrPem, identity.enrollmentId());
            var findings = guard.inspectRequest(identity.enrollmentId(), csrPem, List.of(), personFor(identity));
            if (!findings.isEmpty()) {
                throw new PersonalDataFoundException(identity.enrollmentId(), "certificate signing request", findings);
            }
            identity.attachCsr(csrPem);
            record(actor, "identity.csr-attached", identity, "CSR attached");
            return readModels.details(identity);
        });
    }

    /**
     * Approves the request as an administrator of its authority, then registers and enrols the identity.
     *
     * @throws EnrollmentRuleViolationException when the administrator requested it themselves
     * @throws IllegalStateException when the identity is not requested
     */
    @PreAuthorize("hasRole('AUTHORITY_ADMIN')")
    public EnrollmentOutcome approve(UUID id) {
        IdentityActors.Actor actor = actors.current();
        inTransaction(() -> {
            LedgerIdentity identity = actors.requireOwnAuthority(load(id), actor);
            if (identity.requester().equals(actor.pseudonym())) {
                throw new EnrollmentRuleViolationException(identity.enrollmentId(), "The requester of "
                        + identity.enrollmentId() + " cannot approve it; another administrator must");
            }
            identity.approve(actor.pseudonym());
            record(actor, "identity.approved", identity, "roles " + identity.rolesAttributeValue());
            return null;
        });
        return proceed(id, actor);
    }

    /**
     * Continues an approved or registered request after a failed step or a late CSR.
     *
     * @throws IllegalStateException when the identity is neither approved nor registered
     */
    @PreAuthorize("hasRole('AUTHORITY_ADMIN')")
    public EnrollmentOutcome resume(UUID id) {
        IdentityActors.Actor actor = actors.current();
        LedgerIdentity identity = inTransaction(() -> actors.requireOwnAuthority(load(id), actor));
        if (!identity.status().resumable()) {
            throw new IllegalStateException("Cannot resume identity " + identity.enrollmentId() + " in state "
                    + identity.status() + "; only approved or registered requests can be resumed");
        }
        return proceed(id, actor);
    }

    /**
     * Issues a new certificate for an enrolled identity, with a new generated key or the most recently attached CSR,
     * and marks the earlier certificates superseded. Revoking them is the correction flow's step. When the identity's
     * role assignment names another concept role than its CA registration, the registration moves to that role's
     * affiliation first, so the new certificate carries the new role.
     *
     * @throws IllegalStateException when the identity is not enrolled or its validity has ended
     */
    @PreAuthorize("hasRole('AUTHORITY_ADMIN')")
    public EnrollmentOutcome renew(UUID id) {
        IdentityActors.Actor actor = actors.current();
        LedgerIdentity identity = inTransaction(() -> actors.requireOwnAuthority(load(id), actor));
        identity.requireStatus(LedgerIdentityStatus.ENROLLED, "renew");
        if (identity.validUntil().isBefore(LocalDate.now(clock))) {
            throw new IllegalStateException("The validity of identity " + identity.enrollmentId() + " ended on "
                    + identity.validUntil() + ", so it cannot be renewed; request a new identity");
        }
        PersonRecord person = personFor(identity);
        try {
            String conceptRole = enrollmentRole(identity, actor);
            boolean moved = ca.moveToRole(actor.mspId(), identity.enrollmentId(), conceptRole, person);
            if (moved || !Objects.equals(conceptRole, identity.conceptRole())) {
                identity = recordConceptRole(id, actor, conceptRole);
            }
        } catch (RuntimeException e) {
            return recordFailure(id, actor, e);
        }
        return enrollAndRecord(identity, null, person, actor);
    }

    /**
     * Withdraws a request that is not enrolled: the CA identity is deleted, or revoked where the CA disallows
     * removal, and the person's vault entry is destroyed. When the CA cannot be reached, the request stays as it
     * was with the reason shown.
     *
     * @throws IllegalStateException when the identity is enrolled or has ended
     */
    @PreAuthorize("hasAnyRole('CLERK', 'AUTHORITY_ADMIN')")
    public LedgerIdentityDetails withdraw(UUID id) {
        IdentityActors.Actor actor = actors.current();
        LedgerIdentity identity = inTransaction(() -> actors.requireRequesterOrAdmin(load(id), actor));
        identity.requireWithdrawable();

        boolean revokedInstead = false;
        if (identity.status() != LedgerIdentityStatus.REQUESTED) {
            try {
                revokedInstead = ca.removeAtCa(actor.mspId(), identity.enrollmentId());
            } catch (RuntimeException e) {
                return recordFailure(id, actor, e).identity();
            }
        }
        boolean revoked = revokedInstead;
        return inTransaction(() -> {
            LedgerIdentity current = load(id);
            current.withdraw("withdrawn");
            if (revoked) {
                // The code stays on the withdrawn identity, so its page explains why the CA still lists it.
                current.recordFailure(EnrollmentFailure.REMOVAL_DISABLED, "Identity removal is disabled at the CA of "
                        + actor.mspId() + " (cfg.identities.allowremove), so " + current.enrollmentId()
                        + " was revoked there instead and can never enrol");
            }
            vault.destroy(current.enrollmentId(), "enrolment request withdrawn");
            record(actor, "identity.withdrawn", current, revoked ? "revoked at the CA" : "removed at the CA");
            return readModels.details(current);
        });
    }

    /** Returns the identities of the user's authority; a clerk sees only the ones they requested. */
    @PreAuthorize("isAuthenticated()")
    public List<LedgerIdentityDetails> list() {
        IdentityActors.Actor actor = actors.current();
        return inTransaction(() -> {
            List<LedgerIdentity> visible = identities.findByAuthorityIdOrderByCreatedAtDesc(actor.authorityId()).stream()
                    .filter(identity -> actors.maySee(identity, actor))
                    .toList();
            return readModels.details(visible);
        });
    }

    /**
     * Returns one identity of the user's authority.
     *
     * @throws LedgerIdentityNotFoundException when the user's authority has no such identity visible to the user
     */
    @PreAuthorize("isAuthenticated()")
    public LedgerIdentityDetails details(UUID id) {
        IdentityActors.Actor actor = actors.current();
        return inTransaction(() -> {
            LedgerIdentity identity = actors.requireOwnAuthority(load(id), actor);
            if (!actors.maySee(identity, actor)) {
                throw new LedgerIdentityNotFoundException(id);
            }
            return readModels.details(identity);
        });
    }

    /**
     * Returns whether the signed-in user is the holder of the ledger identity, which was requested for them as a
     * person and has not been erased since.
     */
    @PreAuthorize("isAuthenticated()")
    public boolean heldBySignedInUser(String enrollmentId) {
        IdentityActors.Actor actor = actors.current();
        return inTransaction(() -> identities
                .findByEnrollmentId(enrollmentId)
                .filter(identity -> identity.authorityId().equals(actor.authorityId()))
                .map(identity -> actor.pseudonym().equals(identity.holder()))
                .orElse(false));
    }

    /** Returns the active certificates of the user's authority, soonest expiry first. */
    @PreAuthorize("hasAnyRole('AUTHORITY_ADMIN', 'DPO', 'AUDITOR')")
    public List<CertificateSummary> activeCertificates() {
        IdentityActors.Actor actor = actors.current();
        return inTransaction(() -> readModels.activeCertificates(actor.authorityId()));
    }

    private LedgerIdentityDetails createRequest(
            IdentityKind kind,
            @Nullable PersonRecord person,
            @Nullable String holder,
            Set<LedgerRole> roles,
            LocalDate validUntil,
            KeySource keySource) {
        if (roles.isEmpty()) {
            throw new IllegalArgumentException("Choose at least one role for the ledger identity");
        }
        if (!validUntil.isAfter(LocalDate.now(clock))) {
            throw new IllegalArgumentException("The validity end " + validUntil + " must lie in the future");
        }
        // NOTE: Fabric CA v1.5.21 ignores a requested NotAfter and sets notAfter to the request time plus the signing
        // profile's expiry (lib/serverenroll.go). A custom profile rejects certificates with attributes, because only
        // the built-in profiles allow the attribute extension. So a certificate runs for the CA's default expiry
        // (8760h in the local network), and ValidityEndRevocation revokes the identity after validUntil.
        IdentityActors.Actor actor = actors.current();
        String enrollmentId = pseudonymousIdFor(person == null ? IdentityActors.NO_PERSON : person);

        return inTransaction(() -> {
            LedgerIdentity identity = identities.save(new LedgerIdentity(
                    actor.authorityId(), enrollmentId, kind, roles, validUntil, keySource, actor.pseudonym()));
            if (holder != null) {
                identity.assignHolder(holder);
            }
            if (person != null) {
                vault.store(enrollmentId, actor.authorityId(), person);
            }
            record(actor, "identity.requested", identity, kind.name().toLowerCase(Locale.ROOT) + "; roles "
                    + identity.rolesAttributeValue() + "; valid until " + validUntil + "; key " + keySource);
            log.atInfo()
                    .addKeyValue("msp", actor.mspId())
                    .log("Requested ledger identity {}", enrollmentId);
            return readModels.details(identity);
        });
    }

    /** Runs the CA steps that are still due: registration, then enrolment once a CSR or generated key is at hand. */
    private EnrollmentOutcome proceed(UUID id, IdentityActors.Actor actor) {
        LedgerIdentity identity = inTransaction(() -> load(id));
        PersonRecord person = personFor(identity);

        Registration registration = null;
        if (identity.status() == LedgerIdentityStatus.APPROVED) {
            String conceptRole;
            try {
                conceptRole = enrollmentRole(identity, actor);
                registration = ca.register(
                        actor.mspId(), identity.enrollmentId(), identity.rolesAttributeValue(), conceptRole, person);
            } catch (RuntimeException e) {
                return recordFailure(id, actor, e);
            }
            identity = inTransaction(() -> {
                LedgerIdentity current = load(id);
                current.registerUnderRole(conceptRole);
                current.markRegistered();
                record(actor, "identity.registered", current, "registered at the CA of " + actor.mspId()
                        + (conceptRole == null ? " without concept role" : " under concept role " + conceptRole));
                return current;
            });
        }
        if (identity.keySource() == KeySource.CSR && identity.csrPem() == null) {
            return new EnrollmentOutcome(inTransaction(() -> readModels.details(load(id))), null);
        }
        return enrollAndRecord(identity, registration, person, actor);
    }

    private EnrollmentOutcome enrollAndRecord(
            LedgerIdentity identity,
            @Nullable Registration registration,
            PersonRecord person,
            IdentityActors.Actor actor) {
        CaEnrollmentSteps.Issued issued;
        try {
            issued = ca.enroll(
                    actor.mspId(),
                    identity.enrollmentId(),
                    identity.keySource(),
                    identity.csrPem(),
                    registration,
                    person);
        } catch (RuntimeException e) {
            return recordFailure(identity.id(), actor, e);
        }
        String serialHex = issued.certificate().getSerialNumber().toString(16);
        LedgerIdentityDetails details = inTransaction(() -> {
            LedgerIdentity current = load(identity.id());
            certificates
                    .findByEnrollmentIdAndStatus(current.enrollmentId(), IdentityCertificate.ACTIVE)
                    .forEach(IdentityCertificate::supersede);
            certificates.save(new IdentityCertificate(
                    serialHex,
                    RevocationTarget.Certificate.of(issued.certificate())
                            .authorityKeyIdentifier()
                            .toLowerCase(Locale.ROOT),
                    current.id(),
                    current.enrollmentId(),
                    issued.certificate().getNotBefore().toInstant(),
                    issued.certificate().getNotAfter().toInstant(),
                    LedgerIdentityReadModels.pem(issued.certificate())));
            if (current.status() == LedgerIdentityStatus.REGISTERED) {
                current.markEnrolled();
            } else {
                current.clearFailure();
            }
            record(actor, "identity.enrolled", current, "certificate serial " + serialHex);
            events.publishEvent(new IdentityEnrolled(actor.mspId(), current.enrollmentId(), serialHex));
            return readModels.details(current);
        });
        log.atInfo()
                .addKeyValue("msp", actor.mspId())
                .addKeyValue("serial", serialHex)
                .log("Enrolled ledger identity {}", identity.enrollmentId());
        return new EnrollmentOutcome(details, issued.keyStore());
    }

    /**
     * Returns the concept role of the identity's one role assignment valid today, or null when it has none
     * ({@link AssignmentService#enrollmentRole}).
     */
    private @Nullable String enrollmentRole(LedgerIdentity identity, IdentityActors.Actor actor) {
        return assignments
                .enrollmentRole(identity.enrollmentId(), actor.authorityCode(), LocalDate.now(clock))
                .orElse(null);
    }

    private LedgerIdentity recordConceptRole(UUID id, IdentityActors.Actor actor, @Nullable String conceptRole) {
        return inTransaction(() -> {
            LedgerIdentity current = load(id);
            String previous = Objects.requireNonNullElse(current.conceptRole(), "none");
            current.registerUnderRole(conceptRole);
            record(actor, "identity.concept-role-changed", current, "concept role " + previous + " -> "
                    + Objects.requireNonNullElse(conceptRole, "none") + " at the CA of " + actor.mspId());
            return current;
        });
    }

    /** Records a failed step on the identity, which keeps its state, so that it can be resumed or withdrawn. */
    private EnrollmentOutcome recordFailure(UUID id, IdentityActors.Actor actor, RuntimeException failure) {
        EnrollmentFailure reason = EnrollmentFailure.of(failure);
        LedgerIdentityDetails details = inTransaction(() -> {
            LedgerIdentity current = load(id);
            current.recordFailure(reason.code(), reason.detail());
            record(actor, "identity.step-failed", current, reason.code() + " in state " + current.status());
            return readModels.details(current);
        });
        log.atWarn()
                .addKeyValue("msp", actor.mspId())
                .addKeyValue("failure", reason.code())
                .setCause(failure)
                .log(
                        "Enrolment step of ledger identity {} failed; it stays {}",
                        details.enrollmentId(),
                        details.status());
        return new EnrollmentOutcome(details, null);
    }

    /**
     * Returns the person for the personal-data checks; for a system, a record of values no certificate contains,
     * so that only the e-mail pattern applies.
     */
    private PersonRecord personFor(LedgerIdentity identity) {
        if (identity.kind() == IdentityKind.SYSTEM) {
            return IdentityActors.NO_PERSON;
        }
        return vault.resolveForCheck(identity.enrollmentId(), "check for personal data before issuing a certificate");
    }

    /** Draws random IDs until one contains none of the person's known values; a clash is rare but possible. */
    private String pseudonymousIdFor(PersonRecord person) {
        for (int attempt = 0; attempt < ID_ATTEMPTS; attempt++) {
            String candidate = EnrollmentIds.random();
            if (guard.inspect("enrollment ID", candidate, person).isEmpty()) {
                return candidate;
            }
        }
        throw new IllegalStateException("Every one of " + ID_ATTEMPTS + " random enrollment IDs contained a known"
                + " value of the person, which points to a very short known value. Check the person record.");
    }

    private LedgerIdentity load(UUID id) {
        return identities.findById(id).orElseThrow(() -> new LedgerIdentityNotFoundException(id));
    }

    private void record(IdentityActors.Actor actor, String action, LedgerIdentity identity, String details) {
        audit.record(new AuditEntry(
                actor.pseudonym(), actor.authorityCode(), action, "ledger-identity", identity.enrollmentId(), details));
    }

    private <T> T inTransaction(Supplier<T> work) {
        return transaction.execute(status -> work.get());
    }
}
