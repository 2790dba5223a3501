package de.klammer.portal.onboarding;

import de.klammer.ledger.ImportedMsp;
import de.klammer.ledger.MspFinding;
import de.klammer.ledger.MspValidation;
import de.klammer.portal.audit.AuditEntry;
import de.klammer.portal.audit.AuditService;
import de.klammer.portal.governance.ProposalDetails;
import de.klammer.portal.governance.ProposalService;
import de.klammer.portal.governance.ProposalTexts;
import de.klammer.portal.ledger.LedgerGateway;
import de.klammer.portal.onboarding.internal.AuthorityRows;
import de.klammer.portal.onboarding.internal.AuthorityRows.ProposedAuthority;
import de.klammer.portal.onboarding.internal.OnboardingDraftEntity;
import de.klammer.portal.onboarding.internal.OnboardingDraftRepository;
import de.klammer.portal.security.CurrentUser;
import de.klammer.portal.security.PortalUser;
import de.klammer.portal.security.UserPseudonyms;
import de.klammer.portal.shell.AuthoritySecrets;
import de.klammer.portal.shell.PortalProperties;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Runs the onboarding wizard for administrators of the network operator (role {@code NETWORK_OPERATOR}). Each step
 * checks its input and saves it in the draft, so the administrator can stop and resume. Rejected input leaves the draft as it was. Submitting opens a governance
 * proposal that adds the organisation and writes the authority row with status {@code proposed}, which
 * {@link OnboardingActivation} makes active once the update is on the channel. Secrets are sealed with
 * {@link AuthoritySecrets} and never logged or audited.
 */
@Service
@Transactional
public class OnboardingService {

    private static final Logger log = LoggerFactory.getLogger(OnboardingService.class);

    /** Largest MSP upload accepted, in bytes. */
    public static final int MAX_MSP_UPLOAD_BYTES = MspUploads.MAX_UPLOAD_BYTES;

    static final String OIDC_CLIENT_SECRET = "oidc_client_secret";
    static final String CA_REGISTRAR_SECRET = "ca_registrar_secret";
    private static final List<String> OPEN = List.of("draft", "submitted");
    private static final int MAX_NAME_LENGTH = 200;
    private static final int MAX_ID_LENGTH = 64;

    private final OnboardingDraftRepository drafts;
    private final AuthorityRows authorityRows;
    private final OnboardingDrafts views;
    private final OidcDiscovery discovery;
    private final CaProbe caProbe;
    private final AuthoritySecrets secrets;
    private final LedgerGateway ledger;
    private final ProposalService proposals;
    private final AuditService audit;
    private final CurrentUser currentUser;
    private final String channel;

    OnboardingService(
            OnboardingDraftRepository drafts,
            AuthorityRows authorityRows,
            OnboardingDrafts views,
            OidcDiscovery discovery,
            CaProbe caProbe,
            AuthoritySecrets secrets,
            LedgerGateway ledger,
            ProposalService proposals,
            AuditService audit,
            CurrentUser currentUser,
            PortalProperties properties) {
        this.drafts = drafts;
        this.authorityRows = authorityRows;
        this.views = views;
        this.discovery = discovery;
        this.caProbe = caProbe;
        this.secrets = secrets;
        this.ledger = ledger;
        this.proposals = proposals;
        this.audit = audit;
        this.currentUser = currentUser;
        this.channel = properties.channel();
    }

    /** Returns the drafts still being edited or decided, most recently changed first. */
    @PreAuthorize("hasRole('NETWORK_OPERATOR')")
    @Transactional(readOnly = true)
    public List<OnboardingDraft> listOpenDrafts() {
        return drafts.findByStatusInOrderByUpdatedAtDesc(OPEN).stream().map(views::toDraft).toList();
    }

    /** Returns the codes of the authority types a new authority can have. */
    @PreAuthorize("hasRole('NETWORK_OPERATOR')")
    @Transactional(readOnly = true)
    public List<String> authorityTypes() {
        return authorityRows.authorityTypes();
    }

