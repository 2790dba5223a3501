package de.klammer.portal.onboarding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import de.klammer.ledger.MspFinding;
import de.klammer.ledger.MspFinding.Severity;
import de.klammer.portal.IntegrationTest;
import de.klammer.portal.authority.AuthorityService;
import de.klammer.portal.authority.BoardMemberService;
import de.klammer.portal.concept.SharedCases;
import de.klammer.portal.governance.ChangeType;
import de.klammer.portal.governance.ProposalDetails;
import de.klammer.portal.governance.ProposalService;
import de.klammer.portal.governance.ProposalStatus;
import de.klammer.portal.ledger.InMemoryLedgerGateway;
import de.klammer.portal.onboarding.OnboardingTestSupport.DiscoveryServer;
import de.klammer.portal.security.PortalRole;
import de.klammer.portal.security.TestUsers;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;

/**
 * The onboarding steps at service level against the in-memory ledger: drafts that survive leaving, the checks of the
 * identity provider and CA steps, the validation of real MSP folders, and the submission as a proposal.
 */
@IntegrationTest
class OnboardingServiceTests {

    @Autowired
    OnboardingService onboarding;

    @Autowired
    AuthorityService authorities;

    @Autowired
    BoardMemberService boardMembers;

    @Autowired
    InMemoryLedgerGateway ledger;

    @Autowired
    ProposalService proposals;

    @Autowired
    JdbcClient jdbc;

    TestUsers users;

    @BeforeEach
    void signInAdministrator() {
        ledger.reset();
        // Drafts of earlier tests share the root CAs of the test MSP folders, and the validation rejects a root CA that another draft uses.
        jdbc.sql("""
                        update onboarding_draft
                        set status = case when proposal_id is null then 'discarded' else 'completed' end
                        where status in ('draft', 'submitted')
                        """)
                .update();
        users = new TestUsers(authorities, boardMembers);
        TestUsers.signIn(users.user("lds", PortalRole.NETWORK_OPERATOR));
    }

    @AfterEach
    void signOut() {
        TestUsers.signOut();
    }

    @Test
    void resumesSavedDraftAfterLeaving() {
        String suffix = uniqueSuffix();
        OnboardingDraft started = onboarding.startDraft();
        onboarding.saveIdentity(started.id(), "Stadt Leipzig", "municipal", "Leipzig" + suffix + "MSP",
                "leipzig-" + suffix);
        TestUsers.signOut();

        TestUsers.signIn(users.user("bamf", PortalRole.NETWORK_OPERATOR));
        List<OnboardingDraft> open = onboarding.listOpenDrafts();
        OnboardingDraft resumed = onboarding.getDraft(started.id());

        assertThat(open).extracting(OnboardingDraft::id).contains(started.id());
        assertThat(resumed.step()).isEqualTo(OnboardingStep.IDENTITY_PROVIDER);
        assertThat(resumed.name()).isEqualTo("Stadt Leipzig");
        assertThat(resumed.authorityType()).isEqualTo("municipal");
        assertThat(resumed.mspId()).isEqualTo("Leipzig" + suffix + "MSP");
        assertThat(resumed.code()).isEqualTo("leipzig-" + suffix);
    }

    @Test
    void rejectsDraftsForUsersOtherThanOperators() {
        TestUsers.signIn(users.boardMember("bamf"));
        assertThatExceptionOfType(AccessDeniedException.class).isThrownBy(() -> onboarding.startDraft());

        TestUsers.signIn(users.user("lds", PortalRole.AUTHORITY_ADMIN));
        assertThatExceptionOfType(AccessDeniedException.class).as("an authority administrator")
                .isThrownBy(() -> onboarding.startDraft());
    }

