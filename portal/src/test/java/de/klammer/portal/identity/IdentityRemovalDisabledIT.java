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
import de.klammer.portal.audit.AuditService;
import de.klammer.portal.authority.AuthorityService;
import de.klammer.portal.authority.BoardMemberService;
import de.klammer.portal.identity.internal.CaEnrollmentSteps;
import de.klammer.portal.identity.internal.IdentityCertificateRepository;
import de.klammer.portal.identity.internal.LedgerIdentityRepository;
import de.klammer.portal.security.PortalRole;
import de.klammer.portal.security.PortalUser;
import de.klammer.portal.security.TestUsers;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * Withdrawal at a Fabric CA that disallows identity removal, as fabric-ca-server's default configuration does. A
 * standalone CA of the network's cached build replaces the BAMF CA.
 */
@LedgerIntegrationTest
class IdentityRemovalDisabledIT {

    private static final String MSP_ID = "BamfMSP";
    private static final String AFFILIATION = "org1.department1";

    @Autowired
    LedgerIdentityRepository identities;

    @Autowired
    IdentityCertificateRepository certificates;

    @Autowired
    IdentityVaultService vault;

    @Autowired
    AuditService audit;

    @Autowired
    IdentityActors actors;

    @Autowired
    LedgerIdentityReadModels readModels;

    @Autowired
    ApplicationEventPublisher events;

    @Autowired
    PlatformTransactionManager transactionManager;

    @Autowired
    AuthorityService authorityService;

    @Autowired
    BoardMemberService boardMembers;

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
        service = new LedgerIdentityService(identities, certificates, new CaEnrollmentSteps(authorities), vault, audit,
                actors, readModels, events, transactionManager);
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
        TestUsers users = new TestUsers(authorityService, boardMembers);
        PortalUser requester =
                IdentityTestSupport.user(users, "bamf", "admin-" + UUID.randomUUID(), PortalRole.AUTHORITY_ADMIN);
        PortalUser approver =
                IdentityTestSupport.user(users, "bamf", "admin-" + UUID.randomUUID(), PortalRole.AUTHORITY_ADMIN);
        TestUsers.signIn(requester);
        UUID id = service.requestForSystem(
                        Set.of(LedgerRole.REGISTRATION_CLERK), LocalDate.now().plusMonths(3), KeySource.CSR)
                .id();
        TestUsers.signIn(approver);
        LedgerIdentityDetails registered = service.approve(id).identity();
        assertThat(registered.status()).isEqualTo(LedgerIdentityStatus.REGISTERED);
        return registered;
    }
}
