package de.klammer.portal.concept;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import de.klammer.identity.CertificateSigningRequests;
import de.klammer.ledger.ChainInfo;
import de.klammer.ledger.ConfigChange;
import de.klammer.ledger.ConfigChange.SetAcl;
import de.klammer.ledger.ConfigChange.SetPolicy;
import de.klammer.ledger.PeerEndpoint;
import de.klammer.ledger.PeerQueries;
import de.klammer.ledger.PeerRequestRejectedException;
import de.klammer.ledger.PolicyRule;
import de.klammer.ledger.SigningIdentities;
import de.klammer.ledger.SigningIdentity;
import de.klammer.portal.LedgerIntegrationTest;
import de.klammer.portal.authority.AuthorityService;
import de.klammer.portal.authority.BoardMemberService;
import de.klammer.portal.concept.ConceptModel.Right;
import de.klammer.portal.concept.ConceptModel.Role;
import de.klammer.portal.concept.ConceptModel.StatusType;
import de.klammer.portal.concept.ConceptModel.SubProcess;
import de.klammer.portal.governance.ProposalDetails;
import de.klammer.portal.governance.ProposalService;
import de.klammer.portal.governance.ProposalStatus;
import de.klammer.portal.governance.ProposalTexts;
import de.klammer.portal.governance.internal.LedgerSubmitter;
import de.klammer.portal.identity.CertificateAuthorities;
import de.klammer.portal.identity.IdentityTestSupport;
import de.klammer.portal.identity.KeySource;
import de.klammer.portal.identity.LedgerIdentityDetails;
import de.klammer.portal.identity.LedgerIdentityService;
import de.klammer.portal.identity.LedgerIdentityStatus;
import de.klammer.portal.identity.LedgerRole;
import de.klammer.portal.ledger.AuthoritySignature;
import de.klammer.portal.ledger.LedgerGateway;
import de.klammer.portal.ledger.PolicyView;
import de.klammer.portal.ledger.PreparedUpdate;
import de.klammer.portal.security.PortalRole;
import de.klammer.portal.security.PortalUser;
import de.klammer.portal.security.TestUsers;
import java.io.ByteArrayInputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.naming.directory.Attribute;
import javax.naming.ldap.LdapName;
import javax.naming.ldap.Rdn;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Role-level rights on the real LDS peer, end to end through the portal: the board applies concept versions by vote,
 * BAMF administrators enrol ledger identities for concept roles at the real BAMF CA, and the peer serves
 * {@code qscc/GetChainInfo} only to roles with a read right. A witness role with a read right shows when the peer
 * enforces a new version. The test puts the channel's concept ACLs and the policies it changed back afterwards.
 */
@LedgerIntegrationTest
class ConceptRoleEnforcementIT {

    private static final String CHANNEL = "asyl-status";
    private static final String CHAIN_INFO = "qscc/GetChainInfo";
    private static final Duration PEER_TIMEOUT = Duration.ofSeconds(30);
    private static final Pattern ONE_OF = Pattern.compile("1 of \\{([^{}]+)\\}");
    private static final List<String> RIGHTS_ANY = List.of(
            "/Channel/Application/" + ConceptCompiler.anyStatusPolicyName(Action.READ),
            "/Channel/Application/" + ConceptCompiler.anyStatusPolicyName(Action.WRITE));

    @Autowired
    ConceptService concept;

    @Autowired
    ConceptApplyService apply;

    @Autowired
    AssignmentService assignments;

    @Autowired
    LedgerIdentityService identities;

    @Autowired
    ProposalService proposals;

    @Autowired
    LedgerSubmitter submitter;

    @Autowired
    LedgerGateway ledger;

    @Autowired
    AuthorityService authorities;

    @Autowired
    BoardMemberService boardMembers;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    CertificateAuthorities certificateAuthorities;

    @TempDir
    Path keys;

    private Map<String, String> aclsBefore;
    private Map<String, String> policiesBefore;
    private PeerQueries ldsPeer;

    @BeforeEach
    void recordChannelAndConnect() {
        aclsBefore = ledger.readAcls(CHANNEL);
        policiesBefore = new HashMap<>();
        ledger.readChannel(CHANNEL).policies().stream()
                .filter(policy -> RIGHTS_ANY.contains(policy.path()))
                .forEach(policy -> policiesBefore.put(policy.path(), policy.text()));
        Properties network = IdentityTestSupport.network();
        ldsPeer = new PeerQueries(PeerEndpoint.parse(
                network.getProperty("peer.LdsMSP.address"),
                Path.of(network.getProperty("peer.LdsMSP.tls.ca")),
                network.getProperty("peer.LdsMSP.host-override")));
    }

