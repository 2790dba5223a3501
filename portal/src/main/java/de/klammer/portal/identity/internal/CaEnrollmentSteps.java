package de.klammer.portal.identity.internal;

import de.klammer.identity.AttributeRequest;
import de.klammer.identity.CertificateSigningRequests;
import de.klammer.identity.Enrollment;
import de.klammer.identity.EnrollmentSecrets;
import de.klammer.identity.FabricCaClient;
import de.klammer.identity.FabricCaException;
import de.klammer.identity.IdentityNotFoundException;
import de.klammer.identity.IdentityRemovalDisabledException;
import de.klammer.identity.IdentityUpdate;
import de.klammer.identity.KeyStoreEnrollment;
import de.klammer.identity.PersonRecord;
import de.klammer.identity.PersonalDataFinding;
import de.klammer.identity.PersonalDataFoundException;
import de.klammer.identity.PersonalDataGuard;
import de.klammer.identity.Registration;
import de.klammer.identity.RegistrationRequest;
import de.klammer.identity.RevocationReason;
import de.klammer.identity.RevocationTarget;
import de.klammer.identity.RoleAttribute;
import de.klammer.portal.identity.CertificateAuthorities;
import de.klammer.portal.identity.HandedOverKeyStore;
import de.klammer.portal.identity.KeySource;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The calls to an authority's Fabric CA that enrol a ledger identity, each checked for personal data before the CA
 * issues anything. The steps hold no database state; the service commits after each of them.
 */
@Component
public class CaEnrollmentSteps {

    /** Name of the certificate attribute that carries the comma-separated roles. */
    public static final String ROLES_ATTRIBUTE = "klammer.roles";

    /** Enrolments the secret allows: the first one plus renewals, each of which sets a new secret first. */
    public static final int MAX_ENROLLMENTS = 5;

    private static final Logger log = LoggerFactory.getLogger(CaEnrollmentSteps.class);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final CertificateAuthorities authorities;
    private final PersonalDataGuard guard = new PersonalDataGuard();

    public CaEnrollmentSteps(CertificateAuthorities authorities) {
        this.authorities = authorities;
    }

    /** A certificate just issued, with the key store when the portal generated the key. */
    public record Issued(X509Certificate certificate, @Nullable HandedOverKeyStore keyStore) {}

    /**
     * Registers the identity as a client with its roles as certificate attribute. With a concept role, it goes under
     * the affiliation {@code <authority affiliation>.<role code>}, which this step adds at the CA when missing, so that
     * its certificates carry the role code as an organizational unit. An identity that the CA already has, because an
     * earlier attempt registered it before failing, is kept and moved to that affiliation.
     *
     * @param conceptRole code of the concept role, or null to register under the authority's affiliation only
     * @return the registration with its secret, or null when the CA already had the identity
     * @throws PersonalDataFoundException when an attribute or the affiliation contains personal data
     */
    public @Nullable Registration register(
            String mspId, String enrollmentId, String roles, @Nullable String conceptRole, PersonRecord person) {
        FabricCaClient client = authorities.client(mspId);
        String affiliation = affiliation(mspId, conceptRole);
        List<RoleAttribute> attributes = List.of(new RoleAttribute(ROLES_ATTRIBUTE, roles));
        var findings = new ArrayList<>(guard.inspectAttributes(attributes, person));
        findings.addAll(guard.inspect("affiliation", affiliation, person));
        if (!findings.isEmpty()) {
            throw new PersonalDataFoundException(enrollmentId, "registration request", findings);
        }
        ensureRoleAffiliation(client, conceptRole, affiliation);
        if (isRegistered(client, enrollmentId)) {
            moveIfElsewhere(client, enrollmentId, affiliation);
            return null;
        }
        return client.register(enrollmentId, new RegistrationRequest(affiliation, attributes, MAX_ENROLLMENTS));
    }

    /**
     * Moves a registered identity to the affiliation of another concept role, or back to the authority's own, so that
     * its next certificate carries the new role. Certificates issued before keep the old one until they are revoked.
     *
     * @param conceptRole code of the concept role, or null for the authority's affiliation only
     * @return whether the CA registration changed
     * @throws PersonalDataFoundException when the affiliation contains personal data
     */
    public boolean moveToRole(String mspId, String enrollmentId, @Nullable String conceptRole, PersonRecord person) {
        FabricCaClient client = authorities.client(mspId);
        String affiliation = affiliation(mspId, conceptRole);
        var findings = guard.inspect("affiliation", affiliation, person);
        if (!findings.isEmpty()) {
            throw new PersonalDataFoundException(enrollmentId, "affiliation change", findings);
        }
        ensureRoleAffiliation(client, conceptRole, affiliation);
        return moveIfElsewhere(client, enrollmentId, affiliation);
    }

