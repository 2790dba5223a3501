package de.klammer.portal.identity.erasure;

import de.klammer.identity.CertificateQuery;
import de.klammer.identity.EnrollmentSecrets;
import de.klammer.identity.FabricCaClient;
import de.klammer.identity.KeyStoreEnrollment;
import de.klammer.identity.PersonRecord;
import de.klammer.identity.PersonalDataFinding;
import de.klammer.identity.PersonalDataFoundException;
import de.klammer.identity.PersonalDataGuard;
import de.klammer.identity.RevocationReason;
import de.klammer.identity.RevocationTarget;
import de.klammer.portal.identity.CertificateAuthorities;
import de.klammer.portal.identity.CertificateReissued;
import de.klammer.portal.identity.CertificateRevoked;
import de.klammer.portal.identity.IdentityRevoked;
import de.klammer.portal.identity.IdentityVaultService;
import de.klammer.portal.identity.erasure.internal.DataSubjectRequest;
import de.klammer.portal.security.PortalUser;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/** The steps of a data subject request at the authority's Fabric CA: correct the identity, then revoke. */
@Component
class CaRevocationSteps {

    private static final Logger log = LoggerFactory.getLogger(CaRevocationSteps.class);

    private final CertificateAuthorities certificateAuthorities;
    private final IdentityVaultService vault;
    private final ApplicationEventPublisher events;
    private final RequestSteps steps;

    CaRevocationSteps(
            CertificateAuthorities certificateAuthorities,
            IdentityVaultService vault,
            ApplicationEventPublisher events,
            RequestSteps steps) {
        this.certificateAuthorities = certificateAuthorities;
        this.vault = vault;
        this.events = events;
        this.steps = steps;
    }

    /** Modifies the CA identity, then enrols a certificate that carries the corrected attributes. */
    IssuedCertificate correctIdentity(DataSubjectRequest request, PortalUser user) {
        String stored = request.correctedAttributes();
        if (stored == null) {
            throw new IllegalStateException("Correction request " + request.reference() + " has no attribute changes");
        }
        rejectPersonalData(request, stored);
        FabricCaClient client = certificateAuthorities.client(request.mspId());
        String secret = EnrollmentSecrets.random();
        client.identities().modify(request.enrollmentId(), CorrectedAttributes.toUpdate(stored).withSecret(secret));
        String password = EnrollmentSecrets.random();
        KeyStoreEnrollment enrollment =
                client.enrollWithGeneratedKey(request.enrollmentId(), secret, List.of(), password.toCharArray());
        String serial = enrollment.certificate().getSerialNumber().toString(16);
        var reissued = new CertificateReissued(request.mspId(), request.enrollmentId(), enrollment.certificate(),
                "correction request " + request.reference());
        steps.commit(request.id(), user, ExecutionStep.IDENTITY_CORRECTED, "attributes corrected at the CA; new"
                + " certificate " + serial, locked -> {
                    locked.recordNewSerial(serial);
                    events.publishEvent(reissued);
                });
        return new IssuedCertificate(serial, enrollment.pkcs12(), password);
    }

    /** Checks the corrected attributes against the person's vault record, when there is one. */
    private void rejectPersonalData(DataSubjectRequest request, String stored) {
        if (!vault.contains(request.enrollmentId())) {
            return;
        }
        PersonRecord person = vault.resolve(request.enrollmentId(),
                "check the corrected attributes of request " + request.reference() + " for personal data");
        List<PersonalDataFinding> findings =
                new PersonalDataGuard().inspectAttributes(CorrectedAttributes.attributes(stored), person);
        if (!findings.isEmpty()) {
            throw new PersonalDataFoundException(request.enrollmentId(), "correction", findings);
        }
    }

    /**
     * Revokes at the CA. An erasure revokes the whole identity, which also blocks further enrolment. A correction
     * revokes every certificate but the new one, with reason superseded. Certificates revoked in an interrupted run
     * are not revoked again.
     */
    void revokeAtCa(DataSubjectRequest request, PortalUser user) {
        FabricCaClient client = certificateAuthorities.client(request.mspId());
        String newSerial = request.newSerial();
        List<X509Certificate> old = client.identities().listCertificates(
                CertificateQuery.forIdentity(request.enrollmentId())).stream()
                .filter(certificate -> !certificate.getSerialNumber().toString(16).equals(newSerial))
                .toList();
        Set<String> active = new TreeSet<>();
        client.identities()
                .listCertificates(CertificateQuery.forIdentity(request.enrollmentId()).onlyNotRevoked())
                .forEach(certificate -> active.add(certificate.getSerialNumber().toString(16)));
        if (newSerial != null) {
            active.remove(newSerial);
        }

        List<Object> revokedEvents = new ArrayList<>();
        if (request.kind() == RequestKind.ERASURE) {
            String reason = "erasure request " + request.reference();
            if (!active.isEmpty()) {
                client.revoke(new RevocationTarget.Identity(request.enrollmentId()),
                        RevocationReason.PRIVILEGE_WITHDRAWN, false);
            }
            revokedEvents.add(new IdentityRevoked(request.mspId(), request.enrollmentId(), reason));
        } else {
            for (X509Certificate certificate : old) {
                String serial = certificate.getSerialNumber().toString(16);
                if (active.contains(serial)) {
                    client.revoke(RevocationTarget.Certificate.of(certificate), RevocationReason.SUPERSEDED, false);
                }
                revokedEvents.add(new CertificateRevoked(request.mspId(), serial,
                        "superseded by correction request " + request.reference()));
            }
        }
        List<String> serials = old.stream().map(c -> c.getSerialNumber().toString(16)).toList();
        List<String> fingerprints = old.stream().map(CertificateEncodings::sha256).toList();
        steps.commit(request.id(), user, ExecutionStep.REVOKED_AT_CA, "revoked at CA: certificates " + serials,
                locked -> {
                    locked.recordRevoked(serials, fingerprints);
                    revokedEvents.forEach(events::publishEvent);
                });
        log.atInfo()
                .addKeyValue("request", request.reference())
                .addKeyValue("msp", request.mspId())
                .log("Revoked {} certificate(s) of identity {} at the CA", serials.size(), request.enrollmentId());
    }
}