    @AfterEach
    void restoreChannelAndDisconnect() {
        try {
            restoreChannel();
        } finally {
            ldsPeer.close();
            TestUsers.signOut();
        }
    }

    @Test
    void peerEnforcesRoleReadRight() throws Exception {
        String probe = "acl-" + UUID.randomUUID().toString().substring(0, 8);
        String clerkRole = probe + "-clerk";
        String witnessRole = probe + "-witness";
        var steps = new ConceptGovernanceSteps(authorities, boardMembers, proposals, submitter);
        PortalUser boardMember = steps.signInBamfMember();
        addRolesWithoutClerkRead(probe, clerkRole, witnessRole);
        ProposalDetails restricted = applyDraft(steps, boardMember, "Rolle ohne Leserecht");

        SigningIdentity clerk = enrolForRole(clerkRole);
        SigningIdentity witness = enrolForRole(witnessRole);
        awaitPeerEnforces(restricted.appliedBlock() + 1, witness);

        assertThat(liveRule(RIGHTS_ANY.getFirst()))
                .contains("BamfMSP.OU(" + witnessRole + ")")
                .doesNotContain("BamfMSP.OU(" + clerkRole + ")");
        assertThat(ledger.readAcls(CHANNEL)).containsEntry(CHAIN_INFO, RIGHTS_ANY.getFirst());
        assertThatExceptionOfType(PeerRequestRejectedException.class)
                .isThrownBy(() -> ldsPeer.chainInfo(CHANNEL, clerk))
                .satisfies(e -> assertThat(e.resource()).isEqualTo(CHAIN_INFO))
                .satisfies(e -> assertThat(e.peerMessage()).contains("access denied for [GetChainInfo]"));

        TestUsers.signIn(boardMember);
        concept.openDraft();
        concept.setRight(new Right(clerkRole, probe, Action.READ), true);
        ProposalDetails granted = applyDraft(steps, boardMember, "Leserecht für die Rolle");
        awaitPeerEnforces(granted.appliedBlock() + 1, witness);

        assertThat(liveRule(RIGHTS_ANY.getFirst())).contains("BamfMSP.OU(" + clerkRole + ")");
        ChainInfo served = ldsPeer.chainInfo(CHANNEL, clerk);
        assertThat(served.height()).isGreaterThan(granted.appliedBlock());
    }

    @Test
    void renewalMovesIdentityToAssignedRole() throws Exception {
        String probe = "renew-" + UUID.randomUUID().toString().substring(0, 8);
        String officerRole = probe + "-officer";
        String auditorRole = probe + "-auditor";
        var steps = new ConceptGovernanceSteps(authorities, boardMembers, proposals, submitter);
        PortalUser boardMember = steps.signInBamfMember();
        addStatusType(probe);
        concept.saveRole(new Role(officerRole, "Entscheidung", null, "bamf", List.of()));
        concept.saveRole(new Role(auditorRole, "Prüfung", null, "bamf", List.of()));
        concept.setRight(new Right(officerRole, probe, Action.READ), true);
        concept.setRight(new Right(auditorRole, probe, Action.READ), true);
        applyDraft(steps, boardMember, "Rollen für die Erneuerung");
        PortalUser admin = newBamfAdmin();
        PortalUser approver = newBamfAdmin();
        TestUsers.signIn(admin);
        LedgerIdentityDetails requested = identities.requestForSystem(
                Set.of(LedgerRole.DECISION_CLERK), LocalDate.now().plusMonths(6), KeySource.GENERATED);
        TestUsers.signIn(approver);
        LedgerIdentityDetails withoutRole = identities.approve(requested.id()).identity();
        String enrollmentId = withoutRole.enrollmentId();

        assertThat(withoutRole.status()).isEqualTo(LedgerIdentityStatus.ENROLLED);
        assertThat(withoutRole.conceptRole()).isNull();
        assertThat(caAffiliation(enrollmentId)).isEqualTo("bamf");
        assertThat(organizationalUnits(activeCertificate(enrollmentId))).doesNotContain(officerRole);

        TestUsers.signIn(admin);
        assignments.assign(new AssignmentRequest(enrollmentId, "bamf", officerRole, LocalDate.now(), null));
        LedgerIdentityDetails moved = identities.renew(requested.id()).identity();

        assertThat(moved.failureCode()).isNull();
        assertThat(moved.conceptRole()).isEqualTo(officerRole);
        assertThat(caAffiliation(enrollmentId)).isEqualTo("bamf." + officerRole);
        X509Certificate renewed = activeCertificate(enrollmentId);
        assertThat(organizationalUnits(renewed)).contains(officerRole);

        assignments.assign(new AssignmentRequest(enrollmentId, "bamf", auditorRole, LocalDate.now(), null));
        LedgerIdentityDetails ambiguous = identities.renew(requested.id()).identity();

        assertThat(ambiguous.failureCode()).isEqualTo("concept-role");
        assertThat(ambiguous.failureReason()).contains(officerRole).contains(auditorRole);
        assertThat(ambiguous.status()).isEqualTo(LedgerIdentityStatus.ENROLLED);
        assertThat(ambiguous.conceptRole()).isEqualTo(officerRole);
        assertThat(caAffiliation(enrollmentId)).isEqualTo("bamf." + officerRole);
        assertThat(activeCertificate(enrollmentId).getSerialNumber()).isEqualTo(renewed.getSerialNumber());
    }

