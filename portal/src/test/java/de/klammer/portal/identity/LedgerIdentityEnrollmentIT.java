package de.klammer.portal.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import de.klammer.identity.CertificateQuery;
import de.klammer.identity.CertificateSigningRequests;
import de.klammer.identity.EnrollmentCertificates;
import de.klammer.identity.EnrollmentSecrets;
import de.klammer.identity.FabricCaClient;
import de.klammer.identity.IdentityLockedOutException;
import de.klammer.identity.IdentityNotFoundException;
import de.klammer.identity.IdentityUpdate;
import de.klammer.identity.InvalidEnrollmentSecretException;
import de.klammer.identity.PersonRecord;
import de.klammer.identity.RoleAttribute;
import de.klammer.ledger.ChannelAdmin;
import de.klammer.ledger.ChannelConfig;
import de.klammer.ledger.OrdererEndpoint;
import de.klammer.ledger.SigningIdentities;
import de.klammer.portal.LedgerIntegrationTest;
import de.klammer.portal.authority.AuthorityService;
import de.klammer.portal.authority.BoardMemberService;
import de.klammer.portal.identity.internal.CaEnrollmentSteps;
import de.klammer.portal.identity.internal.CertificateExpiryCheck;
import de.klammer.portal.identity.internal.IdentityCertificateRepository;
import de.klammer.portal.identity.internal.LedgerIdentityRepository;
import de.klammer.portal.security.PortalRole;
import de.klammer.portal.security.PortalUser;
import de.klammer.portal.security.TestUsers;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.cert.X509Certificate;
import java.time.LocalDate;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.PayloadApplicationEvent;

/** Enrols ledger identities at the real LDS Fabric CA and uses them on the real orderer. */
@LedgerIntegrationTest
class LedgerIdentityEnrollmentIT {

    private static final String MSP_ID = "LdsMSP";
    private static final LocalDate VALID_UNTIL = LocalDate.now().plusYears(1);
    private static final Set<LedgerRole> ROLES = Set.of(LedgerRole.REGISTRATION_CLERK, LedgerRole.DECISION_CLERK);

    @Autowired
    LedgerIdentityService service;

    @Autowired
    IdentityVaultService vault;

    @Autowired
    CertificateAuthorities authorities;

    @Autowired
    CertificateExpiryCheck expiryCheck;

    @Autowired
    LedgerIdentityRepository identities;

    @Autowired
    IdentityCertificateRepository certificates;

    @Autowired
    AuthorityService authorityService;

    @Autowired
    BoardMemberService boardMembers;

    @Autowired
    ConfigurableApplicationContext context;

    /** Events of the current test, collected by a listener added at run time so the cached context is reused. */
    final List<IdentityEnrolled> enrolledEvents = new CopyOnWriteArrayList<>();

    @TempDir
    Path directory;

    PortalUser requester;
    PortalUser approver;

    @BeforeEach
    void createUsers() {
        context.addApplicationListener((ApplicationListener<ApplicationEvent>) event -> {
            if (event instanceof PayloadApplicationEvent<?> payload
                    && payload.getPayload() instanceof IdentityEnrolled enrolled) {
                enrolledEvents.add(enrolled);
            }
        });
        TestUsers users = new TestUsers(authorityService, boardMembers);
        requester = IdentityTestSupport.user(users, "lds", "admin-" + UUID.randomUUID(), PortalRole.AUTHORITY_ADMIN);
        approver = IdentityTestSupport.user(users, "lds", "admin-" + UUID.randomUUID(), PortalRole.AUTHORITY_ADMIN);
    }

    @AfterEach
    void signOut() {
        TestUsers.signOut();
    }

