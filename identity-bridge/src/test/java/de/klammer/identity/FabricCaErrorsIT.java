package de.klammer.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Triggers each failure that Klammer distinguishes at a real Fabric CA and checks the exception, its message, and
 * that nothing was left half done.
 */
class FabricCaErrorsIT {

    private static final String MSP_ID = "BamfMSP";

    private static TestNetwork network;
    private static FabricCaClient client;
    private static String department;

    @BeforeAll
    static void connect() {
        network = TestNetwork.get();
        client = network.caClient(MSP_ID);
        department =
                network.affiliation(MSP_ID) + "." + network.departments(MSP_ID).getFirst();
    }

    @Test
    void rejectsUnknownAffiliation() {
        // The LDS affiliation exists only at the LDS CA.
        var request = new RegistrationRequest("lds.allocation", List.of(new RoleAttribute("klammer.role", "clerk")), 1);

        var thrown = assertThatExceptionOfType(AffiliationNotFoundException.class)
                .isThrownBy(() -> client.register(request))
                .withMessageContaining("'lds.allocation'")
                .withMessageContaining(client.caName())
                .actual();

        assertThat(thrown.errorCode()).isEqualTo(71);
        assertThat(thrown.affiliation()).isEqualTo("lds.allocation");
        assertThatExceptionOfType(IdentityNotFoundException.class)
                .as("nothing registered")
                .isThrownBy(() -> client.identities().get(thrown.enrollmentId()));
    }

    @Test
    void rejectsWrongEnrollmentSecret() {
        Registration registration = client.register(request(1));

        var thrown = assertThatExceptionOfType(InvalidEnrollmentSecretException.class)
                .isThrownBy(() -> enroll(registration.enrollmentId(), "not-the-secret-at-all"))
                .withMessageContaining(registration.enrollmentId())
                .withMessageNotContaining("not-the-secret-at-all")
                .actual();

        assertThat(thrown.errorCode()).isEqualTo(20);
        assertThat(thrown.httpStatus()).isEqualTo(401);
        assertThat(enroll(registration.enrollmentId(), registration.secret()).enrollmentId())
                .as("a wrong secret does not use up the enrollment")
                .isEqualTo(registration.enrollmentId());
    }

    @Test
    void locksOutAfterRepeatedWrongSecrets() {
        Registration registration = client.register(request(1));
        int attempts = network.passwordAttempts(MSP_ID);
        for (int attempt = 1; attempt <= attempts; attempt++) {
            assertThatExceptionOfType(InvalidEnrollmentSecretException.class)
                    .as("wrong secret %d of %d", attempt, attempts)
                    .isThrownBy(() -> enroll(registration.enrollmentId(), "wrong-secret-0123456789"));
        }

        var thrown = assertThatExceptionOfType(IdentityLockedOutException.class)
                .isThrownBy(() -> enroll(registration.enrollmentId(), registration.secret()))
                .withMessageContaining(registration.enrollmentId())
                .withMessageContaining("modifying the identity")
                .withMessageNotContaining(registration.secret())
                .actual();

        assertThat(thrown.errorCode()).isEqualTo(73);
        assertThat(thrown.caMessage()).contains("max incorrect password limit of " + attempts);
        String newSecret = EnrollmentSecrets.random();
        client.identities()
                .modify(registration.enrollmentId(), IdentityUpdate.none().withSecret(newSecret));
        assertThat(enroll(registration.enrollmentId(), newSecret).enrollmentId())
                .as("a new secret lifts the lockout")
                .isEqualTo(registration.enrollmentId());
    }

    @Test
    void rejectsEnrollmentBeyondLimit() {
        Registration registration = client.register(request(1));
        enroll(registration.enrollmentId(), registration.secret());

        var thrown = assertThatExceptionOfType(EnrollmentLimitReachedException.class)
                .isThrownBy(() -> enroll(registration.enrollmentId(), registration.secret()))
                .withMessageContaining(registration.enrollmentId())
                .withMessageContaining("reenroll")
                .actual();

        assertThat(thrown.maxEnrollments()).isEqualTo(1);
        assertThat(thrown.errorCode()).isEqualTo(20);
    }