    private void addStatusType(String probe) {
        ConceptModel model = concept.model(concept.openDraft().id());
        if (model.subProcesses().stream().noneMatch(sub -> sub.code().equals("registration"))) {
            concept.addSubProcess(new SubProcess("registration", "Registrierung, Aktenanlage und Anhörung"));
        }
        concept.addStatusType(new StatusType(probe, "registration", "Prüfstatus"));
    }

    private String caAffiliation(String enrollmentId) {
        return certificateAuthorities.client("BamfMSP").identities().get(enrollmentId).affiliation();
    }

    /**
     * Adds a status type, a clerk role that may only write it, and a witness role that may read it, both for BAMF,
     * so that the read policy names the witness but not the clerk.
     */
    private void addRolesWithoutClerkRead(String probe, String clerkRole, String witnessRole) {
        addStatusType(probe);
        concept.saveRole(new Role(clerkRole, "Sachbearbeitung ohne Leserecht", null, "bamf", List.of()));
        concept.saveRole(new Role(witnessRole, "Lesende Kontrolle", null, "bamf", List.of()));
        concept.setRight(new Right(clerkRole, probe, Action.WRITE), true);
        concept.setRight(new Right(witnessRole, probe, Action.READ), true);
    }

    private ProposalDetails applyDraft(ConceptGovernanceSteps steps, PortalUser proposer, String rationale) {
        ConceptVersion draft = concept.draft().orElseThrow();
        ProposalDetails proposal = apply.proposeDraft(new ProposalTexts(
                "Konzeptversion " + draft.number(), rationale, "Verwaltungsvereinbarung", false));

        ProposalDetails decided = steps.approveAndSubmit(proposal.id(), proposer);

        assertThat(decided.status()).isEqualTo(ProposalStatus.APPLIED);
        assertThat(decided.appliedBlock()).isNotNull();
        return decided;
    }

    /**
     * Requests a BAMF system identity with a CSR whose key stays in the test, assigns it the concept role, lets a
     * second administrator approve it, and returns it as a signing identity.
     */
    private SigningIdentity enrolForRole(String roleCode) throws Exception {
        PortalUser requester = newBamfAdmin();
        PortalUser approver = newBamfAdmin();
        TestUsers.signIn(requester);
        LedgerIdentityDetails requested = identities.requestForSystem(
                Set.of(LedgerRole.DECISION_CLERK), LocalDate.now().plusMonths(6), KeySource.CSR);
        KeyPair keyPair = CertificateSigningRequests.newKeyPair();
        identities.attachCsr(requested.id(), CertificateSigningRequests.create(requested.enrollmentId(), keyPair));
        assignments.assign(
                new AssignmentRequest(requested.enrollmentId(), "bamf", roleCode, LocalDate.now(), null));

        TestUsers.signIn(approver);
        LedgerIdentityDetails enrolled = identities.approve(requested.id()).identity();

        assertThat(enrolled.status()).isEqualTo(LedgerIdentityStatus.ENROLLED);
        assertThat(enrolled.conceptRole()).isEqualTo(roleCode);
        X509Certificate certificate = activeCertificate(enrolled.enrollmentId());
        assertThat(organizationalUnits(certificate)).contains(roleCode, "bamf", "client");
        return signingIdentity(enrolled.enrollmentId(), certificate, keyPair);
    }

    /** Returns a BAMF authority administrator with a pseudonym of their own, so two of them can request and approve. */
    private PortalUser newBamfAdmin() {
        return IdentityTestSupport.user(new TestUsers(authorities, boardMembers), "bamf", "admin-" + UUID.randomUUID(),
                PortalRole.AUTHORITY_ADMIN);
    }

