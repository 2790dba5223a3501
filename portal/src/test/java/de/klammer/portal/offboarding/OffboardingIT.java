package de.klammer.portal.offboarding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import de.klammer.identity.CaInfo;
import de.klammer.identity.CertificateQuery;
import de.klammer.identity.FabricCaClient;
import de.klammer.identity.StandaloneFabricCa;
import de.klammer.ledger.AppliedConfigUpdate;
import de.klammer.ledger.ChannelAdmin;
import de.klammer.ledger.ConfigChange;
import de.klammer.ledger.DeliverRefusedException;
import de.klammer.ledger.ImportedMsp;
import de.klammer.ledger.ImportedMsp.MspFile;
import de.klammer.ledger.ImportedMsp.NodeOuSettings;
import de.klammer.ledger.ImportedMsp.OuIdentifier;
import de.klammer.ledger.OrdererEndpoint;
import de.klammer.ledger.PreparedUpdate;
import de.klammer.ledger.SigningIdentities;
import de.klammer.ledger.SigningIdentity;
import de.klammer.portal.LedgerIntegrationTest;
import de.klammer.portal.authority.AuthorityService;
import de.klammer.portal.authority.AuthorityStatus;
import de.klammer.portal.authority.BoardMemberService;
import de.klammer.portal.authority.TestAuthorities;
import de.klammer.portal.concept.ConceptGovernanceSteps;
import de.klammer.portal.governance.ProposalDetails;
import de.klammer.portal.governance.ProposalService;
import de.klammer.portal.governance.ProposalStatus;
import de.klammer.portal.governance.ProposalTexts;
import de.klammer.portal.governance.internal.LedgerSubmitter;
import de.klammer.portal.identity.EnrollmentOutcome;
import de.klammer.portal.identity.KeySource;
import de.klammer.portal.identity.LedgerIdentityService;
import de.klammer.portal.identity.LedgerIdentityStatus;
import de.klammer.portal.identity.LedgerRole;
import de.klammer.portal.ledger.AdminKeyStore;
import de.klammer.portal.offboarding.PreviewFinding.Kind;
import de.klammer.portal.security.PortalRole;
import de.klammer.portal.security.PortalUser;
import de.klammer.portal.security.TestUsers;
import de.klammer.portal.shell.AuthoritySecrets;
import de.klammer.portal.shell.NetworkDescriptor;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Offboarding the third authority: its members are refused afterwards. A municipality with its own Fabric CA joins
 * the real channel, and its member, enrolled through the portal, reads blocks. Then the board offboards it through
 * the portal. Afterwards the orderer rejects the member, the CA lists the member's certificate as revoked, and the
 * authority is archived.
 */
@LedgerIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OffboardingIT {

    private static final String AFFILIATION = "org1.department1";

    @Autowired
    OffboardingService offboardings;

    @Autowired
    ProposalService proposals;

    @Autowired
    LedgerIdentityService identities;

    @Autowired
    LedgerSubmitter submitter;

    @Autowired
    AuthorityService authorities;

    @Autowired
    BoardMemberService boardMembers;

    @Autowired
    AuthoritySecrets secrets;

    @Autowired
    AdminKeyStore adminKeys;

    @Autowired
    JdbcClient jdbc;

    private final String suffix = Long.toString(System.nanoTime(), 36);
    private final String code = "kommune-" + suffix;
    private final String mspId = "Kommune" + suffix.toUpperCase(Locale.ROOT) + "MSP";

    private NetworkDescriptor network;
    private Path home;
    private StandaloneFabricCa ca;
    private ChannelAdmin channelAdmin;
    private UUID authorityId;

    @BeforeAll
    void joinMunicipality() throws Exception {
        network = NetworkDescriptor.read(Path.of(System.getProperty("klammer.network.descriptor")));
        home = Files.createTempDirectory("offboarding-ca");
        ca = StandaloneFabricCa.start(Path.of(network.value("fabric-ca.bin")), home, "ca-" + code);
        insertAuthority();
        channelAdmin = new ChannelAdmin(orderer(), adminKeys.admin("BamfMSP"));

        ImportedMsp msp = municipalityMsp(FabricCaClient.fetchCaInfo(ca.endpoint()));
        applyWithBamfAndLds(channelAdmin.prepare(channel(), List.of(new ConfigChange.AddOrganization(msp))));
    }

    @AfterEach
    void signOut() {
        TestUsers.signOut();
    }

    @AfterAll
    void removeMunicipality() throws Exception {
        try {
            if (channelAdmin != null && channelAdmin.readConfig(channel()).organization(mspId).isPresent()) {
                applyWithBamfAndLds(channelAdmin.prepare(
                        channel(), List.of(new ConfigChange.RemoveOrganization(mspId))));
            }
            // An authority left active would join the electorate of every later governance test.
            if (authorityId != null) {
                new TestAuthorities(jdbc, secrets).archive(authorityId);
            }
        } finally {
            if (channelAdmin != null) {
                channelAdmin.close();
            }
            if (ca != null) {
                ca.close();
            }
        }
    }

    @Test
    void refusesMembersAfterOffboarding() throws Exception {
        EnrolledMember member = enrolMember();
        try (ChannelAdmin reader = new ChannelAdmin(orderer(), member.signer())) {
            assertThat(reader.readConfig(channel()).organization(mspId)).as("member reads blocks").isPresent();
        }

        TestUsers users = new TestUsers(authorities, boardMembers);
        PortalUser proposer = users.boardMember("bamf");
        TestUsers.signIn(proposer);
        OffboardingPreview preview = offboardings.preview(authorityId);
        ProposalDetails proposal = offboardings.propose(authorityId, new ProposalTexts(
                "Offboarding of " + code, "The municipality leaves the pilot.", "Art. 6(1)(e) GDPR", false));
        ConceptGovernanceSteps board = new ConceptGovernanceSteps(authorities, boardMembers, proposals, submitter);
        ProposalDetails applied = board.approveAndSubmit(proposal.id(), proposer);

        assertThat(preview.remainingOrganizations()).contains("BamfMSP", "LdsMSP").doesNotContain(mspId);
        assertThat(preview.blocked()).isFalse();
        assertThat(preview.findings()).containsExactly(new PreviewFinding(Kind.IDENTITIES_TO_END, "1"));
        assertThat(applied.status()).isEqualTo(ProposalStatus.APPLIED);
        assertThat(channelAdmin.readConfig(channel()).organization(mspId)).as("organisation removed").isEmpty();
        try (ChannelAdmin reader = new ChannelAdmin(orderer(), member.signer())) {
            assertThatExceptionOfType(DeliverRefusedException.class)
                    .as("the orderer refuses the member")
                    .isThrownBy(() -> reader.readConfig(channel()))
                    .satisfies(e -> assertThat(e.status()).isEqualTo("FORBIDDEN"));
        }
        FabricCaClient caClient = ca.client();
        assertThat(caClient.generateCrl().getRevokedCertificate(member.certificate().getSerialNumber()))
                .as("the member's certificate is on the CA's CRL")
                .isNotNull();
        assertThat(caClient.identities().listCertificates(
                        CertificateQuery.forIdentity(member.enrollmentId()).onlyNotRevoked()))
                .as("no unrevoked certificate of the member at the CA")
                .isEmpty();
        assertThat(authorities.statusOf(authorityId)).isEqualTo(AuthorityStatus.ARCHIVED);
        assertThat(jdbc.sql("select archived_at is not null from authority where id = ?")
                        .param(authorityId)
                        .query(Boolean.class)
                        .single())
                .isTrue();
        assertThat(identityStatus(member.enrollmentId())).isEqualTo(LedgerIdentityStatus.REVOKED.databaseValue());
        assertThat(offboardingState(proposal.id())).isEqualTo(OffboardingState.COMPLETED.databaseValue());
    }

    /** Requests a system identity as one municipality administrator and approves it as a second one. */
    private EnrolledMember enrolMember() throws Exception {
        TestUsers users = new TestUsers(authorities, boardMembers);
        TestUsers.signIn(users.distinctUser(code, "admin-a-" + suffix, PortalRole.AUTHORITY_ADMIN));
        UUID id = identities.requestForSystem(
                        Set.of(LedgerRole.REGISTRATION_CLERK), LocalDate.now().plusMonths(3), KeySource.GENERATED)
                .id();
        TestUsers.signIn(users.distinctUser(code, "admin-b-" + suffix, PortalRole.AUTHORITY_ADMIN));
        EnrollmentOutcome outcome = identities.approve(id);

        assertThat(outcome.identity().status()).isEqualTo(LedgerIdentityStatus.ENROLLED);
        assertThat(outcome.keyStore()).isNotNull();
        Path file = home.resolve(outcome.keyStore().fileName());
        Files.write(file, outcome.keyStore().pkcs12());
        SigningIdentity signer =
                SigningIdentities.fromPkcs12(mspId, file, outcome.keyStore().password().toCharArray());
        byte[] certificatePem = signer.certificatePem().getBytes(StandardCharsets.US_ASCII);
        X509Certificate certificate = (X509Certificate) CertificateFactory.getInstance("X.509")
                .generateCertificate(new ByteArrayInputStream(certificatePem));
        return new EnrolledMember(outcome.identity().enrollmentId(), signer, certificate);
    }

    private void insertAuthority() throws Exception {
        TestAuthorities rows = new TestAuthorities(jdbc, secrets);
        authorityId = rows.insertActive(code, "Gemeinde " + suffix, mspId, "https://127.0.0.1/realms/" + code);
        rows.storeCa(code, ca.endpoint().url().toString(), ca.endpoint().caName(),
                Files.readString(home.resolve("tls-cert.pem")), "admin", ca.registrarSecret(), AFFILIATION);
    }

    /**
     * Returns the municipality's MSP definition with the CA's root certificate and NodeOUs as fabric-ca issues them.
     * The standalone CA's TLS certificate is no CA certificate, so the MSP names the signing CA as its TLS root.
     */
    private ImportedMsp municipalityMsp(CaInfo info) throws Exception {
        String caPem = pem(info.caChain().getFirst());
        MspFile root = new MspFile("cacerts/ca.pem", caPem);
        NodeOuSettings nodeOus = new NodeOuSettings(
                true, nodeOu("Client", caPem), nodeOu("Peer", caPem), nodeOu("Admin", caPem), nodeOu("Orderer", caPem));
        return new ImportedMsp(mspId, "standalone CA " + code, List.of(root), List.of(), List.of(),
                List.of(new MspFile("tlscacerts/ca.pem", caPem)), List.of(), List.of(), List.of(), List.of(), nodeOus);
    }

    private static OuIdentifier nodeOu(String role, String caPem) {
        return new OuIdentifier("config.yaml NodeOUs." + role + "OUIdentifier", "cacerts/ca.pem", caPem,
                role.toLowerCase(Locale.ROOT));
    }

    private AppliedConfigUpdate applyWithBamfAndLds(PreparedUpdate update) {
        List<byte[]> signatures = List.of(
                ChannelAdmin.sign(update.configUpdate(), adminKeys.admin("BamfMSP")),
                ChannelAdmin.sign(update.configUpdate(), adminKeys.admin("LdsMSP")));
        channelAdmin.submit(channel(), update.configUpdate(), signatures);
        return channelAdmin
                .awaitApplied(channel(), update.configUpdate(), update.baseSequence(), Duration.ofSeconds(30))
                .orElseThrow(() -> new AssertionError("update " + update.sha256() + " did not land within 30 s"));
    }

    private String identityStatus(String enrollmentId) {
        return jdbc.sql("select status from ledger_identity where enrollment_id = ?")
                .param(enrollmentId)
                .query(String.class)
                .single();
    }

    private String offboardingState(UUID proposalId) {
        return jdbc.sql("select state from authority_offboarding where proposal_id = ?")
                .param(proposalId)
                .query(String.class)
                .single();
    }

    private OrdererEndpoint orderer() {
        return new OrdererEndpoint(
                network.value("orderer.host"),
                Integer.parseInt(network.value("orderer.port")),
                Path.of(network.value("orderer.tls.ca")),
                network.value("orderer.tls.hostname"));
    }

    private String channel() {
        return network.value("channel", "asyl-status");
    }

    private static String pem(X509Certificate certificate) throws Exception {
        String body = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                .encodeToString(certificate.getEncoded());
        return "-----BEGIN CERTIFICATE-----\n" + body + "\n-----END CERTIFICATE-----\n";
    }

    private record EnrolledMember(String enrollmentId, SigningIdentity signer, X509Certificate certificate) {}
}