    @Test
    void enrolsIdentityReadableOnChannel() throws Exception {
        LedgerIdentityDetails requested = request(KeySource.GENERATED);

        TestUsers.signIn(approver);
        EnrollmentOutcome outcome = service.approve(requested.id());

        assertThat(outcome.identity().status()).isEqualTo(LedgerIdentityStatus.ENROLLED);
        assertThat(outcome.identity().failureCode()).isNull();
        assertThat(outcome.keyStore()).isNotNull();
        Path file = directory.resolve(outcome.keyStore().fileName());
        Files.write(file, outcome.keyStore().pkcs12());
        var identity = SigningIdentities.fromPkcs12(
                MSP_ID, file, outcome.keyStore().password().toCharArray());
        try (ChannelAdmin admin = new ChannelAdmin(orderer(), identity)) {
            ChannelConfig config = admin.readConfig(channel());
            assertThat(config).isNotNull();
        }
        X509Certificate certificate = onlyCertificate(outcome);
        assertThat(certificate.getExtensionValue(EnrollmentCertificates.ATTRIBUTE_EXTENSION_OID))
                .isNotNull();
        assertThat(EnrollmentCertificates.attributes(certificate))
                .containsEntry(CaEnrollmentSteps.ROLES_ATTRIBUTE, "decision-clerk,registration-clerk");
        assertThat(certificate.getSubjectX500Principal().getName()).contains(requested.enrollmentId());
        assertThat(certificate.getSubjectX500Principal().getName()).doesNotContain("Erika", "Mustermann");
        assertThat(vault.contains(requested.enrollmentId())).isTrue();
        assertThat(enrolledEvents)
                .contains(new IdentityEnrolled(
                        MSP_ID, requested.enrollmentId(), certificate.getSerialNumber().toString(16)));
    }

    @Test
    void rejectsApprovalByRequester() {
        LedgerIdentityDetails requested = request(KeySource.GENERATED);

        TestUsers.signIn(requester);

        assertThatExceptionOfType(EnrollmentRuleViolationException.class)
                .isThrownBy(() -> service.approve(requested.id()))
                .withMessageContaining(requested.enrollmentId());
        assertThat(service.details(requested.id()).status()).isEqualTo(LedgerIdentityStatus.REQUESTED);
    }

    @Test
    void enrolsWithUploadedCsr() {
        LedgerIdentityDetails requested = request(KeySource.CSR);
        TestUsers.signIn(approver);
        EnrollmentOutcome approved = service.approve(requested.id());
        assertThat(approved.identity().status()).isEqualTo(LedgerIdentityStatus.REGISTERED);
        assertThat(approved.identity().awaitsCsr()).isTrue();

        service.attachCsr(requested.id(), csr(requested.enrollmentId()));
        EnrollmentOutcome resumed = service.resume(requested.id());

        assertThat(resumed.identity().status()).isEqualTo(LedgerIdentityStatus.ENROLLED);
        assertThat(resumed.keyStore()).as("no generated key to hand over").isNull();
        assertThat(resumed.identity().certificates()).hasSize(1);
    }

    @Test
    void reportsEnrollmentLimitAndStaysResumable() {
        LedgerIdentityDetails registered = registeredWithCsr();
        FabricCaClient client = authorities.client(MSP_ID);
        // An enrolment whose response was lost uses up the only enrolment the identity has left.
        String secret = EnrollmentSecrets.random();
        client.identities()
                .modify(registered.enrollmentId(), IdentityUpdate.none().withSecret(secret).withMaxEnrollments(1));
        client.enroll(registered.enrollmentId(), secret, csr(registered.enrollmentId()), List.of());

        EnrollmentOutcome failed = service.resume(registered.id());

        assertThat(failed.identity().status()).isEqualTo(LedgerIdentityStatus.REGISTERED);
        assertThat(failed.identity().failureCode()).isEqualTo(EnrollmentFailure.ENROLLMENT_LIMIT);
        assertThat(failed.identity().failureReason()).contains(registered.enrollmentId());
        client.identities().modify(registered.enrollmentId(), IdentityUpdate.none().withMaxEnrollments(3));
        EnrollmentOutcome resumed = service.resume(registered.id());
        assertThat(resumed.identity().status()).isEqualTo(LedgerIdentityStatus.ENROLLED);
        assertThat(resumed.identity().failureCode()).isNull();
    }