    private X509Certificate activeCertificate(String enrollmentId) throws Exception {
        String pem = jdbc.sql("select pem from identity_certificate where enrollment_id = ? and status = 'active'")
                .param(enrollmentId)
                .query(String.class)
                .single();
        return (X509Certificate) CertificateFactory.getInstance("X.509")
                .generateCertificate(new ByteArrayInputStream(pem.getBytes(StandardCharsets.US_ASCII)));
    }

    private static List<String> organizationalUnits(X509Certificate certificate) throws Exception {
        // Fabric CA writes all OUs into one multi-valued RDN, so read every value of every RDN.
        var units = new ArrayList<String>();
        for (Rdn rdn : new LdapName(certificate.getSubjectX500Principal().getName()).getRdns()) {
            Attribute unit = rdn.toAttributes().get("OU");
            for (int index = 0; unit != null && index < unit.size(); index++) {
                units.add(unit.get(index).toString());
            }
        }
        return units;
    }

    private SigningIdentity signingIdentity(String enrollmentId, X509Certificate certificate, KeyPair keyPair)
            throws Exception {
        char[] password = "test-key-password".toCharArray();
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        store.setKeyEntry(enrollmentId, keyPair.getPrivate(), password, new Certificate[] {certificate});
        Path file = keys.resolve(enrollmentId + ".p12");
        try (OutputStream out = Files.newOutputStream(file)) {
            store.store(out, password);
        }
        return SigningIdentities.fromPkcs12("BamfMSP", file, password);
    }

    /**
     * Waits until the peer has committed {@code height} blocks and serves the witness. The witness may be rejected
     * under the ACLs from before, so a rejection only means to wait longer.
     */
    private void awaitPeerEnforces(long height, SigningIdentity witness) throws InterruptedException {
        Instant deadline = Instant.now().plus(PEER_TIMEOUT);
        String lastState = "no answer";
        while (Instant.now().isBefore(deadline)) {
            try {
                long seen = ldsPeer.chainInfo(CHANNEL, witness).height();
                if (seen >= height) {
                    return;
                }
                lastState = "height " + seen;
            } catch (PeerRequestRejectedException e) {
                lastState = "rejected: " + e.peerMessage();
            }
            Thread.sleep(100);
        }
        throw new AssertionError("The LDS peer did not serve the witness at height " + height + " within "
                + PEER_TIMEOUT.toSeconds() + " s; last state " + lastState);
    }

    private String liveRule(String policyPath) {
        return ledger.readChannel(CHANNEL).policies().stream()
                .filter(policy -> policy.path().equals(policyPath))
                .map(PolicyView::text)
                .findFirst()
                .orElseThrow();
    }

    /**
     * Turns the text form of a compiled concept policy, {@code 1 of {A, B}}, into Fabric's signature DSL,
     * {@code OR('A', 'B')}, which the parser reads.
     */
    private static String signatureDsl(String text) {
        Matcher matcher = ONE_OF.matcher(text);
        if (!matcher.matches()) {
            throw new IllegalStateException("Cannot restore policy text " + text + ": expected the form 1 of {...}");
        }
        List<String> quoted = new ArrayList<>();
        for (String principal : matcher.group(1).split(",\\s*")) {
            quoted.add("'" + principal + "'");
        }
        return "OR(" + String.join(", ", quoted) + ")";
    }

    /** Points the concept's ACLs back where they were and restores the RightsAny policies that existed before. */
    private void restoreChannel() {
        List<ConfigChange> changes = new ArrayList<>();
        Map<String, String> aclsNow = ledger.readAcls(CHANNEL);
        List<String> resources = new ArrayList<>(ConceptCompiler.READ_RESOURCES);
        resources.addAll(ConceptCompiler.WRITE_RESOURCES);
        for (String resource : resources) {
            String before = aclsBefore.get(resource);
            if (before != null && !before.equals(aclsNow.get(resource))) {
                changes.add(new SetAcl(resource, before));
            }
        }
        policiesBefore.forEach((path, text) -> {
            if (!text.equals(liveRule(path))) {
                changes.add(new SetPolicy(path, PolicyRule.parse(signatureDsl(text))));
            }
        });
        if (changes.isEmpty()) {
            return;
        }
        PreparedUpdate update = ledger.prepareChanges(CHANNEL, changes);
        List<AuthoritySignature> signatures = List.of(ledger.sign("BamfMSP", update), ledger.sign("LdsMSP", update));
        ledger.submit(update, signatures);
        assertThat(ledger.awaitApplied(update, PEER_TIMEOUT)).as("restored ACLs and policies applied").isPresent();
    }
}
