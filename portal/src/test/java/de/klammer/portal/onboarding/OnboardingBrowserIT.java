package de.klammer.portal.onboarding;

import static org.assertj.core.api.Assertions.assertThat;

import de.klammer.identity.CertificateSigningRequests;
import de.klammer.identity.Enrollment;
import de.klammer.identity.FabricCaClient;
import de.klammer.identity.Registration;
import de.klammer.identity.RegistrationRequest;
import de.klammer.identity.SigningIdentity;
import de.klammer.identity.StandaloneFabricCa;
import de.klammer.ledger.ChannelAdmin;
import de.klammer.ledger.ConfigChange.RemoveOrganization;
import de.klammer.ledger.OrdererEndpoint;
import de.klammer.ledger.SigningIdentities;
import de.klammer.portal.LedgerIntegrationTest;
import de.klammer.portal.browser.BoardSteps;
import de.klammer.portal.browser.PortalBrowser;
import de.klammer.portal.governance.ProposalService;
import de.klammer.portal.governance.internal.LedgerSubmitter;
import de.klammer.portal.ledger.AdminKeyStore;
import de.klammer.portal.ledger.AuthoritySignature;
import de.klammer.portal.ledger.LedgerGateway;
import de.klammer.portal.ledger.OrganizationView;
import de.klammer.portal.ledger.PolicyChange;
import de.klammer.portal.ledger.PreparedUpdate;
import de.klammer.portal.ledger.SignatureCheck;
import de.klammer.portal.onboarding.OnboardingTestSupport.DiscoveryServer;
import de.klammer.portal.shell.NetworkDescriptor;
import de.klammer.portal.shell.PortalProperties;
import java.security.KeyPair;
import java.security.cert.X509Certificate;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A municipality with its own fabric-ca-server is onboarded end to end. An authority administrator goes through the
 * wizard in the browser and leaves and resumes on the way. The board approves, and the orderer applies the new
 * organisation. The municipality's admin then co-signs a later update that the orderer accepts, and a member client of
 * the municipality reads the channel. The organisation is removed again at the end, because the channel is shared.
 */
@LedgerIntegrationTest
class OnboardingBrowserIT {

    private static final String ENDORSEMENT = BoardSteps.ENDORSEMENT;

    @LocalServerPort
    int port;

    @Autowired
    LedgerGateway ledger;

    @Autowired
    LedgerSubmitter submitter;

    @Autowired
    ProposalService proposals;

    @Autowired
    AdminKeyStore keys;

    @Autowired
    PortalProperties properties;

    @Autowired
    JdbcClient jdbc;

    @TempDir
    Path home;

    StandaloneFabricCa ca;
    DiscoveryServer idp;
    String mspId;
    String code;

    @BeforeEach
    void startMunicipalityServices() throws Exception {
        String suffix = Long.toString(System.nanoTime(), 36);
        mspId = "Kommune" + suffix + "MSP";
        code = "kommune-" + suffix;
        Path caHome = Files.createDirectories(home.resolve("ca"));
        ca = StandaloneFabricCa.start(Path.of(network().value("fabric-ca.bin")), caHome, "ca-kommune");
        idp = DiscoveryServer.valid("realms/" + code);
    }

    @AfterEach
    void removeMunicipality() throws InterruptedException {
        try {
            boolean onChannel = ledger.readChannel(properties.channel()).organizations().stream()
                    .anyMatch(organization -> organization.mspId().equals(mspId));
            if (onChannel) {
                PreparedUpdate remove = ledger.prepareChanges(properties.channel(),
                        List.of(new RemoveOrganization(mspId)));
                List<AuthoritySignature> signatures =
                        List.of(ledger.sign("BamfMSP", remove), ledger.sign("LdsMSP", remove));
                ledger.submit(remove, signatures);
                assertThat(ledger.awaitApplied(remove, Duration.ofSeconds(30))).as("removal applied").isPresent();
            }
            // Offboarding in the portal is another feature. Archiving the row keeps it out of later votes.
            jdbc.sql("update authority set status = 'archived', archived_at = now() where code = ?")
                    .param(code)
                    .update();
        } finally {
            idp.close();
            ca.close();
        }
    }