    @Test
    void reportsUnregisteredAttributeAndStaysResumable() {
        LedgerIdentityDetails registered = registeredWithCsr();
        FabricCaClient client = authorities.client(MSP_ID);
        client.identities()
                .modify(
                        registered.enrollmentId(),
                        IdentityUpdate.none().withoutAttribute(CaEnrollmentSteps.ROLES_ATTRIBUTE));

        EnrollmentOutcome failed = service.resume(registered.id());

        assertThat(failed.identity().status()).isEqualTo(LedgerIdentityStatus.REGISTERED);
        assertThat(failed.identity().failureCode()).isEqualTo(EnrollmentFailure.ATTRIBUTE_NOT_REGISTERED);
        assertThat(failed.identity().failureReason()).contains(CaEnrollmentSteps.ROLES_ATTRIBUTE);
        client.identities()
                .modify(
                        registered.enrollmentId(),
                        IdentityUpdate.none()
                                .withAttribute(new RoleAttribute(
                                        CaEnrollmentSteps.ROLES_ATTRIBUTE, "decision-clerk,registration-clerk")));
        assertThat(service.resume(registered.id()).identity().status()).isEqualTo(LedgerIdentityStatus.ENROLLED);
    }

    @Test
    void classifiesWrongSecretAndLockout() {
        LedgerIdentityDetails registered = registeredWithCsr();
        FabricCaClient client = authorities.client(MSP_ID);
        String csr = csr(registered.enrollmentId());
        InvalidEnrollmentSecretException wrongSecret = null;
        IdentityLockedOutException lockedOut = null;
        for (int attempt = 0; attempt < 20 && lockedOut == null; attempt++) {
            try {
                client.enroll(registered.enrollmentId(), "wrong-secret-0123456789", csr, List.of());
            } catch (InvalidEnrollmentSecretException e) {
                wrongSecret = e;
            } catch (IdentityLockedOutException e) {
                lockedOut = e;
            }
        }

        assertThat(wrongSecret).isNotNull();
        assertThat(EnrollmentFailure.of(wrongSecret).code()).isEqualTo(EnrollmentFailure.INVALID_SECRET);
        assertThat(EnrollmentFailure.of(wrongSecret).detail()).doesNotContain("wrong-secret-0123456789");
        assertThat(lockedOut).as("locked out after repeated wrong secrets").isNotNull();
        assertThat(EnrollmentFailure.of(lockedOut).code()).isEqualTo(EnrollmentFailure.LOCKED_OUT);
        assertThat(EnrollmentFailure.of(lockedOut).detail()).contains(registered.enrollmentId());
        EnrollmentOutcome resumed = service.resume(registered.id());
        assertThat(resumed.identity().status())
                .as("resume sets a new secret, which lifts the lockout")
                .isEqualTo(LedgerIdentityStatus.ENROLLED);
    }

    @Test
    void withdrawsRegisteredIdentityAtCa() {
        LedgerIdentityDetails registered = registeredWithCsr();

        LedgerIdentityDetails withdrawn = service.withdraw(registered.id());

        assertThat(withdrawn.status()).isEqualTo(LedgerIdentityStatus.WITHDRAWN);
        assertThatExceptionOfType(IdentityNotFoundException.class)
                .isThrownBy(() -> authorities.client(MSP_ID).identities().get(registered.enrollmentId()));
        assertThat(vault.contains(registered.enrollmentId())).isFalse();
        assertThatExceptionOfType(IllegalStateException.class)
                .isThrownBy(() -> service.resume(registered.id()))
                .withMessageContaining("WITHDRAWN");
    }

    @Test
    void renewsGeneratedKeyAndSupersedesOld() {
        LedgerIdentityDetails requested = request(KeySource.GENERATED);
        TestUsers.signIn(approver);
        EnrollmentOutcome first = service.approve(requested.id());
        String firstSerial = first.identity().certificates().getFirst().serialHex();

        EnrollmentOutcome renewed = service.renew(requested.id());

        assertThat(renewed.keyStore()).isNotNull();
        assertThat(renewed.identity().certificates()).hasSize(2);
        assertThat(renewed.identity().certificates())
                .filteredOn(certificate -> certificate.serialHex().equals(firstSerial))
                .singleElement()
                .extracting(CertificateSummary::status)
                .isEqualTo("superseded");
        assertThat(service.activeCertificates())
                .extracting(CertificateSummary::serialHex)
                .contains(onlyCertificate(renewed).getSerialNumber().toString(16))
                .doesNotContain(firstSerial);
        assertThat(service.list())
                .filteredOn(listed -> listed.id().equals(requested.id()))
                .singleElement()
                .extracting(LedgerIdentityDetails::certificates)
                .isEqualTo(service.details(requested.id()).certificates());
    }

