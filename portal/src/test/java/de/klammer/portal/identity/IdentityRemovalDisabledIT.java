package de.klammer.portal.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import de.klammer.identity.CertificateSigningRequests;
import de.klammer.identity.EnrollmentSecrets;
import de.klammer.identity.FabricCaException;
import de.klammer.identity.FabricCaClient;
import de.klammer.identity.IdentityRemovalDisabledException;
import de.klammer.identity.IdentityUpdate;
import de.klammer.identity.StandaloneFabricCa;
import de.klammer.portal.LedgerIntegrationTest;
import de.klammer.portal.identity.internal.CaEnrollmentSteps;
import de.klammer.portal.security.TestUsers;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Withdrawal at a Fabric CA that disallows identity removal, as fabric-ca-server's default configuration does. A
 * standalone CA of the network's cached build replaces the BAMF CA.
 */
@LedgerIntegrationTest
class IdentityRemovalDisabledIT extends CaFailureTestSupport {

    private static final String MSP_ID = "BamfMSP";
    private static final String AFFILIATION = "org1.department1";

    @TempDir
    Path home;

    StandaloneFabricCa ca;
    CertificateAuthorities authorities;
    LedgerIdentityService service;

    @BeforeEach
    void startCaWithoutRemoval() throws Exception {
        Path binaries = Path.of(IdentityTestSupport.network().getProperty("fabric-ca.bin"));
        ca = StandaloneFabricCa.start(binaries, home, "ca-without-removal");
        var settings = new IdentityProperties.CaProperties(
                MSP_ID,
                ca.endpoint().url().toString(),
                ca.endpoint().caName(),
                home.resolve("tls-cert.pem"),
                "admin",
                ca.registrarSecret(),
                AFFILIATION);
        authorities = new CertificateAuthorities(
                new IdentityProperties(null, List.of(settings), null, "master-1"));
        service = serviceWith(new CaEnrollmentSteps(authorities));
    }

    @AfterEach
    void stopCa() throws InterruptedException {
        TestUsers.signOut();
        ca.close();
    }

    @Test
    void withdrawalRevokesWhenRemovalDisabled() {
        LedgerIdentityDetails registered = registeredAwaitingCsr();
        FabricCaClient client = authorities.client(MSP_ID);
        assertThatExceptionOfType(IdentityRemovalDisabledException.class)
                .as("the CA disallows removal")
                .isThrownBy(() -> client.identities().delete(registered.enrollmentId()));

        LedgerIdentityDetails withdrawn = service.withdraw(registered.id());

        assertThat(withdrawn.status()).isEqualTo(LedgerIdentityStatus.WITHDRAWN);
        assertThat(withdrawn.failureCode()).isEqualTo(EnrollmentFailure.REMOVAL_DISABLED);
        assertThat(withdrawn.failureReason())
                .contains(registered.enrollmentId())
                .contains("cfg.identities.allowremove")
                .contains("revoked");
        assertThat(client.identities().get(registered.enrollmentId()).enrollmentId())
                .as("still registered at the CA")
                .isEqualTo(registered.enrollmentId());
        String secret = EnrollmentSecrets.random();
        client.identities().modify(registered.enrollmentId(), IdentityUpdate.none().withSecret(secret));
        String csr = CertificateSigningRequests.create(
                registered.enrollmentId(), CertificateSigningRequests.newKeyPair());
        // The CA rejects a revoked identity with the same "Authentication failure" as a wrong secret.
        assertThatExceptionOfType(FabricCaException.class)
                .as("the revoked identity can no longer enrol, even with a new secret")
                .isThrownBy(() -> client.enroll(registered.enrollmentId(), secret, csr, List.of()));
    }

    @Test
    void staysResumableBeforeWithdrawal() {
        LedgerIdentityDetails registered = registeredAwaitingCsr();

        LedgerIdentityDetails resumed = service.resume(registered.id()).identity();

        assertThat(resumed.status()).isEqualTo(LedgerIdentityStatus.REGISTERED);
        assertThat(resumed.awaitsCsr()).isTrue();
        assertThat(resumed.failureCode()).isNull();
    }

    /** Requests and approves a system identity with a CSR to come, so it stays registered at the CA. */
    private LedgerIdentityDetails registeredAwaitingCsr() {
        LedgerIdentityDetails registered = requestAndApprove(
                service, "bamf", LedgerRole.REGISTRATION_CLERK, LocalDate.now().plusMonths(3), KeySource.CSR);
        assertThat(registered.status()).isEqualTo(LedgerIdentityStatus.REGISTERED);
        return registered;
    }
}