    @Test
    void rejectsCodeAndMspIdInUse() {
        OnboardingDraft draft = onboarding.startDraft();

        assertThatExceptionOfType(OnboardingInputException.class)
                .isThrownBy(() -> onboarding.saveIdentity(draft.id(), "Zweites BAMF", "federal", "Bamf2MSP", "bamf"))
                .satisfies(e -> assertThat(e.field()).isEqualTo("authority-code"))
                .satisfies(e -> assertThat(e.getMessage()).contains("bamf"));
        assertThatExceptionOfType(OnboardingInputException.class)
                .isThrownBy(() -> onboarding.saveIdentity(draft.id(), "Zweites BAMF", "federal", "BamfMSP", "bamf2"))
                .satisfies(e -> assertThat(e.field()).isEqualTo("msp-id"))
                .satisfies(e -> assertThat(e.getMessage()).contains("BamfMSP"));
        assertThat(onboarding.getDraft(draft.id()).step()).isEqualTo(OnboardingStep.IDENTITY);
    }

    @Test
    void rejectsIssuerWithoutHttpScheme() {
        OnboardingDraft draft = draftWithIdentity();

        assertThatExceptionOfType(OnboardingInputException.class)
                .isThrownBy(() -> onboarding.saveIdentityProvider(draft.id(), "ftp://idp.example/realm", "portal",
                        "secret"))
                .satisfies(e -> assertThat(e.field()).isEqualTo("oidc-issuer"))
                .satisfies(e -> assertThat(e.getMessage()).contains("ftp://idp.example/realm").contains("https"));
        assertThat(onboarding.getDraft(draft.id()).oidcIssuer()).isNull();
    }

    @Test
    void rejectsIssuerThatDiffersFromUrl() throws IOException {
        OnboardingDraft draft = draftWithIdentity();
        try (DiscoveryServer server = new DiscoveryServer("realm", "https://other.example/realm", List.of("code"))) {

            assertThatExceptionOfType(OnboardingInputException.class)
                    .isThrownBy(() -> onboarding.saveIdentityProvider(draft.id(), server.issuer(), "portal", "s"))
                    .satisfies(e -> assertThat(e.field()).isEqualTo("oidc-issuer"))
                    .satisfies(e -> assertThat(e.getMessage())
                            .contains("https://other.example/realm")
                            .contains(server.issuer()));
        }
        assertThat(onboarding.getDraft(draft.id()).step()).isEqualTo(OnboardingStep.IDENTITY_PROVIDER);
    }

    @Test
    void rejectsIssuerWithoutCodeFlow() throws IOException {
        OnboardingDraft draft = draftWithIdentity();
        try (DiscoveryServer server = new DiscoveryServer("implicit", null, List.of("id_token"))) {

            assertThatExceptionOfType(OnboardingInputException.class)
                    .isThrownBy(() -> onboarding.saveIdentityProvider(draft.id(), server.issuer(), "portal", "s"))
                    .satisfies(e -> assertThat(e.getMessage()).contains("response_types_supported"));
        }
    }

    @Test
    void rejectsUnreachableIssuer() throws IOException {
        OnboardingDraft draft = draftWithIdentity();
        String issuer = "http://127.0.0.1:" + closedPort() + "/realm";

        assertThatExceptionOfType(OnboardingInputException.class)
                .isThrownBy(() -> onboarding.saveIdentityProvider(draft.id(), issuer, "portal", "secret"))
                .satisfies(e -> assertThat(e.field()).isEqualTo("oidc-issuer"))
                .satisfies(e -> assertThat(e.getMessage()).contains(issuer).contains("cannot be reached"));
    }

    @Test
    void storesCheckedIssuerWithSealedSecret() throws IOException {
        OnboardingDraft draft = draftWithIdentity();
        try (DiscoveryServer server = DiscoveryServer.valid("realm")) {

            OnboardingDraft saved = onboarding.saveIdentityProvider(draft.id(), server.issuer(), "portal", "s3cret!");

            assertThat(saved.oidcIssuer()).isEqualTo(server.issuer());
            assertThat(saved.oidcClientSecretStored()).isTrue();
            assertThat(saved.step()).isEqualTo(OnboardingStep.CERTIFICATE_AUTHORITY);
        }
        byte[] stored = jdbc.sql("select oidc_client_secret from onboarding_draft where id = ?")
                .param(draft.id())
                .query(byte[].class)
                .single();
        assertThat(new String(stored, java.nio.charset.StandardCharsets.ISO_8859_1)).doesNotContain("s3cret!");
    }