    /**
     * Returns one draft.
     *
     * @throws OnboardingDraftNotFoundException when no draft has the id
     */
    @PreAuthorize("hasRole('NETWORK_OPERATOR')")
    @Transactional(readOnly = true)
    public OnboardingDraft getDraft(UUID draftId) {
        return views.toDraft(find(draftId));
    }

    /** Starts an empty draft at the first step. */
    @PreAuthorize("hasRole('NETWORK_OPERATOR')")
    public OnboardingDraft startDraft() {
        PortalUser user = currentUser.require();
        String authorityCode = user.authority() == null ? null : user.authority().code();
        OnboardingDraftEntity draft = drafts.save(new OnboardingDraftEntity(UserPseudonyms.ofSubject(user),
                authorityCode));
        record(draft, "onboarding.draft.started", "new onboarding draft");
        return views.toDraft(draft);
    }

    /**
     * Saves step (a): name, authority type, MSP ID and code. A changed code seals the stored secrets again, because
     * they are bound to the code.
     *
     * @throws OnboardingInputException naming the field when a value is invalid or already taken
     */
    @PreAuthorize("hasRole('NETWORK_OPERATOR')")
    public OnboardingDraft saveIdentity(UUID draftId, String name, String authorityType, String mspId, String code) {
        OnboardingDraftEntity draft = findEditable(draftId);
        String cleanName = requireText("authority-name", "name", name, MAX_NAME_LENGTH);
        String cleanMspId = mspId.strip();
        String cleanCode = code.strip();
        if (!authorityRows.authorityTypes().contains(authorityType)) {
            throw new OnboardingInputException("authority-type", "The authority type '" + authorityType
                    + "' is unknown; choose one of " + String.join(", ", authorityRows.authorityTypes()) + ".");
        }
        requireMspId(draft, cleanMspId);
        requireCode(draft, cleanCode);

        resealForNewCode(draft, cleanCode);
        draft.setIdentity(cleanName, authorityType, cleanMspId, cleanCode);
        advance(draft, OnboardingStep.IDENTITY);
        record(draft, "onboarding.identity.saved", "name " + AuditService.withoutEmailAddresses(cleanName) + ", type "
                + authorityType + ", MSP " + cleanMspId + ", code " + cleanCode);
        return views.toDraft(draft);
    }

    /**
     * Saves step (b) after reading the issuer's discovery document. A blank secret keeps the stored one.
     *
     * @throws OnboardingInputException naming the field when the issuer fails a check or a value is missing
     */
    @PreAuthorize("hasRole('NETWORK_OPERATOR')")
    public OnboardingDraft saveIdentityProvider(UUID draftId, String issuer, String clientId, String clientSecret) {
        OnboardingDraftEntity draft = findEditable(draftId);
        String code = requireReached(draft, OnboardingStep.IDENTITY_PROVIDER);
        String cleanIssuer = issuer.strip();
        String cleanClientId = requireText("oidc-client-id", "client ID", clientId, MAX_NAME_LENGTH);
        byte[] sealedSecret = sealOrKeep(code, OIDC_CLIENT_SECRET, clientSecret, draft.oidcClientSecret(),
                "oidc-client-secret", "client secret");
        if (authorityRows.issuerTaken(cleanIssuer)) {
            throw new OnboardingInputException("oidc-issuer", "The issuer " + cleanIssuer + " already signs in"
                    + " another authority; each authority needs its own issuer, because the issuer decides the"
                    + " authority of a user.");
        }
        OidcDiscovery.Provider provider = discovery.check(cleanIssuer);

        draft.setIdentityProvider(provider.issuer(), cleanClientId, sealedSecret);
        advance(draft, OnboardingStep.IDENTITY_PROVIDER);
        record(draft, "onboarding.identity-provider.saved", "issuer " + provider.issuer() + " checked; client "
                + cleanClientId + "; client secret sealed");
        return views.toDraft(draft);
    }

