package de.klammer.portal.identity.erasure;

import de.klammer.identity.ErasureDeadline;
import de.klammer.identity.ErasureDeadlines;
import de.klammer.identity.PersonRecord;
import de.klammer.identity.RoleAttribute;
import de.klammer.portal.audit.AuditEntry;
import de.klammer.portal.audit.AuditService;
import de.klammer.portal.identity.CertificateAuthorities;
import de.klammer.portal.identity.IdentityVaultService;
import de.klammer.portal.identity.LedgerIdentityService;
import de.klammer.portal.identity.LedgerRole;
import de.klammer.portal.identity.erasure.internal.DataSubjectRequest;
import de.klammer.portal.identity.erasure.internal.DataSubjectRequestRepository;
import de.klammer.portal.identity.erasure.internal.RequestRecipient;
import de.klammer.portal.identity.erasure.internal.RequestRecipientRepository;
import de.klammer.portal.identity.internal.CaEnrollmentSteps;
import de.klammer.portal.security.CurrentUser;
import de.klammer.portal.security.PortalRole;
import de.klammer.portal.security.PortalUser;
import de.klammer.portal.security.UserPseudonyms;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Files erasure and rectification requests about ledger identities and keeps their deadlines (GDPR Art. 12(3)): one
 * month from receipt, extendable by up to two months with a reason. A user acts only on identities of their own
 * authority. Every step writes an audit event that names people by pseudonym only.
 */
@Service
@Transactional
public class DataSubjectRequestService {

    private static final Logger log = LoggerFactory.getLogger(DataSubjectRequestService.class);

    static final int MAX_TEXT_LENGTH = 2000;

    private final DataSubjectRequestRepository requests;
    private final RequestRecipientRepository recipients;
    private final RequestReadModels readModels;
    private final CertificateAuthorities certificateAuthorities;
    private final IdentityVaultService vault;
    private final LedgerIdentityService ledgerIdentities;
    private final AuditService audit;
    private final CurrentUser currentUser;
    private final ErasureProperties properties;
    private final Clock clock;

    DataSubjectRequestService(
            DataSubjectRequestRepository requests,
            RequestRecipientRepository recipients,
            RequestReadModels readModels,
            CertificateAuthorities certificateAuthorities,
            IdentityVaultService vault,
            LedgerIdentityService ledgerIdentities,
            AuditService audit,
            CurrentUser currentUser,
            ErasureProperties properties) {
        this.requests = requests;
        this.recipients = recipients;
        this.readModels = readModels;
        this.certificateAuthorities = certificateAuthorities;
        this.vault = vault;
        this.ledgerIdentities = ledgerIdentities;
        this.audit = audit;
        this.currentUser = currentUser;
        this.properties = properties;
        this.clock = Clock.systemDefaultZone();
    }

    /**
     * Files an erasure request for an identity of the user's authority. Clerks file it for their own identity.
     *
     * @throws AccessDeniedException when a clerk files about an identity that they do not hold
     * @throws de.klammer.identity.IdentityNotFoundException when the authority's CA has no such identity
     * @throws IllegalArgumentException when the legal basis is blank or too long, or the receipt lies in the future
     */
    @PreAuthorize("hasAnyRole('CLERK', 'AUTHORITY_ADMIN', 'DPO')")
    public RequestSummary fileErasure(String enrollmentId, String legalBasis, LocalDate receivedOn) {
        return file(RequestKind.ERASURE, enrollmentId, legalBasis, receivedOn, null);
    }

    /**
     * Files a rectification request that sets or removes attributes of an identity of the user's authority.
     * Executing it modifies the CA identity, enrols a certificate with the corrected attributes and revokes the old
     * ones.
     *
     * @param removedAttributes names of attributes to remove
     * @throws AccessDeniedException when a clerk files about an identity that they do not hold
     * @throws IllegalArgumentException when no attribute changes, or the legal basis is invalid
     */
    @PreAuthorize("hasAnyRole('CLERK', 'AUTHORITY_ADMIN', 'DPO')")
    public RequestSummary fileCorrection(
            String enrollmentId,
            String legalBasis,
            LocalDate receivedOn,
            List<RoleAttribute> attributes,
            List<String> removedAttributes) {
        if (attributes.isEmpty() && removedAttributes.isEmpty()) {
            throw new IllegalArgumentException(
                    "A correction of identity " + enrollmentId + " needs at least one attribute to set or remove");
        }
        attributes.stream()
                .filter(attribute -> attribute.name().equals(CaEnrollmentSteps.ROLES_ATTRIBUTE))
                .forEach(attribute -> requireKnownRoles(enrollmentId, attribute.value()));
        return file(RequestKind.CORRECTION, enrollmentId, legalBasis, receivedOn,
                CorrectedAttributes.format(attributes, removedAttributes));
    }