    @Test
    void rejectsUnreachableCertificateAuthority() throws IOException {
        OnboardingDraft draft = draftAtStep("certificate-authority", null);
        String url = "https://127.0.0.1:" + closedPort();
        String tlsRoot = Files.readString(SharedCases.path(
                "msp/fabric_msp_testdata/nodeouadmin/tlscacerts/tlsca.org1.example.com-cert.pem"));

        assertThatExceptionOfType(OnboardingInputException.class)
                .isThrownBy(() -> onboarding.saveCertificateAuthority(draft.id(), url, "ca-kommune", tlsRoot, "admin",
                        "adminpw", ""))
                .satisfies(e -> assertThat(e.field()).isEqualTo("ca-url"))
                .satisfies(e -> assertThat(e.getMessage()).contains(url).contains("cannot be reached"));
        assertThat(onboarding.getDraft(draft.id()).caUrl()).isEqualTo(draft.caUrl());
        assertThat(onboarding.getDraft(draft.id()).step()).isEqualTo(OnboardingStep.CERTIFICATE_AUTHORITY);
    }

    @Test
    void rejectsTlsRootThatIsNoCertificate() {
        OnboardingDraft draft = draftAtStep("certificate-authority", null);

        assertThatExceptionOfType(OnboardingInputException.class)
                .isThrownBy(() -> onboarding.saveCertificateAuthority(draft.id(), "https://127.0.0.1:7054",
                        "ca-kommune", "not a certificate", "admin", "adminpw", ""))
                .satisfies(e -> assertThat(e.field()).isEqualTo("ca-tls-root"))
                .satisfies(e -> assertThat(e.getMessage()).contains("BEGIN CERTIFICATE"));
    }

    @Test
    void rejectsOversizedMspUpload() {
        OnboardingDraft draft = draftAtStep("msp-definition", null);
        byte[] upload = new byte[OnboardingService.MAX_MSP_UPLOAD_BYTES + 1];

        assertThatExceptionOfType(OnboardingInputException.class)
                .isThrownBy(() -> onboarding.saveMspDefinition(draft.id(), MspFormat.MSP_ZIP, "huge.zip", upload,
                        null))
                .satisfies(e -> assertThat(e.field()).isEqualTo("msp-upload"))
                .satisfies(e -> assertThat(e.getMessage())
                        .contains("huge.zip")
                        .contains(Integer.toString(upload.length))
                        .contains(Integer.toString(OnboardingService.MAX_MSP_UPLOAD_BYTES)));
        assertThat(onboarding.getDraft(draft.id()).mspFileName()).isNull();
    }

    @Test
    void rejectsAdminCertWithPeerOu() throws IOException {
        List<MspFinding> findings = validateCase("nodeous8");

        assertThat(errors(findings)).extracting(MspFinding::location).contains("admincerts/peer0-cert.pem");
    }

    @Test
    void rejectsEmptyClientOu() throws IOException {
        List<MspFinding> findings = validateCase("nodeousbadconf1");

        assertThat(errors(findings)).extracting(MspFinding::location)
                .contains("config.yaml NodeOUs.ClientOUIdentifier.OrganizationalUnitIdentifier");
    }

    @Test
    void rejectsSigncertOutsideConfiguredOu() throws IOException {
        List<MspFinding> findings = validateCase("badconfigou");

        assertThat(errors(findings)).extracting(MspFinding::location).contains("signcerts/peer.pem");
    }

    @Test
    void acceptsAdminOuWithMissingCaWarning() throws IOException {
        List<MspFinding> findings = validateCase("nodeouadmin");

        assertThat(errors(findings)).isEmpty();
        assertThat(findings).filteredOn(finding -> finding.severity() == Severity.WARNING)
                .filteredOn(finding -> finding.location().equals("config.yaml NodeOUs.OrdererOUIdentifier.Certificate"))
                .singleElement()
                .extracting(MspFinding::message)
                .asString()
                .contains("cacerts/ca.example.com-cert.pem");
    }

