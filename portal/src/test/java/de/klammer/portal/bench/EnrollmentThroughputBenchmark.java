package de.klammer.portal.bench;

import static org.assertj.core.api.Assertions.assertThat;

import de.klammer.identity.CertificateSigningRequests;
import de.klammer.identity.Enrollment;
import de.klammer.identity.EnrollmentCertificates;
import de.klammer.identity.EnrollmentIds;
import de.klammer.identity.EnrollmentSecrets;
import de.klammer.identity.EnrollmentService;
import de.klammer.identity.PersonRecord;
import de.klammer.identity.Registration;
import de.klammer.identity.RegistrationRequest;
import de.klammer.identity.RoleAttribute;
import de.klammer.portal.PortalApplication;
import de.klammer.portal.authority.AuthorityService;
import de.klammer.portal.authority.BoardMemberService;
import de.klammer.portal.identity.CertificateAuthorities;
import de.klammer.portal.identity.EnrollmentOutcome;
import de.klammer.portal.identity.KeySource;
import de.klammer.portal.identity.LedgerIdentityDetails;
import de.klammer.portal.identity.LedgerIdentityService;
import de.klammer.portal.identity.LedgerIdentityStatus;
import de.klammer.portal.identity.LedgerRole;
import de.klammer.portal.identity.internal.CaEnrollmentSteps;
import de.klammer.portal.security.PortalRole;
import de.klammer.portal.security.PortalUser;
import de.klammer.portal.security.TestUsers;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/**
 * Enrols the same number of identities at the BAMF CA in three ways in one run, so that the ratio compares them on
 * the same CA under the same machine load: through the portal's {@link LedgerIdentityService} (request, CSR upload,
 * approval by a second administrator), through identity-bridge's {@link EnrollmentService} directly, and with a loop
 * of {@code fabric-ca-client register} and {@code enroll} processes. Every side generates an EC P-256 key on the
 * client and sends a CSR. The identities are enrolled in rounds, and each round runs the three sides in a rotated
 * order, so that a change of load on the shared machine hits all three alike. Each certificate is checked for the
 * role attribute outside the clock. Not part of the test suite; run it with {@code ./klammer bench}, and pass
 * {@code -Dklammer.bench.identities=N} for a shorter run.
 */
@SpringBootTest(
        classes = PortalApplication.class,
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "klammer.ledger.network-descriptor=${klammer.network.descriptor}",
            "klammer.ledger.key-store-directory=${java.io.tmpdir}/klammer-keys-${random.uuid}",
            "klammer.ledger.key-store-password=bench-key-password"
        })
@ActiveProfiles({"demo", "test"})
class EnrollmentThroughputBenchmark {

    private static final String MSP_ID = "BamfMSP";
    private static final int DEFAULT_IDENTITIES = 1000;
    private static final int ROUNDS = 10;
    private static final int WARMUP_IDENTITIES = 5;
    private static final LedgerRole ROLE = LedgerRole.REGISTRATION_CLERK;
    private static final String ROLES_ATTRIBUTE = CaEnrollmentSteps.ROLES_ATTRIBUTE;

    @Autowired
    LedgerIdentityService identities;

    @Autowired
    CertificateAuthorities authorities;

    @Autowired
    AuthorityService authorityService;

    @Autowired
    BoardMemberService boardMembers;

    private final Timings portal = new Timings();
    private final Timings bridge = new Timings();
    private final Timings commandLine = new Timings();

    private PortalUser requester;
    private PortalUser approver;
    private EnrollmentService enrollmentService;
    private FabricCaCommandLine cli;

    @Test
    void comparesEnrollmentWithFabricCaClient() throws Exception {
        int total = BenchmarkNetwork.intProperty("klammer.bench.identities", DEFAULT_IDENTITIES);
        setUp();
        for (int i = 0; i < WARMUP_IDENTITIES; i++) {
            enrolThroughPortal(null);
            enrolThroughBridge(null);
            enrolWithCommandLine(null);
        }

        long started = System.nanoTime();
        for (int round = 0; round < ROUNDS; round++) {
            int size = total / ROUNDS + (round < total % ROUNDS ? 1 : 0);
            for (int side = 0; side < 3; side++) {
                switch ((round + side) % 3) {
                    case 0 -> repeat(size, () -> enrolThroughPortal(portal));
                    case 1 -> repeat(size, () -> enrolThroughBridge(bridge));
                    default -> repeat(size, () -> enrolWithCommandLine(commandLine));
                }
            }
        }
        double wallClock = (System.nanoTime() - started) / 1e9;
        TestUsers.signOut();

        Timings.write("enrollment-throughput.txt", report(total, wallClock));
        assertThat(portal.count()).isEqualTo(total);
        assertThat(bridge.count()).isEqualTo(total);
        assertThat(commandLine.count()).isEqualTo(total);
    }

    private void setUp() throws Exception {
        TestUsers users = new TestUsers(authorityService, boardMembers);
        requester = admin(users, "bench-requester-" + UUID.randomUUID());
        approver = admin(users, "bench-approver-" + UUID.randomUUID());
        enrollmentService = new EnrollmentService(authorities.client(MSP_ID));
        Path home = Files.createTempDirectory("fabric-ca-client-bench");
        cli = new FabricCaCommandLine(BenchmarkNetwork.descriptor(), MSP_ID, home);
        cli.enrollRegistrar();
    }