    @Test
    void onboardsMunicipalityThroughWizard() throws Exception {
        FabricCaClient caClient = ca.client();
        SigningIdentity municipalityAdmin = caClient.registrar();
        Path mspZip = writeMspZip(caClient, municipalityAdmin);
        String baseUrl = "http://localhost:" + port;

        String reference;
        try (PortalBrowser browser = PortalBrowser.open(baseUrl)) {
            reference = runWizard(browser, mspZip);
        }
        assertThat(authorityStatus()).isEqualTo("proposed");

        BoardSteps.approve(baseUrl, "bamf", "bamf-board-1", reference, "Offen");
        BoardSteps.approve(baseUrl, "lds", "lds-board-1", reference, "Beschlossen");
        submitter.processDueSubmissions();

        assertThat(proposalStatus(reference)).isEqualTo("applied");
        assertThat(authorityStatus()).isEqualTo("active");
        assertThat(ledger.readChannel(properties.channel()).organizations())
                .extracting(OrganizationView::mspId)
                .contains("BamfMSP", "LdsMSP", mspId);

        coSignsLaterUpdate(municipalityAdmin);
        readsChannelAsMember(caClient);
    }

    /**
     * Goes through the wizard as the network operator's administrator and returns the reference of the proposal it
     * opens.
     */
    private String runWizard(PortalBrowser browser, Path mspZip) throws Exception {
        try {
            browser.signIn("bamf", "bamf-operator");
            browser.openPage("/onboarding");
            press(browser, By.id("onboarding-new"));
            browser.type(By.cssSelector("#onboarding-name input"), "Stadt Dresden");
            browser.choose(By.id("onboarding-type"), "municipal");
            browser.type(By.cssSelector("#onboarding-msp-id input"), mspId);
            browser.type(By.cssSelector("#onboarding-code input"), code);
            press(browser, By.id("onboarding-save-identity"));
            browser.text(By.id("onboarding-identity-provider-step"));

            browser.openPage("/onboarding");
            press(browser, By.id("onboarding-resume-" + mspId));
            browser.type(By.cssSelector("#onboarding-oidc-issuer input"), idp.issuer());
            browser.type(By.cssSelector("#onboarding-oidc-client-id input"), "klammer-portal");
            browser.type(By.cssSelector("#onboarding-oidc-client-secret input"), "kommune-client-secret");
            press(browser, By.id("onboarding-save-identity-provider"));
            browser.text(By.id("onboarding-certificate-authority-step"));

            browser.type(By.cssSelector("#onboarding-ca-url input"), ca.endpoint().url().toString());
            browser.type(By.cssSelector("#onboarding-ca-name input"), "ca-kommune");
            browser.type(By.cssSelector("#onboarding-ca-tls-root textarea"),
                    Files.readString(home.resolve("ca/tls-cert.pem")));
            browser.type(By.cssSelector("#onboarding-ca-registrar-id input"), "admin");
            browser.type(By.cssSelector("#onboarding-ca-registrar-secret input"), ca.registrarSecret());
            press(browser, By.id("onboarding-save-certificate-authority"));
            browser.text(By.id("onboarding-msp-step"));

            browser.upload(By.id("onboarding-msp-upload"), mspZip);
            browser.text(By.id("onboarding-validation-step"));
            assertThat(browser.awaitAnyText(By.id("onboarding-validation-summary"))).startsWith("Keine Fehler");
            press(browser, By.id("onboarding-validation-continue"));

            browser.type(By.cssSelector("#onboarding-rationale textarea"),
                    "Die Stadt Dresden nimmt zugewiesene Personen auf und braucht den Status der Verfahren.");
            browser.type(By.cssSelector("#onboarding-legal-basis input"), "Art. 6(1)(e) GDPR");
            press(browser, By.id("onboarding-submit"));
            browser.awaitText(By.id("proposal-status"), "Offen");
            String reference = jdbc.sql("""
                            select p.reference from proposal p join onboarding_draft d on d.proposal_id = p.id
                            where d.msp_id = ?
                            """)
                    .param(mspId)
                    .query(String.class)
                    .single();
            // The page keeps the wizard's scroll position, and Chromium reports no text for the scrolled-off heading.
            browser.openProposal(reference);

            assertThat(browser.text(By.cssSelector("#proposal-details-view h1"))).startsWith(reference);
            assertThat(browser.text(By.id("proposal-new-organization"))).contains(mspId).contains("ca-kommune");
            return reference;
        } catch (RuntimeException | AssertionError e) {
            browser.screenshot(Path.of("target", "onboarding-wizard-failure.png"));
            throw e;
        }
    }