    @Test
    void rejectsCaChainOutsideMsp() throws IOException {
        Path folder = SharedCases.path("msp/fabric_msp_testdata/nodeouadmin");
        String otherRoot = Files.readString(folder.resolve("tlscacerts/tlsca.org1.example.com-cert.pem"));
        OnboardingDraft draft = draftAtStep("msp-definition", otherRoot);
        onboarding.saveMspDefinition(draft.id(), MspFormat.MSP_ZIP, "nodeouadmin.zip",
                OnboardingTestSupport.zip(folder), null);

        List<MspFinding> findings = onboarding.validate(draft.id());

        assertThat(errors(findings)).extracting(MspFinding::location).containsExactly("cacerts/");
        assertThat(onboarding.getDraft(draft.id()).step()).isEqualTo(OnboardingStep.VALIDATION);
    }

    @Test
    void importsOrganisationFromConfigtxZip() throws IOException {
        Path folder = SharedCases.path("msp/fabric_msp_testdata/nodeouadmin");
        String mspId = "Org" + uniqueSuffix() + "MSP";
        String configtx = """
                Organizations:
                  - &Kommune
                    Name: Kommune
                    ID: %s
                    MSPDir: kommune/msp
                """.formatted(mspId);
        Map<String, String> entries = new java.util.TreeMap<>();
        entries.put("configtx.yaml", configtx);
        try (var files = Files.walk(folder)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                String name = folder.relativize(file).toString();
                if (!name.startsWith("keystore")) {
                    entries.put("kommune/msp/" + name, Files.readString(file));
                }
            }
        }
        OnboardingDraft draft = draftAtStep("msp-definition", rootOf(folder), mspId);

        OnboardingDraft saved = onboarding.saveMspDefinition(draft.id(), MspFormat.CONFIGTX_ZIP, "configtx.zip",
                OnboardingTestSupport.zip(entries), "Kommune");