    /**
     * Saves step (c) after reading the CA's chain from its cainfo. A blank registrar secret keeps the stored one.
     *
     * @throws OnboardingInputException naming the field when the CA cannot be reached or a value is missing
     */
    @PreAuthorize("hasRole('NETWORK_OPERATOR')")
    public OnboardingDraft saveCertificateAuthority(
            UUID draftId,
            String url,
            String caName,
            String tlsRootPem,
            String registrarId,
            String registrarSecret,
            String affiliation) {
        OnboardingDraftEntity draft = findEditable(draftId);
        String code = requireReached(draft, OnboardingStep.CERTIFICATE_AUTHORITY);
        String cleanCaName = requireText("ca-name", "CA name", caName, MAX_NAME_LENGTH);
        String cleanRegistrar = requireText("ca-registrar-id", "registrar ID", registrarId, MAX_NAME_LENGTH);
        String cleanAffiliation = affiliation.strip();
        if (!cleanAffiliation.matches("[A-Za-z0-9_.-]*")) {
            throw new OnboardingInputException("ca-affiliation", "The affiliation '" + affiliation + "' may contain"
                    + " only letters, digits, '_', '-' and dots, for example org1.department1; leave it empty for the"
                    + " CA's root affiliation.");
        }
        byte[] sealedSecret = sealOrKeep(code, CA_REGISTRAR_SECRET, registrarSecret, draft.caRegistrarSecret(),
                "ca-registrar-secret", "registrar secret");
        CaProbe.CaChain chain = caProbe.fetch(url, cleanCaName, tlsRootPem);

        draft.setCertificateAuthority(url.strip(), cleanCaName, tlsRootPem.strip() + "\n", chain.chainPem(),
                cleanRegistrar, sealedSecret, cleanAffiliation);
        advance(draft, OnboardingStep.CERTIFICATE_AUTHORITY);
        record(draft, "onboarding.certificate-authority.saved", "CA " + cleanCaName + " at " + url.strip()
                + " answered with a chain of " + chain.chain().size() + "; registrar " + cleanRegistrar
                + "; registrar secret sealed");
        return views.toDraft(draft);
    }

    /**
     * Saves step (d): the uploaded MSP definition, after importing it once.
     *
     * @param organization the organisation in a configtx.yaml; only for {@link MspFormat#CONFIGTX_ZIP}
     * @throws OnboardingInputException when the upload is too large, cannot be imported or defines another MSP ID
     */
    @PreAuthorize("hasRole('NETWORK_OPERATOR')")
    public OnboardingDraft saveMspDefinition(
            UUID draftId, MspFormat format, String fileName, byte[] upload, @Nullable String organization) {
        OnboardingDraftEntity draft = findEditable(draftId);
        requireReached(draft, OnboardingStep.MSP_DEFINITION);
        String mspId = Objects.requireNonNull(draft.mspId());
        ImportedMsp msp = MspUploads.read(format, fileName, upload, organization, mspId);

        draft.setMspUpload(format.databaseValue(), fileName, organization == null ? null : organization.strip(), upload);
        advance(draft, OnboardingStep.MSP_DEFINITION);
        record(draft, "onboarding.msp-definition.saved", format.databaseValue() + " " + fileName + " with "
                + msp.rootCerts().size() + " root and " + msp.admins().size() + " admin certificates");
        return views.toDraft(draft);
    }

    /**
     * Runs step (e): validates the MSP definition and the portal's checks against the live channel, the other
     * authorities and the CA chain. Without errors the draft moves on to the review.
     *
     * @throws OnboardingInputException when an earlier step is missing
     */
    @PreAuthorize("hasRole('NETWORK_OPERATOR')")
    public List<MspFinding> validate(UUID draftId) {
        OnboardingDraftEntity draft = findEditable(draftId);
        List<MspFinding> findings = findings(draft);
        if (!MspValidation.hasErrors(findings)) {
            advance(draft, OnboardingStep.VALIDATION);
        }
        record(draft, "onboarding.validated", findings.stream().filter(f -> f.severity() == MspFinding.Severity.ERROR)
                .count() + " errors, " + findings.stream().filter(f -> f.severity() == MspFinding.Severity.WARNING)
                .count() + " warnings");
        return findings;
    }