    /**
     * Replaces the person's record in the identity vault with corrected data (GDPR Art. 16). Nothing personal is
     * audited or logged, only the pseudonym.
     *
     * @throws IllegalArgumentException when the vault has no record for the pseudonym
     * @throws AccessDeniedException when the person belongs to another authority
     */
    @PreAuthorize("hasAnyRole('AUTHORITY_ADMIN', 'DPO')")
    public void correctPersonRecord(String enrollmentId, PersonRecord corrected) {
        PortalUser user = currentUser.require();
        vault.replace(enrollmentId, corrected);
        audit.record(new AuditEntry(actor(user), authority(user).code(), "request.person-record-corrected",
                "pseudonym", enrollmentId, "vault record replaced with corrected data"));
        log.atInfo().addKeyValue("pseudonym", enrollmentId).log("Corrected vault record of {}", enrollmentId);
    }

    /**
     * Replaces the names and e-mail address in the person's vault record and keeps the OIDC issuer and subject. Blank
     * values are stored as absent.
     *
     * @throws IllegalArgumentException when the vault has no record for the pseudonym
     * @throws AccessDeniedException when the person belongs to another authority
     */
    @PreAuthorize("hasAnyRole('AUTHORITY_ADMIN', 'DPO')")
    public void correctPersonNames(
            String enrollmentId, @Nullable String givenName, @Nullable String familyName, @Nullable String email) {
        if (!vault.contains(enrollmentId)) {
            throw new IllegalArgumentException("No vault record found for pseudonym " + enrollmentId
                    + "; only a person with a vault record can have it corrected");
        }
        PersonRecord current = vault.resolve(enrollmentId, "rectify the person's data (Art. 16 GDPR)");
        correctPersonRecord(enrollmentId, new PersonRecord(
                blankToNull(givenName), blankToNull(familyName), blankToNull(email), current.oidcIssuer(),
                current.oidcSubject()));
    }

    /**
     * Extends the deadline by one or two further months. The reason is recorded and must be sent to the person within
     * the first month.
     *
     * @throws de.klammer.identity.DeadlineExtensionRejectedException when the reason is blank, more than two months
     *     in total are requested, or the notification comes after the first month
     */
    @PreAuthorize("hasRole('DPO')")
    public RequestSummary extend(UUID requestId, int additionalMonths, String reason, LocalDate notifiedOn) {
        PortalUser user = currentUser.require();
        DataSubjectRequest request = ownRequest(requestId, user);
        requirePending(request);
        ErasureDeadline extended = deadlines(request.mspId())
                .extend(request.deadline(), additionalMonths, requireText("reason", reason), notifiedOn);
        request.applyDeadline(extended);
        audit(user, "request.extended", request, "due on " + extended.dueOn() + " after " + extended.extensionMonths()
                + " further month(s); reason: " + extended.extensionReason());
        return readModels.summary(request);
    }

    /**
     * Closes an erasure request without erasing, because an exception of GDPR Art. 17(3) requires keeping the data,
     * for example a legal obligation to keep records.
     */
    @PreAuthorize("hasRole('DPO')")
    public RequestSummary retain(UUID requestId, String exception) {
        PortalUser user = currentUser.require();
        DataSubjectRequest request = ownRequest(requestId, user);
        requirePending(request);
        if (request.step() != ExecutionStep.FILED) {
            throw new IllegalStateException("Request " + request.reference() + " is already being executed (step "
                    + request.step().databaseValue() + ") and can no longer be closed without erasure");
        }
        request.retain(requireText("exception", exception));
        audit(user, "request.retained", request, "Art. 17(3) exception: " + request.retentionException());
        return readModels.summary(request);
    }

    /** Records that a user of a recipient authority acknowledged the notification of the request's outcome. */
    @PreAuthorize("hasAnyRole('AUTHORITY_ADMIN', 'DPO')")
    public RequestSummary acknowledge(UUID requestId) {
        PortalUser user = currentUser.require();
        DataSubjectRequest request = find(requestId);
        RequestRecipient recipient = recipients
                .findById(new RequestRecipient.Key(requestId, authority(user).mspId()))
                .orElseThrow(() -> new IllegalArgumentException("Authority " + authority(user).mspId()
                        + " is no recipient of request " + request.reference()));
        recipient.acknowledge(actor(user));
        audit(user, "request.acknowledged", request, "acknowledged by " + authority(user).mspId());
        return readModels.summary(request);
    }

    /** Returns the requests about identities of the user's authority, earliest due date first. */
    @PreAuthorize("hasAnyRole('AUTHORITY_ADMIN', 'DPO', 'AUDITOR')")
    @Transactional(readOnly = true)
    public List<RequestSummary> list() {
        PortalUser user = currentUser.require();
        return requests.findByMspIdOrderByDueOnAscReferenceAsc(authority(user).mspId()).stream()
                .map(readModels::summary)
                .toList();
    }

    /** Returns the requests whose outcome the user's authority has yet to acknowledge as a recipient. */
    @PreAuthorize("hasAnyRole('AUTHORITY_ADMIN', 'DPO')")
    @Transactional(readOnly = true)
    public List<RequestSummary> listReceived() {
        String mspId = authority(currentUser.require()).mspId();
        List<RequestSummary> received = new ArrayList<>();
        for (DataSubjectRequest request : requests.findAll()) {
            boolean unacknowledged = recipients.findById(new RequestRecipient.Key(request.id(), mspId))
                    .filter(recipient -> recipient.acknowledgedAt() == null)
                    .isPresent();
            if (unacknowledged) {
                received.add(readModels.summary(request));
            }
        }
        return received;
    }