        assertThat(saved.mspFormat()).isEqualTo(MspFormat.CONFIGTX_ZIP);
        assertThat(saved.step()).isEqualTo(OnboardingStep.VALIDATION);
        assertThat(errors(onboarding.validate(draft.id()))).isEmpty();
    }

    @Test
    void opensOnboardingProposalWithProposedAuthority() throws IOException {
        OnboardingDraft draft = validatedDraft();

        ProposalDetails proposal = onboarding.submit(draft.id(), "Die Kommune nimmt Zuweisungen entgegen.",
                "Art. 6(1)(e) GDPR");

        assertThat(proposal.status()).isEqualTo(ProposalStatus.OPEN);
        assertThat(proposal.governance().changeType()).isEqualTo(ChangeType.ONBOARDING);
        assertThat(proposal.change().path()).isEqualTo("organization-addition/" + draft.mspId());
        assertThat(proposal.change().policyText()).contains("MSP ID: " + draft.mspId()).contains("Warning accepted");
        assertThat(proposal.proposerPseudonym()).isNotBlank();
        assertThat(proposal.governance().votes()).isEmpty();
        assertThat(authorityStatus(draft.code())).isEqualTo("proposed");
        assertThat(authorities.findAll()).extracting(authority -> authority.code()).doesNotContain(draft.code());
        assertThat(onboarding.getDraft(draft.id()).status()).isEqualTo("submitted");
        assertThat(onboarding.getDraft(draft.id()).editable()).isFalse();
    }

    @Test
    void recomputesStaleOnboardingProposal() throws IOException {
        OnboardingDraft draft = validatedDraft();
        ProposalDetails opened = onboarding.submit(draft.id(), "Die Kommune nimmt Zuweisungen entgegen.",
                "Art. 6(1)(e) GDPR");
        ledger.advanceSequence();

        TestUsers.signIn(users.boardMember("bamf"));
        ProposalDetails recomputed = proposals.recompute(opened.id());

        assertThat(opened.canRecompute()).as("offered to the administrator who submitted it").isFalse();
        assertThat(recomputed.status()).isEqualTo(ProposalStatus.OPEN);
        assertThat(recomputed.configUpdateSha256()).isNotEqualTo(opened.configUpdateSha256());
        assertThat(recomputed.baseSequence()).isEqualTo(opened.baseSequence() + 1);
        assertThat(recomputed.writeSet()).isEqualTo(opened.writeSet());
        assertThat(recomputed.governance().votes()).isEmpty();
        TestUsers.signIn(users.user("lds", PortalRole.NETWORK_OPERATOR));
        assertThat(onboarding.getDraft(draft.id()).status()).isEqualTo("submitted");
    }

    /** Returns a draft with the nodeouadmin MSP that passed validation, ready to submit. */
    private OnboardingDraft validatedDraft() throws IOException {
        Path folder = SharedCases.path("msp/fabric_msp_testdata/nodeouadmin");
        OnboardingDraft draft = draftAtStep("msp-definition", rootOf(folder));
        onboarding.saveMspDefinition(draft.id(), MspFormat.MSP_ZIP, "nodeouadmin.zip",
                OnboardingTestSupport.zip(folder), null);
        assertThat(errors(onboarding.validate(draft.id()))).isEmpty();
        return draft;
    }

    private List<MspFinding> validateCase(String name) throws IOException {
        Path folder = SharedCases.path("msp/fabric_msp_testdata/" + name);
        OnboardingDraft draft = draftAtStep("msp-definition", rootOf(folder));
        onboarding.saveMspDefinition(draft.id(), MspFormat.MSP_ZIP, name + ".zip", OnboardingTestSupport.zip(folder),
                null);
        return onboarding.validate(draft.id());
    }

    private static String rootOf(Path mspFolder) throws IOException {
        try (var files = Files.list(mspFolder.resolve("cacerts"))) {
            return Files.readString(files.sorted().findFirst().orElseThrow());
        }
    }

    private OnboardingDraft draftWithIdentity() {
        String suffix = uniqueSuffix();
        OnboardingDraft draft = onboarding.startDraft();
        return onboarding.saveIdentity(draft.id(), "Landkreis Bautzen", "municipal", "Bautzen" + suffix + "MSP",
                "bautzen-" + suffix);
    }

    private OnboardingDraft draftAtStep(String step, String caChainPem) {
        return draftAtStep(step, caChainPem, "Kommune" + uniqueSuffix() + "MSP");
    }

    /**
     * Writes a draft whose earlier steps count as saved, with the CA chain as if cainfo had returned it, so a test of
     * a later step needs no identity provider or CA.
     */
    private OnboardingDraft draftAtStep(String step, String caChainPem, String mspId) {
        UUID id = UUID.randomUUID();
        String code = "kommune-" + uniqueSuffix();
        jdbc.sql("""
                        insert into onboarding_draft (id, step, name, authority_type, msp_id, code, oidc_issuer,
                            oidc_client_id, oidc_client_secret, ca_url, ca_name, ca_tls_root_pem, ca_chain_pem,
                            ca_registrar_id, ca_registrar_secret, ca_affiliation, created_by)
                        values (?, ?, 'Kommune', 'municipal', ?, ?, ?, 'portal', ?, 'https://127.0.0.1:1', 'ca',
                            ?, ?, 'admin', ?, '', 'test-admin')
                        """)
                .params(id, step, mspId, code, "http://127.0.0.1:1/" + code, new byte[] {1}, caChainPem, caChainPem,
                        new byte[] {1})
                .update();
        return onboarding.getDraft(id);
    }

    private String authorityStatus(String code) {
        return jdbc.sql("select status from authority where code = ?").param(code).query(String.class).single();
    }

    private static List<MspFinding> errors(List<MspFinding> findings) {
        return findings.stream().filter(finding -> finding.severity() == Severity.ERROR).toList();
    }

    private static String uniqueSuffix() {
        return Long.toString(System.nanoTime(), 36);
    }

    private static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