    /**
     * Runs the portal's steps for one person. The request draws a random pseudonymous ID, checks it for personal data,
     * seals the person into the vault and inserts the identity. The CSR upload checks the CSR. The approval by a
     * second administrator unseals the person for the checks, registers at the CA after an identity lookup there,
     * enrols with the CSR, checks the certificate and inserts it. Each of the three calls writes audit events.
     */
    private void enrolThroughPortal(@Nullable Timings timings) {
        long start = System.nanoTime();
        TestUsers.signIn(requester);
        LedgerIdentityDetails requested = identities.requestForPerson(
                person(), Set.of(ROLE), LocalDate.now().plusYears(1), KeySource.CSR);
        KeyPair keyPair = CertificateSigningRequests.newKeyPair();
        identities.attachCsr(requested.id(), CertificateSigningRequests.create(requested.enrollmentId(), keyPair));
        TestUsers.signIn(approver);
        EnrollmentOutcome outcome = identities.approve(requested.id());
        long end = System.nanoTime();

        assertThat(outcome.identity().status())
                .as("status of %s, failure %s", requested.enrollmentId(), outcome.identity().failureReason())
                .isEqualTo(LedgerIdentityStatus.ENROLLED);
        assertThat(outcome.identity().certificates()).hasSize(1);
        record(timings, start, end);
    }

    /** Registration and enrolment with the CSR through identity-bridge, with its personal-data checks and no database. */
    private void enrolThroughBridge(@Nullable Timings timings) {
        long start = System.nanoTime();
        PersonRecord person = person();
        Registration registration = enrollmentService.register(
                new RegistrationRequest(
                        authorities.settings(MSP_ID).affiliation(),
                        List.of(new RoleAttribute(ROLES_ATTRIBUTE, ROLE.attributeValue())),
                        CaEnrollmentSteps.MAX_ENROLLMENTS),
                person);
        KeyPair keyPair = CertificateSigningRequests.newKeyPair();
        String csr = CertificateSigningRequests.create(registration.enrollmentId(), keyPair);
        Enrollment enrollment = enrollmentService.enrollWithCsr(registration, csr, person);
        long end = System.nanoTime();

        assertRoleAttribute(enrollment.certificate());
        record(timings, start, end);
    }

    /**
     * Two processes: {@code register} (the client signs a token with the registrar key) and {@code enroll} (the client
     * generates the key and CSR and writes key and certificate into an MSP folder). No personal-data checks.
     */
    private void enrolWithCommandLine(@Nullable Timings timings) {
        String enrollmentId = EnrollmentIds.random();
        String secret = EnrollmentSecrets.random();
        long start = System.nanoTime();
        cli.register(
                enrollmentId,
                secret,
                ROLES_ATTRIBUTE + "=" + ROLE.attributeValue(),
                CaEnrollmentSteps.MAX_ENROLLMENTS);
        cli.enroll(enrollmentId, secret, ROLES_ATTRIBUTE);
        long end = System.nanoTime();

        try (InputStream in = Files.newInputStream(cli.certificate(enrollmentId))) {
            assertRoleAttribute((X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in));
        } catch (Exception e) {
            throw new AssertionError("Cannot read the certificate that fabric-ca-client wrote for " + enrollmentId, e);
        }
        record(timings, start, end);
    }

    private static void assertRoleAttribute(X509Certificate certificate) {
        assertThat(EnrollmentCertificates.attributes(certificate)).containsEntry(ROLES_ATTRIBUTE, ROLE.attributeValue());
    }

    private static void record(@Nullable Timings timings, long start, long end) {
        if (timings != null) {
            timings.add(start, end);
        }
    }

    private static void repeat(int times, Runnable work) {
        for (int i = 0; i < times; i++) {
            work.run();
        }
    }

    private static PortalUser admin(TestUsers users, String subjectStandIn) {
        PortalUser base = users.user("bamf", PortalRole.AUTHORITY_ADMIN);
        return new PortalUser(base.issuer(), base.authority(), base.roles(), null, subjectStandIn);
    }

    private static PersonRecord person() {
        String unique = UUID.randomUUID().toString().substring(0, 8);
        return new PersonRecord(
                "Benchmark",
                "Person" + unique,
                "person." + unique + "@bamf.example",
                "http://127.0.0.1/bamf",
                "bench-" + unique);
    }

    private String report(int total, double wallClock) {
        StringBuilder report = new StringBuilder();
        report.append(String.format(Locale.ROOT,
                "enrolment of %d identities per side at %s, %d rounds with rotated order, after %d warm-up identities"
                        + " per side; wall clock %.1f s%n",
                total, MSP_ID, ROUNDS, WARMUP_IDENTITIES, wallClock));
        appendSide(report, "portal LedgerIdentityService", portal);
        appendSide(report, "identity-bridge EnrollmentService", bridge);
        appendSide(report, "fabric-ca-client register + enroll", commandLine);
        report.append(String.format(Locale.ROOT,
                "ratio of total times: portal / fabric-ca-client %.2f, identity-bridge / fabric-ca-client %.2f%n",
                portal.total() / commandLine.total(), bridge.total() / commandLine.total()));
        return report.toString();
    }

    private static void appendSide(StringBuilder report, String name, Timings timings) {
        report.append(String.format(Locale.ROOT,
                "%s: total %.1f s, %.1f identities/s; per identity median %.3f s, 95th percentile %.3f s, min %.3f s,"
                        + " max %.3f s%n",
                name, timings.total(), timings.count() / timings.total(), timings.median(), timings.percentile(0.95),
                timings.min(), timings.max()));
    }
}