    /** Returns one request of the user's authority. */
    @PreAuthorize("hasAnyRole('AUTHORITY_ADMIN', 'DPO', 'AUDITOR')")
    @Transactional(readOnly = true)
    public RequestSummary get(UUID requestId) {
        return readModels.summary(ownRequest(requestId, currentUser.require()));
    }

    /** Returns the deadline rules of the authority, with the public holidays of its office's state. */
    public ErasureDeadlines deadlines(String mspId) {
        return new ErasureDeadlines(properties.controllerState(mspId));
    }

    private RequestSummary file(
            RequestKind kind,
            String enrollmentId,
            String legalBasis,
            LocalDate receivedOn,
            @Nullable String correctedAttributes) {
        PortalUser user = currentUser.require();
        PortalUser.AuthorityRef authority = authority(user);
        Objects.requireNonNull(enrollmentId, "enrollmentId must not be null");
        boolean onlyClerk = !user.hasRole(PortalRole.AUTHORITY_ADMIN) && !user.hasRole(PortalRole.DPO);
        if (onlyClerk && !ledgerIdentities.heldBySignedInUser(enrollmentId)) {
            throw new AccessDeniedException("A clerk may file " + kind.databaseValue() + " requests only about their"
                    + " own ledger identity, and " + enrollmentId + " is not theirs. Ask an authority administrator or"
                    + " the data protection officer to file it");
        }
        if (receivedOn.isAfter(LocalDate.now(clock))) {
            throw new IllegalArgumentException("The receipt date " + receivedOn + " lies in the future");
        }
        String basis = requireText("legal basis", legalBasis);
        // The CA is authoritative for which identities exist; this throws IdentityNotFoundException otherwise.
        certificateAuthorities.client(authority.mspId()).identities().get(enrollmentId);

        ErasureDeadline deadline = deadlines(authority.mspId()).deadlineFor(receivedOn);
        DataSubjectRequest request = requests.save(new DataSubjectRequest(
                nextReference(), kind, authority.id(), authority.mspId(), enrollmentId, actor(user), deadline, basis,
                correctedAttributes));
        audit(user, "request.filed", request, kind.databaseValue() + " of identity " + enrollmentId + "; received on "
                + receivedOn + "; due on " + deadline.dueOn() + "; legal basis: " + basis);
        log.atInfo()
                .addKeyValue("request", request.reference())
                .addKeyValue("msp", authority.mspId())
                .log("Filed {} request for identity {}", kind.databaseValue(), enrollmentId);
        return readModels.summary(request);
    }

    private DataSubjectRequest find(UUID requestId) {
        return requests.findById(requestId)
                .orElseThrow(() -> new IllegalArgumentException("No data subject request with id " + requestId));
    }

    private DataSubjectRequest ownRequest(UUID requestId, PortalUser user) {
        DataSubjectRequest request = find(requestId);
        if (!request.mspId().equals(authority(user).mspId())) {
            throw new AccessDeniedException("Request " + request.reference() + " belongs to " + request.mspId()
                    + "; only users of that authority may act on it");
        }
        return request;
    }

    private static void requireKnownRoles(String enrollmentId, String value) {
        for (String role : value.split(",")) {
            try {
                LedgerRole.fromAttributeValue(role.strip());
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("The corrected " + CaEnrollmentSteps.ROLES_ATTRIBUTE + " of identity "
                        + enrollmentId + " names the unknown role '" + role.strip() + "'. Known roles are "
                        + Arrays.stream(LedgerRole.values()).map(LedgerRole::attributeValue).toList(), e);
            }
        }
    }

    private static @Nullable String blankToNull(@Nullable String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    private static void requirePending(DataSubjectRequest request) {
        if (!request.status().isPending()) {
            throw new IllegalStateException("Request " + request.reference() + " is "
                    + request.status().databaseValue() + " and can no longer be changed");
        }
    }

    private static String requireText(String name, String value) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("The " + name + " must not be blank");
        }
        if (value.length() > MAX_TEXT_LENGTH) {
            throw new IllegalArgumentException("The " + name + " has " + value.length() + " characters; at most "
                    + MAX_TEXT_LENGTH + " are allowed");
        }
        return value.strip();
    }

    private void audit(PortalUser user, String action, DataSubjectRequest request, String details) {
        audit.record(new AuditEntry(actor(user), authority(user).code(), action, "data-subject-request",
                request.reference(), details));
    }

    private static String nextReference() {
        return "DSR-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase(Locale.ROOT);
    }

    static PortalUser.AuthorityRef authority(PortalUser user) {
        if (user.authority() == null) {
            throw new AccessDeniedException("The signed-in user belongs to no configured authority");
        }
        return user.authority();
    }

    /** Names the user in the request and the audit trail without personal data, as every feature does. */
    static String actor(PortalUser user) {
        return UserPseudonyms.of(user);
    }
}