    @Test
    void marksIdentityRevokedOnEvent() {
        LedgerIdentityDetails requested = request(KeySource.GENERATED);
        TestUsers.signIn(approver);
        EnrollmentOutcome enrolled = service.approve(requested.id());
        String serial = enrolled.identity().certificates().getFirst().serialHex();

        context.publishEvent(new CertificateRevoked(MSP_ID, serial, "attribute corrected"));
        context.publishEvent(new IdentityRevoked(MSP_ID, requested.enrollmentId(), "erasure request"));

        LedgerIdentityDetails revoked = service.details(requested.id());
        assertThat(revoked.status()).isEqualTo(LedgerIdentityStatus.REVOKED);
        assertThat(revoked.failureReason()).isEqualTo("erasure request");
        assertThat(revoked.certificates()).extracting(CertificateSummary::status).containsOnly("revoked");
    }

    @Test
    void flagsCertificatesWithinWarningPeriod() {
        LedgerIdentityDetails requested = request(KeySource.GENERATED);
        TestUsers.signIn(approver);
        service.approve(requested.id());
        // The local CA issues certificates for one year (8760h), so 30 days do not reach them and 400 days do.
        var longWarning = new CertificateExpiryProperties(400, "0 0 6 * * *");
        var longReadModels = new LedgerIdentityReadModels(identities, certificates, authorityService, longWarning);

        CertificateSummary regular = only(service.activeCertificates(), requested.enrollmentId());
        CertificateSummary flagged =
                only(longReadModels.activeCertificates(approver.authority().id()), requested.enrollmentId());

        assertThat(regular.daysLeft()).isBetween(360L, 366L);
        assertThat(regular.expiringSoon()).isFalse();
        assertThat(flagged.expiringSoon()).isTrue();
        assertThat(expiryCheck.warnAboutExpiringCertificates()).as("default warning period").isZero();
        assertThat(new CertificateExpiryCheck(certificates, longWarning).warnAboutExpiringCertificates())
                .as("400-day warning period")
                .isPositive();
    }

    private static CertificateSummary only(List<CertificateSummary> certificates, String enrollmentId) {
        return certificates.stream()
                .filter(summary -> summary.enrollmentId().equals(enrollmentId))
                .findFirst()
                .orElseThrow();
    }

    private LedgerIdentityDetails request(KeySource keySource) {
        TestUsers.signIn(requester);
        PersonRecord person = new PersonRecord(
                "Erika",
                "Mustermann",
                "erika.mustermann@lds.example",
                "http://idp.example/lds",
                "sub-" + UUID.randomUUID());
        return service.requestForPerson(person, ROLES, VALID_UNTIL, keySource);
    }

    private LedgerIdentityDetails registeredWithCsr() {
        LedgerIdentityDetails requested = request(KeySource.CSR);
        TestUsers.signIn(approver);
        LedgerIdentityDetails registered = service.approve(requested.id()).identity();
        assertThat(registered.status()).isEqualTo(LedgerIdentityStatus.REGISTERED);
        service.attachCsr(registered.id(), csr(registered.enrollmentId()));
        return registered;
    }

    private static String csr(String enrollmentId) {
        KeyPair keyPair = CertificateSigningRequests.newKeyPair();
        return CertificateSigningRequests.create(enrollmentId, keyPair);
    }

    /** Fetches the identity's active certificate from the CA, so the test checks what the CA issued. */
    private X509Certificate onlyCertificate(EnrollmentOutcome outcome) {
        CertificateSummary summary = outcome.identity().certificates().stream()
                .filter(certificate -> certificate.status().equals("active"))
                .findFirst()
                .orElseThrow();
        FabricCaClient client = authorities.client(MSP_ID);
        return client.identities()
                .listCertificates(CertificateQuery.forIdentity(outcome.identity().enrollmentId()))
                .stream()
                .filter(certificate -> certificate.getSerialNumber().toString(16).equals(summary.serialHex()))
                .findFirst()
                .orElseThrow();
    }

    private static OrdererEndpoint orderer() {
        Properties network = IdentityTestSupport.network();
        return new OrdererEndpoint(
                network.getProperty("orderer.host"),
                Integer.parseInt(network.getProperty("orderer.port")),
                Path.of(network.getProperty("orderer.tls.ca")),
                network.getProperty("orderer.tls.hostname"));
    }

    private static String channel() {
        return IdentityTestSupport.network().getProperty("channel", "asyl-status");
    }
}