    /**
     * Enrols the identity with the CSR or a generated key. Without a registration at hand, it first sets a new
     * secret, which also lifts a lockout after wrong secrets.
     *
     * @throws PersonalDataFoundException when the CSR or the issued certificate contains personal data; an issued
     *     certificate is then revoked
     */
    public Issued enroll(
            String mspId,
            String enrollmentId,
            KeySource keySource,
            @Nullable String csrPem,
            @Nullable Registration registration,
            PersonRecord person) {
        FabricCaClient client = authorities.client(mspId);
        List<AttributeRequest> attributes = List.of(AttributeRequest.required(ROLES_ATTRIBUTE));
        if (keySource == KeySource.CSR) {
            requireCsrWithoutPersonalData(enrollmentId, csrPem, person);
        }
        String secret = registration != null ? registration.secret() : newSecret(client, enrollmentId);

        Issued issued;
        if (keySource == KeySource.CSR) {
            Enrollment enrollment = client.enroll(enrollmentId, secret, csrPem, attributes);
            issued = new Issued(enrollment.certificate(), null);
        } else {
            String password = newPassword();
            KeyStoreEnrollment enrollment =
                    client.enrollWithGeneratedKey(enrollmentId, secret, attributes, password.toCharArray());
            issued = new Issued(
                    enrollment.certificate(),
                    new HandedOverKeyStore(enrollmentId + ".p12", enrollment.pkcs12(), password));
        }
        rejectCertificateWithPersonalData(client, enrollmentId, issued.certificate(), person);
        return issued;
    }

    /**
     * Removes the identity from the CA, or revokes it where the CA does not allow removal.
     *
     * @return whether the CA disallowed removal, so the identity was revoked instead
     */
    public boolean removeAtCa(String mspId, String enrollmentId) {
        FabricCaClient client = authorities.client(mspId);
        if (!isRegistered(client, enrollmentId)) {
            return false;
        }
        try {
            client.identities().delete(enrollmentId);
            return false;
        } catch (IdentityRemovalDisabledException e) {
            client.revoke(new RevocationTarget.Identity(enrollmentId), RevocationReason.CESSATION_OF_OPERATION, false);
            log.atInfo()
                    .addKeyValue("ca", client.caName())
                    .log("Revoked identity {} because the CA does not allow removal", enrollmentId);
            return true;
        }
    }

    private void requireCsrWithoutPersonalData(String enrollmentId, @Nullable String csrPem, PersonRecord person) {
        if (csrPem == null) {
            throw new IllegalStateException("Identity " + enrollmentId + " has no CSR yet; upload one first");
        }
        CertificateSigningRequests.validate(csrPem, enrollmentId);
        List<PersonalDataFinding> findings = guard.inspectRequest(enrollmentId, csrPem, List.of(), person);
        if (!findings.isEmpty()) {
            throw new PersonalDataFoundException(enrollmentId, "certificate signing request", findings);
        }
    }

    private void rejectCertificateWithPersonalData(
            FabricCaClient client, String enrollmentId, X509Certificate certificate, PersonRecord person) {
        List<PersonalDataFinding> findings = guard.inspectCertificate(certificate, person);
        if (findings.isEmpty()) {
            return;
        }
        var failure = new PersonalDataFoundException(enrollmentId, "issued certificate", findings);
        try {
            client.revoke(
                    RevocationTarget.Certificate.of(certificate), RevocationReason.CESSATION_OF_OPERATION, false);
        } catch (FabricCaException e) {
            failure.addSuppressed(e);
        }
        throw failure;
    }

    private String affiliation(String mspId, @Nullable String conceptRole) {
        String authorityAffiliation = authorities.affiliation(mspId);
        return conceptRole == null ? authorityAffiliation : authorityAffiliation + "." + conceptRole;
    }

    private static void ensureRoleAffiliation(
            FabricCaClient client, @Nullable String conceptRole, String affiliation) {
        if (conceptRole != null && client.ensureAffiliation(affiliation)) {
            log.atInfo()
                    .addKeyValue("ca", client.caName())
                    .log("Added affiliation {} for concept role {}", affiliation, conceptRole);
        }
    }

    private static boolean moveIfElsewhere(FabricCaClient client, String enrollmentId, String affiliation) {
        String current = client.identities().get(enrollmentId).affiliation();
        if (current.equals(affiliation)) {
            return false;
        }
        client.identities().modify(enrollmentId, IdentityUpdate.none().withAffiliation(affiliation));
        log.atInfo()
                .addKeyValue("ca", client.caName())
                .log("Moved identity {} from affiliation {} to {}", enrollmentId, current, affiliation);
        return true;
    }

    private static boolean isRegistered(FabricCaClient client, String enrollmentId) {
        try {
            client.identities().get(enrollmentId);
            return true;
        } catch (IdentityNotFoundException e) {
            return false;
        }
    }

    private static String newSecret(FabricCaClient client, String enrollmentId) {
        String secret = EnrollmentSecrets.random();
        client.identities().modify(enrollmentId, IdentityUpdate.none().withSecret(secret));
        return secret;
    }

    /** Draws 144 random bits as 24 URL-safe characters, above the 12 characters FabricCaClient requires. */
    private static String newPassword() {
        byte[] bytes = new byte[18];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
