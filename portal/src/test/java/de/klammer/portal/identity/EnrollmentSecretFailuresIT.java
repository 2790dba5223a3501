package de.klammer.portal.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import de.klammer.identity.CertificateSigningRequests;
import de.klammer.identity.EnrollmentSecrets;
import de.klammer.identity.FabricCaClient;
import de.klammer.identity.IdentityNotFoundException;
import de.klammer.identity.IdentityUpdate;
import de.klammer.identity.InvalidEnrollmentSecretException;
import de.klammer.identity.PersonRecord;
import de.klammer.identity.Registration;
import de.klammer.portal.LedgerIntegrationTest;
import de.klammer.portal.identity.internal.CaEnrollmentSteps;
import java.time.LocalDate;
import java.util.List;
import java.util.function.BiConsumer;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A wrong enrolment secret and the lockout after repeated wrong secrets, each hit by the portal's own enrolment at
 * the real BAMF CA. A step wrapper changes the CA's state right after registration, as a second registrar or an
 * attacker guessing secrets would, so that the portal enrols with the secret it holds.
 */
@LedgerIntegrationTest
class EnrollmentSecretFailuresIT extends CaFailureTestSupport {

    private static final String MSP_ID = "BamfMSP";

    @Autowired
    CertificateAuthorities authorities;

    @Test
    void reportsWrongSecretAndStaysResumable() {
        LedgerIdentityService service = serviceAfterRegistration(this::replaceSecret);

        LedgerIdentityDetails failed = requestEnforcementClerk(service);

        assertThat(failed.status()).isEqualTo(LedgerIdentityStatus.REGISTERED);
        assertThat(failed.failureCode()).isEqualTo(EnrollmentFailure.INVALID_SECRET);
        assertThat(failed.failureReason()).contains(failed.enrollmentId());
        LedgerIdentityDetails resumed = service.resume(failed.id()).identity();
        assertThat(resumed.status())
                .as("resume sets a new secret")
                .isEqualTo(LedgerIdentityStatus.ENROLLED);
        assertThat(resumed.failureCode()).isNull();
    }

    @Test
    void reportsWrongSecretAndStaysWithdrawable() {
        LedgerIdentityService service = serviceAfterRegistration(this::replaceSecret);
        LedgerIdentityDetails failed = requestEnforcementClerk(service);

        LedgerIdentityDetails withdrawn = service.withdraw(failed.id());

        assertThat(failed.failureCode()).isEqualTo(EnrollmentFailure.INVALID_SECRET);
        assertThat(withdrawn.status()).isEqualTo(LedgerIdentityStatus.WITHDRAWN);
        assertThatExceptionOfType(IdentityNotFoundException.class)
                .as("removed at the CA")
                .isThrownBy(() -> authorities.client(MSP_ID).identities().get(failed.enrollmentId()));
    }

    @Test
    void reportsLockoutAndStaysResumable() {
        LedgerIdentityService service = serviceAfterRegistration(this::lockOut);

        LedgerIdentityDetails failed = requestEnforcementClerk(service);

        assertThat(failed.status()).isEqualTo(LedgerIdentityStatus.REGISTERED);
        assertThat(failed.failureCode()).isEqualTo(EnrollmentFailure.LOCKED_OUT);
        assertThat(failed.failureReason()).contains(failed.enrollmentId());
        LedgerIdentityDetails resumed = service.resume(failed.id()).identity();
        assertThat(resumed.status())
                .as("a new secret lifts the lockout")
                .isEqualTo(LedgerIdentityStatus.ENROLLED);
    }

    @Test
    void reportsLockoutAndStaysWithdrawable() {
        LedgerIdentityService service = serviceAfterRegistration(this::lockOut);
        LedgerIdentityDetails failed = requestEnforcementClerk(service);

        LedgerIdentityDetails withdrawn = service.withdraw(failed.id());

        assertThat(failed.failureCode()).isEqualTo(EnrollmentFailure.LOCKED_OUT);
        assertThat(withdrawn.status()).isEqualTo(LedgerIdentityStatus.WITHDRAWN);
    }

    /** Sets another secret at the CA, so the one the portal registered with is wrong. */
    private void replaceSecret(FabricCaClient client, String enrollmentId) {
        client.identities().modify(enrollmentId, IdentityUpdate.none().withSecret(EnrollmentSecrets.random()));
    }

    /** Uses up the CA's password attempts with wrong secrets, which locks the identity. */
    private void lockOut(FabricCaClient client, String enrollmentId) {
        int attempts = Integer.parseInt(
                IdentityTestSupport.network().getProperty("ca." + MSP_ID + ".password.attempts"));
        String csr = CertificateSigningRequests.create(enrollmentId, CertificateSigningRequests.newKeyPair());
        for (int attempt = 0; attempt < attempts; attempt++) {
            assertThatExceptionOfType(InvalidEnrollmentSecretException.class)
                    .isThrownBy(() -> client.enroll(enrollmentId, "wrong-secret-0123456789", csr, List.of()));
        }
    }

    private LedgerIdentityService serviceAfterRegistration(BiConsumer<FabricCaClient, String> afterRegistration) {
        CaEnrollmentSteps steps = new CaEnrollmentSteps(authorities) {
            @Override
            public @Nullable Registration register(
                    String mspId,
                    String enrollmentId,
                    String roles,
                    @Nullable String conceptRole,
                    PersonRecord person) {
                Registration registration = super.register(mspId, enrollmentId, roles, conceptRole, person);
                afterRegistration.accept(authorities.client(mspId), enrollmentId);
                return registration;
            }
        };
        return serviceWith(steps);
    }

    private LedgerIdentityDetails requestEnforcementClerk(LedgerIdentityService service) {
        return requestAndApprove(
                service, "bamf", LedgerRole.ENFORCEMENT_CLERK, LocalDate.now().plusMonths(6), KeySource.GENERATED);
    }
}
