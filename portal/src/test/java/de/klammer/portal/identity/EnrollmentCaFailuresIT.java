package de.klammer.portal.identity;

import static org.assertj.core.api.Assertions.assertThat;

import de.klammer.portal.LedgerIntegrationTest;
import de.klammer.portal.identity.internal.CaEnrollmentSteps;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Enrolment against a BAMF CA that is down (a closed port) and the real LDS CA configured with an affiliation it
 * lacks, as the fabric-samples addOrg3 CA configuration did before its fix. The service under test is built with
 * these CA settings on the shared test context's beans, so no second Spring context starts.
 */
@LedgerIntegrationTest
class EnrollmentCaFailuresIT extends CaFailureTestSupport {

    private static final String MISSING_AFFILIATION = "org3.department1";

    LedgerIdentityService service;

    @BeforeEach
    void createServiceWithFaultyCas() throws IOException {
        CaEnrollmentSteps steps = new CaEnrollmentSteps(new CertificateAuthorities(faultyAuthorities()));
        service = serviceWith(steps);
    }

    @Test
    void reportsUnreachableCaAndStaysResumable() {
        UUID id = requestAndApprove("bamf");

        LedgerIdentityDetails failed = service.details(id);

        assertThat(failed.status()).isEqualTo(LedgerIdentityStatus.APPROVED);
        assertThat(failed.failureCode()).isEqualTo(EnrollmentFailure.CA_UNREACHABLE);
        assertThat(failed.failureReason()).contains("127.0.0.1");
        LedgerIdentityDetails again = service.resume(id).identity();
        assertThat(again.status()).isEqualTo(LedgerIdentityStatus.APPROVED);
        assertThat(again.failureCode()).isEqualTo(EnrollmentFailure.CA_UNREACHABLE);
        LedgerIdentityDetails notWithdrawn = service.withdraw(id);
        assertThat(notWithdrawn.status())
                .as("withdrawal waits for the CA, so no registration is left behind")
                .isEqualTo(LedgerIdentityStatus.APPROVED);
    }

    @Test
    void reportsMissingAffiliationAndStaysResumable() {
        UUID id = requestAndApprove("lds");

        LedgerIdentityDetails failed = service.details(id);

        assertThat(failed.status()).isEqualTo(LedgerIdentityStatus.APPROVED);
        assertThat(failed.failureCode()).isEqualTo(EnrollmentFailure.AFFILIATION_NOT_FOUND);
        assertThat(failed.failureReason()).contains(MISSING_AFFILIATION);
        assertThat(service.resume(id).identity().failureCode()).isEqualTo(EnrollmentFailure.AFFILIATION_NOT_FOUND);
        assertThat(service.withdraw(id).status()).isEqualTo(LedgerIdentityStatus.WITHDRAWN);
    }

    private static IdentityProperties faultyAuthorities() throws IOException {
        Properties network = IdentityTestSupport.network();
        int closedPort;
        try (var socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }
        var bamf = new IdentityProperties.CaProperties(
                "BamfMSP",
                "https://127.0.0.1:" + closedPort,
                network.getProperty("ca.BamfMSP.name"),
                Path.of(network.getProperty("ca.BamfMSP.tls.ca")),
                network.getProperty("ca.BamfMSP.registrar.id"),
                network.getProperty("ca.BamfMSP.registrar.secret"),
                network.getProperty("ca.BamfMSP.affiliation"));
        var lds = new IdentityProperties.CaProperties(
                "LdsMSP",
                network.getProperty("ca.LdsMSP.url"),
                network.getProperty("ca.LdsMSP.name"),
                Path.of(network.getProperty("ca.LdsMSP.tls.ca")),
                network.getProperty("ca.LdsMSP.registrar.id"),
                network.getProperty("ca.LdsMSP.registrar.secret"),
                MISSING_AFFILIATION);
        return new IdentityProperties(null, List.of(bamf, lds), null, "master-1");
    }

    private UUID requestAndApprove(String authorityCode) {
        return requestAndApprove(
                        service,
                        authorityCode,
                        LedgerRole.ENFORCEMENT_CLERK,
                        LocalDate.now().plusMonths(6),
                        KeySource.GENERATED)
                .id();
    }
}