    /** With three organisations, MAJORITY Admins needs two: LDS alone fails, LDS and the municipality pass. */
    private void coSignsLaterUpdate(SigningIdentity municipalityAdmin) throws Exception {
        Path certificate = home.resolve("kommune-admin-cert.pem");
        Path key = home.resolve("kommune-admin-key.pem");
        Files.writeString(certificate, municipalityAdmin.certificatePem());
        Files.writeString(key, privateKeyPem(municipalityAdmin));
        keys.importPem(mspId, certificate, key);
        PreparedUpdate flip = ledger.prepare(properties.channel(),
                new PolicyChange(ENDORSEMENT, BoardSteps.endorsementFlip(ledger, properties.channel())));
        AuthoritySignature lds = ledger.sign("LdsMSP", flip);
        AuthoritySignature municipality = ledger.sign(mspId, flip);

        SignatureCheck ldsOnly = ledger.evaluate(flip, List.of(lds));
        SignatureCheck coSigned = ledger.evaluate(flip, List.of(lds, municipality));
        ledger.submit(flip, List.of(lds, municipality));

        assertThat(flip.signingMspIds()).contains(mspId);
        assertThat(ldsOnly.satisfied()).isFalse();
        assertThat(coSigned.satisfied()).isTrue();
        assertThat(coSigned.countedMspIds()).containsExactlyInAnyOrder("LdsMSP", mspId);
        assertThat(ledger.awaitApplied(flip, Duration.ofSeconds(30))).as("co-signed update applied").isPresent();
    }

    private void readsChannelAsMember(FabricCaClient caClient) throws Exception {
        Registration registration = caClient.register(new RegistrationRequest("org1.department1", List.of(), 1));
        KeyPair keyPair = CertificateSigningRequests.newKeyPair();
        Enrollment enrollment = caClient.enroll(registration.enrollmentId(), registration.secret(),
                CertificateSigningRequests.create(registration.enrollmentId(), keyPair), List.of());
        Path certificate = home.resolve("kommune-client-cert.pem");
        Path key = home.resolve("kommune-client-key.pem");
        Files.writeString(certificate, pem("CERTIFICATE", enrollment.certificate().getEncoded()));
        Files.writeString(key, pem("PRIVATE KEY", keyPair.getPrivate().getEncoded()));

        NetworkDescriptor network = network();
        OrdererEndpoint orderer = new OrdererEndpoint(network.value("orderer.host"),
                Integer.parseInt(network.value("orderer.port")), Path.of(network.value("orderer.tls.ca")),
                network.value("orderer.tls.hostname"));
        try (ChannelAdmin member = new ChannelAdmin(orderer, SigningIdentities.fromPem(mspId, certificate, key))) {
            assertThat(member.readConfig(properties.channel()).organization(mspId)).isPresent();
        }
    }

    /** Writes the municipality's MSP folder as a zip, from the chain its CA returns and its admin certificate. */
    private Path writeMspZip(FabricCaClient caClient, SigningIdentity admin) throws Exception {
        List<X509Certificate> chain = caClient.caInfo().caChain();
        String rootPem = pem("CERTIFICATE", chain.getLast().getEncoded());
        String config = """
                NodeOUs:
                  Enable: true
                  ClientOUIdentifier: {Certificate: cacerts/ca.pem, OrganizationalUnitIdentifier: client}
                  PeerOUIdentifier: {Certificate: cacerts/ca.pem, OrganizationalUnitIdentifier: peer}
                  AdminOUIdentifier: {Certificate: cacerts/ca.pem, OrganizationalUnitIdentifier: admin}
                  OrdererOUIdentifier: {Certificate: cacerts/ca.pem, OrganizationalUnitIdentifier: orderer}
                """;
        Map<String, String> entries = new LinkedHashMap<>();
        entries.put("msp/cacerts/ca.pem", rootPem);
        entries.put("msp/tlscacerts/ca.pem", rootPem);
        entries.put("msp/admincerts/admin.pem", admin.certificatePem());
        entries.put("msp/config.yaml", config);
        Path zip = home.resolve("kommune-msp.zip");
        Files.write(zip, OnboardingTestSupport.zip(entries));
        return zip;
    }

    /** Activates a button with the keyboard, which also works where an overlay covers the button's centre. */
    private static void press(PortalBrowser browser, By button) {
        browser.text(button);
        browser.elements(button).getFirst().sendKeys(Keys.ENTER);
    }

    private String authorityStatus() {
        return jdbc.sql("select status from authority where code = ?").param(code).query(String.class).single();
    }

    private String proposalStatus(String reference) {
        return jdbc.sql("select status from proposal where reference = ?")
                .param(reference)
                .query(String.class)
                .single();
    }

    private static String privateKeyPem(SigningIdentity identity) {
        return pem("PRIVATE KEY", identity.privateKey().getEncoded());
    }

    private static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(der)
                + "\n-----END " + type + "-----\n";
    }

    private static NetworkDescriptor network() {
        return NetworkDescriptor.read(Path.of(System.getProperty("klammer.network.descriptor")));
    }
}