    /**
     * Runs step (f): validates once more and opens the onboarding proposal, then writes the authority row with status
     * {@code proposed}.
     *
     * @throws OnboardingInputException when a step is missing or the validation finds errors
     * @throws IllegalArgumentException when the rationale or legal basis is blank or too long
     */
    @PreAuthorize("hasRole('NETWORK_OPERATOR')")
    public ProposalDetails submit(UUID draftId, String rationale, String legalBasis) {
        OnboardingDraftEntity draft = findEditable(draftId);
        requireReached(draft, OnboardingStep.REVIEW);
        List<MspFinding> findings = findings(draft);
        if (MspValidation.hasErrors(findings)) {
            throw new OnboardingInputException("validation", "The validation finds errors again: " + findings.stream()
                    .filter(f -> f.severity() == MspFinding.Severity.ERROR)
                    .map(MspFinding::describe)
                    .collect(Collectors.joining("; ")) + ". Fix them and validate again.");
        }
        ImportedMsp msp = views.importMsp(draft);
        String name = Objects.requireNonNull(draft.name());
        ProposalTexts texts = new ProposalTexts("Onboarding: " + name + " (" + msp.mspId() + ")", rationale,
                legalBasis, false);
        ProposalDetails proposal = proposals.proposeOnboarding(texts, msp, views.describe(draft, msp, findings));

        authorityRows.insertProposed(proposedAuthority(draft, proposal.id()));
        draft.markSubmitted(proposal.id());
        record(draft, "onboarding.submitted", "proposal " + proposal.reference() + " adds " + msp.mspId()
                + "; authority " + draft.code() + " stored as proposed");
        log.atInfo()
                .addKeyValue("draft", draft.id())
                .addKeyValue("mspId", msp.mspId())
                .addKeyValue("proposal", proposal.reference())
                .log("Submitted onboarding draft");
        return proposal;
    }

    /** Discards a draft that has not been submitted. */
    @PreAuthorize("hasRole('NETWORK_OPERATOR')")
    public void discard(UUID draftId) {
        OnboardingDraftEntity draft = findEditable(draftId);
        draft.markDiscarded();
        record(draft, "onboarding.draft.discarded", "discarded at step " + draft.step());
    }

    private List<MspFinding> findings(OnboardingDraftEntity draft) {
        requireReached(draft, OnboardingStep.VALIDATION);
        ImportedMsp msp = views.importMsp(draft);
        String mspId = msp.mspId();
        boolean mspIdTaken = authorityRows.mspIdTaken(mspId)
                || drafts.existsByMspIdAndStatusInAndIdNot(mspId, OPEN, draft.id());
        Map<String, List<String>> otherRoots = views.rootsOfOtherOpenDrafts(draft.id());
        return OnboardingChecks.findings(msp, ledger.readChannel(channel), mspIdTaken,
                CaProbe.parseChain(Objects.requireNonNull(draft.caChainPem())), otherRoots);
    }

    private ProposedAuthority proposedAuthority(OnboardingDraftEntity draft, UUID proposalId) {
        return new ProposedAuthority(
                Objects.requireNonNull(draft.code()),
                Objects.requireNonNull(draft.name()),
                Objects.requireNonNull(draft.authorityType()),
                Objects.requireNonNull(draft.mspId()),
                Objects.requireNonNull(draft.oidcIssuer()),
                Objects.requireNonNull(draft.oidcClientId()),
                Objects.requireNonNull(draft.oidcClientSecret()),
                Objects.requireNonNull(draft.caUrl()),
                Objects.requireNonNull(draft.caName()),
                Objects.requireNonNull(draft.caTlsRootPem()),
                Objects.requireNonNull(draft.caRegistrarId()),
                Objects.requireNonNull(draft.caRegistrarSecret()),
                Objects.requireNonNull(draft.caAffiliation()),
                proposalId);
    }

    private void requireMspId(OnboardingDraftEntity draft, String mspId) {
        if (!mspId.matches("[A-Za-z0-9][A-Za-z0-9.-]*") || mspId.length() > MAX_ID_LENGTH) {
            throw new OnboardingInputException("msp-id", "The MSP ID '" + mspId + "' may contain only letters, digits,"
                    + " dots and '-', start with a letter or digit and have at most " + MAX_ID_LENGTH
                    + " characters, for example KommuneDresdenMSP.");
        }
        if (authorityRows.mspIdTaken(mspId) || drafts.existsByMspIdAndStatusInAndIdNot(mspId, OPEN, draft.id())) {
            throw new OnboardingInputException("msp-id", "The MSP ID " + mspId + " belongs to another authority or"
                    + " onboarding draft; choose another one.");
        }
    }

