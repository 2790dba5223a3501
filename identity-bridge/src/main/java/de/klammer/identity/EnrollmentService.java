package de.klammer.identity;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Enrolls people as pseudonymous ledger identities at their organization's Fabric CA and keeps their personal data
 * out of the certificates: the {@link PersonalDataGuard} checks the request before the CA issues anything and the
 * certificate afterwards. When a step fails, the service undoes the earlier steps, so no registration or usable
 * certificate is left behind.
 *
 * <p>NOTE: A certificate that fails the check after issuance is revoked, but fabric-ca keeps every issued
 * certificate in its database and has no API to delete one. The checks before issuance cover everything the
 * client sends, which leaves only values the CA adds itself.
 */
public final class EnrollmentService {

    private static final Logger log = LoggerFactory.getLogger(EnrollmentService.class);

    /** Fresh random IDs to try when one happens to contain a known value of the person. */
    private static final int ID_ATTEMPTS = 10;

    private final FabricCaClient client;
    private final PersonalDataGuard guard;

    public EnrollmentService(FabricCaClient client, PersonalDataGuard guard) {
        this.client = Objects.requireNonNull(client, "client must not be null");
        this.guard = Objects.requireNonNull(guard, "guard must not be null");
    }

    public EnrollmentService(FabricCaClient client) {
        this(client, new PersonalDataGuard());
    }

    /**
     * Registers a person under a new pseudonymous ID, the first step of enrollment with the person's own CSR, whose
     * common name must be that ID.
     *
     * @throws PersonalDataFoundException when an attribute or the affiliation contains personal data; nothing is
     *     registered then
     */
    public Registration register(RegistrationRequest request, PersonRecord person) {
        var findings = new ArrayList<>(guard.inspectAttributes(request.attributes(), person));
        findings.addAll(guard.inspect("affiliation", request.affiliation(), person));
        if (!findings.isEmpty()) {
            throw new PersonalDataFoundException(null, "registration request", findings);
        }
        return client.register(pseudonymousIdFor(person), request);
    }

    /**
     * Enrolls a registered identity with the person's CSR, the second step after {@link #register}.
     *
     * @throws InvalidCsrException or PersonalDataFoundException before contacting the CA; the registration stays
     *     usable for a corrected CSR
     * @throws PersonalDataFoundException after issuance, when the certificate contains personal data; the
     *     certificate is then revoked
     */
    public Enrollment enrollWithCsr(Registration registration, String csrPem, PersonRecord person) {
        String enrollmentId = registration.enrollmentId();
        CertificateSigningRequests.validate(csrPem, enrollmentId);
        List<PersonalDataFinding> findings = guard.inspectRequest(enrollmentId, csrPem, List.of(), person);
        if (!findings.isEmpty()) {
            throw new PersonalDataFoundException(enrollmentId, "certificate signing request", findings);
        }
        Enrollment enrollment = client.enroll(enrollmentId, registration.secret(), csrPem, List.of());
        rejectIssuedCertificateWithPersonalData(enrollment, person);
        return enrollment;
    }

    /**
     * Registers a person under a new pseudonymous ID and enrolls a key pair generated here, in one step. If any step
     * after the registration fails, the identity is deleted at the CA, or revoked where the CA does not allow
     * removal.
     *
     * @param password protects the returned PKCS#12 key store; at least 12 characters
     */
    public KeyStoreEnrollment enrollWithGeneratedKey(
            RegistrationRequest request, PersonRecord person, char[] password) {
        Registration registration = register(request, person);
        try {
            KeyStoreEnrollment enrollment = client.enrollWithGeneratedKey(
                    registration.enrollmentId(), registration.secret(), List.of(), password);
            rejectIssuedCertificateWithPersonalData(new Enrollment(enrollment.certificate(), List.of()), person);
            return enrollment;
        } catch (RuntimeException e) {
            withdraw(registration.enrollmentId(), e);
            throw e;
        }
    }

    /** Draws random IDs until one contains none of the person's known values; a clash is rare but possible. */
    private String pseudonymousIdFor(PersonRecord person) {
        for (int attempt = 0; attempt < ID_ATTEMPTS; attempt++) {
            String candidate = EnrollmentIds.random();
            if (guard.inspect("enrollment ID", candidate, person).isEmpty()) {
                return candidate;
            }
        }
        throw new IllegalStateException("Every one of " + ID_ATTEMPTS + " random enrollment IDs contained a known"
                + " value of the person, which points to a very short known value. Check the person record.");
    }

    private void rejectIssuedCertificateWithPersonalData(Enrollment enrollment, PersonRecord person) {
        List<PersonalDataFinding> findings = guard.inspectCertificate(enrollment.certificate(), person);
        if (findings.isEmpty()) {
            return;
        }
        String enrollmentId = enrollment.enrollmentId();
        log.atWarn()
                .addKeyValue("ca", client.caName())
                .addKeyValue(
                        "serial", enrollment.certificate().getSerialNumber().toString(16))
                .log(
                        "Revoking new certificate of {} because it holds personal data in {} field(s)",
                        enrollmentId,
                        findings.size());
        var failure = new PersonalDataFoundException(enrollmentId, "issued certificate", findings);
        try {
            client.revoke(enrollment.revocationTarget(), RevocationReason.CESSATION_OF_OPERATION, false);
        } catch (FabricCaException e) {
            failure.addSuppressed(e);
        }
        throw failure;
    }

    /** Removes a registration whose enrollment failed, so that its secret cannot be used later. */
    private void withdraw(String enrollmentId, RuntimeException failure) {
        try {
            client.identities().delete(enrollmentId);
        } catch (IdentityRemovalDisabledException e) {
            try {
                client.revoke(
                        new RevocationTarget.Identity(enrollmentId), RevocationReason.CESSATION_OF_OPERATION, false);
            } catch (FabricCaException revokeFailure) {
                failure.addSuppressed(revokeFailure);
                logWithdrawFailure(enrollmentId, revokeFailure);
            }
        } catch (FabricCaException e) {
            failure.addSuppressed(e);
            logWithdrawFailure(enrollmentId, e);
        }
    }

    private void logWithdrawFailure(String enrollmentId, FabricCaException e) {
        log.atError()
                .addKeyValue("ca", client.caName())
                .setCause(e)
                .log(
                        "Could not withdraw identity {} after its enrollment failed; delete or revoke it at the CA",
                        enrollmentId);
    }
}