    @Test
    void rejectsUnregisteredAttributeRequest() {
        Registration registration = client.register(request(1));
        String csr =
                CertificateSigningRequests.create(registration.enrollmentId(), CertificateSigningRequests.newKeyPair());
        List<AttributeRequest> attributes =
                List.of(AttributeRequest.required("klammer.role"), AttributeRequest.required("klammer.clearance"));

        var thrown = assertThatExceptionOfType(AttributeNotRegisteredException.class)
                .isThrownBy(() -> client.enroll(registration.enrollmentId(), registration.secret(), csr, attributes))
                .withMessageContaining("klammer.clearance")
                .withMessageContaining(registration.enrollmentId())
                .actual();

        assertThat(thrown.attributeNames()).containsExactly("klammer.clearance");
        assertThat(thrown.errorCode()).isZero();
        assertThat(client.identities().listCertificates(CertificateQuery.forIdentity(registration.enrollmentId())))
                .as("no certificate issued")
                .isEmpty();
        assertThat(enroll(registration.enrollmentId(), registration.secret()).enrollmentId())
                .as("the failed enrollment did not use up max_enrollments 1")
                .isEqualTo(registration.enrollmentId());
    }

    @Test
    void acceptsMissingOptionalAttribute() {
        Registration registration = client.register(request(1));
        String csr =
                CertificateSigningRequests.create(registration.enrollmentId(), CertificateSigningRequests.newKeyPair());

        Enrollment enrollment = client.enroll(
                registration.enrollmentId(),
                registration.secret(),
                csr,
                List.of(AttributeRequest.required("klammer.role"), AttributeRequest.optional("klammer.clearance")));

        assertThat(EnrollmentCertificates.attributes(enrollment.certificate())).containsOnlyKeys("klammer.role");
    }

    @Test
    void rejectsEnrollmentOfUnknownIdentity() {
        String unknown = EnrollmentIds.random();

        assertThatExceptionOfType(IdentityNotFoundException.class)
                .isThrownBy(() -> enroll(unknown, "some-secret-0123456789"))
                .withMessageContaining(unknown);
    }

    @Test
    void rejectsRemovalWhenCaDisallowsIt(@TempDir Path home) throws Exception {
        try (var ca = StandaloneFabricCa.start(network.fabricCaBinaries(), home, "ca-without-removal")) {
            FabricCaClient standalone = ca.client();
            Registration registration = standalone.register(new RegistrationRequest("org1.department1", List.of(), 1));

            var thrown = assertThatExceptionOfType(IdentityRemovalDisabledException.class)
                    .isThrownBy(() -> standalone.identities().delete(registration.enrollmentId()))
                    .withMessageContaining(registration.enrollmentId())
                    .withMessageContaining("cfg.identities.allowremove")
                    .actual();

            assertThat(thrown.errorCode()).isEqualTo(56);
            assertThat(thrown.httpStatus()).isEqualTo(403);
            assertThat(standalone.identities().get(registration.enrollmentId()).enrollmentId())
                    .as("identity still registered")
                    .isEqualTo(registration.enrollmentId());
        }
    }

    @Test
    void reportsRefusedConnectionAsUnreachable() throws IOException {
        int closedPort;
        try (var socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }
        FabricCaEndpoint closed = withUrl(URI.create("https://127.0.0.1:" + closedPort));

        var thrown = assertThatExceptionOfType(CaUnreachableException.class)
                .isThrownBy(() -> FabricCaClient.fetchCaInfo(closed))
                .withMessageContaining("127.0.0.1:" + closedPort)
                .withMessageContaining("connection failed")
                .actual();

        assertThat(thrown.operation()).isEqualTo("GET /api/v1/cainfo");
    }

    @Test
    void reportsSilentCaAsUnreachable() throws IOException {
        // The socket accepts connections into its backlog but never responds, like a hung server.
        try (var silent = new ServerSocket(0, 10, InetAddress.getLoopbackAddress())) {
            FabricCaEndpoint endpoint = withUrl(URI.create("https://127.0.0.1:" + silent.getLocalPort()))
                    .withTimeout(Duration.ofSeconds(1));

            assertThatExceptionOfType(CaUnreachableException.class)
                    .isThrownBy(() -> FabricCaClient.fetchCaInfo(endpoint))
                    .withMessageContaining("1S");
        }
    }

    private static RegistrationRequest request(int maxEnrollments) {
        return new RegistrationRequest(department, List.of(new RoleAttribute("klammer.role", "clerk")), maxEnrollments);
    }

    private static Enrollment enroll(String enrollmentId, String secret) {
        String csr = CertificateSigningRequests.create(enrollmentId, CertificateSigningRequests.newKeyPair());
        return client.enroll(enrollmentId, secret, csr, List.of());
    }

    private static FabricCaEndpoint withUrl(URI url) {
        FabricCaEndpoint real = network.caEndpoint(MSP_ID);
        return new FabricCaEndpoint(url, real.caName(), real.tlsRootCertificate(), real.timeout());
    }
}