    private void requireCode(OnboardingDraftEntity draft, String code) {
        if (!code.matches("[a-z][a-z0-9-]*") || code.length() > 32) {
            throw new OnboardingInputException("authority-code", "The code '" + code + "' must start with a"
                    + " lower-case letter and contain only lower-case letters, digits and '-', at most 32 characters,"
                    + " for example kommune-dresden.");
        }
        if (authorityRows.codeTaken(code) || drafts.existsByCodeAndStatusInAndIdNot(code, OPEN, draft.id())) {
            throw new OnboardingInputException("authority-code", "The code " + code + " belongs to another authority"
                    + " or onboarding draft; choose another one.");
        }
    }

    private void resealForNewCode(OnboardingDraftEntity draft, String newCode) {
        String oldCode = draft.code();
        if (oldCode == null || oldCode.equals(newCode)) {
            return;
        }
        draft.resealSecrets(
                reseal(oldCode, newCode, OIDC_CLIENT_SECRET, draft.oidcClientSecret()),
                reseal(oldCode, newCode, CA_REGISTRAR_SECRET, draft.caRegistrarSecret()));
    }

    private byte @Nullable [] reseal(String oldCode, String newCode, String purpose, byte @Nullable [] sealed) {
        return sealed == null ? null : secrets.seal(newCode, purpose, secrets.open(oldCode, purpose, sealed));
    }

    private byte[] sealOrKeep(
            String code, String purpose, String secret, byte @Nullable [] stored, String field, String label) {
        if (!secret.isEmpty()) {
            return secrets.seal(code, purpose, secret);
        }
        if (stored == null) {
            throw new OnboardingInputException(field, "The " + label + " is missing; enter it once, the portal stores"
                    + " it encrypted and never shows it again.");
        }
        return stored;
    }

    /** Returns the draft's code, after checking that every step before {@code step} is saved. */
    private static String requireReached(OnboardingDraftEntity draft, OnboardingStep step) {
        OnboardingStep reached = OnboardingStep.fromDatabaseValue(draft.step());
        if (reached.ordinal() < step.ordinal()) {
            throw new OnboardingInputException("step", "Step " + reached.databaseValue() + " of the draft is not saved"
                    + " yet; complete it before step " + step.databaseValue() + ".");
        }
        return Objects.requireNonNull(draft.code());
    }

    private static void advance(OnboardingDraftEntity draft, OnboardingStep saved) {
        OnboardingStep reached = OnboardingStep.fromDatabaseValue(draft.step());
        draft.advanceTo(reached.atLeast(saved.next()).databaseValue());
    }

    private static String requireText(String field, String label, String value, int maxLength) {
        String stripped = value.strip();
        if (stripped.isEmpty()) {
            throw new OnboardingInputException(field, "The " + label + " is missing; enter it.");
        }
        if (stripped.length() > maxLength) {
            throw new OnboardingInputException(field, "The " + label + " has " + stripped.length()
                    + " characters; shorten it to at most " + maxLength + ".");
        }
        return stripped;
    }

    private OnboardingDraftEntity find(UUID draftId) {
        return drafts.findById(draftId).orElseThrow(() -> new OnboardingDraftNotFoundException(draftId));
    }

    private OnboardingDraftEntity findEditable(UUID draftId) {
        OnboardingDraftEntity draft = find(draftId);
        if (!draft.status().equals("draft")) {
            throw new IllegalStateException("Onboarding draft " + draftId + " is " + draft.status()
                    + " and can no longer be changed");
        }
        return draft;
    }

    private void record(OnboardingDraftEntity draft, String action, String details) {
        PortalUser user = currentUser.require();
        String authorityCode = user.authority() == null ? null : user.authority().code();
        audit.record(new AuditEntry(UserPseudonyms.ofSubject(user), authorityCode, action, "onboarding-draft",
                draft.id().toString(), details));
    }
}
