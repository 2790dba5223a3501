package de.klammer.identity;

import de.klammer.identity.internal.CaAuthorization;
import de.klammer.identity.internal.CaResponse;
import de.klammer.identity.internal.CaTransport;
import java.security.KeyPair;
import java.security.cert.X509CRL;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Client of one organization's Fabric CA (REST API of fabric-ca v1.5) acting as that CA's registrar. It registers
 * client identities under random pseudonymous IDs, enrolls them with a checked CSR or a generated key, re-enrolls,
 * revokes and generates CRLs. {@link #identities()} manages registered identities and lists certificates. Each
 * method makes at most one change at the CA, except where noted, so a failure leaves nothing half done there.
 */
public final class FabricCaClient {

    private static final Logger log = LoggerFactory.getLogger(FabricCaClient.class);

    private final CaTransport transport;
    private final SigningIdentity registrar;
    private final CaAuthorization registrarToken;
    private final FabricCaIdentities identities;
    private final FabricCaAffiliations affiliations;

    public FabricCaClient(FabricCaEndpoint endpoint, SigningIdentity registrar) {
        this.transport = new CaTransport(Objects.requireNonNull(endpoint, "endpoint must not be null"));
        this.registrar = Objects.requireNonNull(registrar, "registrar must not be null");
        this.registrarToken = new CaAuthorization.Token(registrar);
        this.identities = new FabricCaIdentities(transport, registrarToken);
        this.affiliations = new FabricCaAffiliations(transport, registrarToken, registrar.enrollmentId());
    }

    /**
     * Enrolls the CA's registrar (for example the bootstrap identity) with its ID and secret and returns its signing
     * identity with a new P-256 key.
     */
    public static SigningIdentity enrollRegistrar(FabricCaEndpoint endpoint, String registrarId, String secret) {
        var transport = new CaTransport(endpoint);
        KeyPair keyPair = CertificateSigningRequests.newKeyPair();
        String csr = CertificateSigningRequests.create(registrarId, keyPair);
        CaResponse response = transport.send(
                "POST",
                "enroll",
                Map.of(),
                enrollBody(transport, csr, List.of()),
                new CaAuthorization.Secret(registrarId, secret));
        if (!response.success()) {
            if (FabricCaErrors.hasCode(response, FabricCaErrors.PASSWORD_ATTEMPTS)) {
                throw lockedOut(endpoint.caName(), registrarId, response);
            }
            throw FabricCaErrors.generic(endpoint.caName(), registrarId, "enroll registrar", response);
        }
        Enrollment enrollment = FabricCaResponses.enrollment(response.result());
        log.atInfo().addKeyValue("ca", endpoint.caName()).log("Enrolled registrar {}", registrarId);
        return new SigningIdentity(enrollment.certificate(), keyPair.getPrivate());
    }

    public String caName() {
        return transport.endpoint().caName();
    }

    public SigningIdentity registrar() {
        return registrar;
    }

    /** Returns the identity and certificate management of this CA, acting as the same registrar. */
    public FabricCaIdentities identities() {
        return identities;
    }

    /** Returns the affiliation management of this CA, acting as the same registrar. */
    public FabricCaAffiliations affiliations() {
        return affiliations;
    }

    /**
     * Adds the affiliation and its missing parents unless the CA has it already ({@link FabricCaAffiliations#ensure}).
     *
     * @return whether the affiliation was added
     * @throws AffiliationManagementDeniedException when the registrar lacks {@code hf.AffiliationMgr} or the
     *     affiliation lies outside the registrar's own
     */
    public boolean ensureAffiliation(String name) {
        return affiliations.ensure(name);
    }

    /** Returns the CA's name, certificate chain and version ({@code GET cainfo}, no authentication). */
    public CaInfo caInfo() {
        return caInfo(transport);
    }

    /** Fetches {@code GET cainfo} without a registrar, for example to check a CA before enrolling its registrar. */
    public static CaInfo fetchCaInfo(FabricCaEndpoint endpoint) {
        return caInfo(new CaTransport(endpoint));
    }

    private static CaInfo caInfo(CaTransport transport) {
        CaResponse response = transport.send("GET", "cainfo", Map.of(), null, new CaAuthorization.None());
        if (!response.success()) {
            throw FabricCaErrors.generic(transport.endpoint().caName(), null, "cainfo", response);
        }
        return FabricCaResponses.caInfo(response.result());
    }

    /**
     * Registers a client identity under a new random enrollment ID ({@link EnrollmentIds#random()}) with a random
     * secret. The role attributes go into every enrollment certificate.
     *
     * @throws AffiliationNotFoundException when the CA has no such affiliation
     */
    public Registration register(RegistrationRequest request) {
        return register(EnrollmentIds.random(), request);
    }

    /**
     * Registers under a given pseudonymous ID, for callers that drew and checked the ID themselves.
     *
     * @throws IllegalArgumentException when the ID is not of the form {@link EnrollmentIds#random()} creates
     * @throws AffiliationNotFoundException when the CA has no such affiliation
     */
    public Registration register(String enrollmentId, RegistrationRequest request) {
        if (!EnrollmentIds.isPseudonymous(enrollmentId)) {
            throw new IllegalArgumentException("Enrollment ID " + enrollmentId
                    + " is not of the form EnrollmentIds.random() creates. Register only pseudonymous IDs.");
        }
        String secret = EnrollmentSecrets.random();
        ObjectNode body = transport
                .json()
                .createObjectNode()
                .put("id", enrollmentId)
                .put("type", "client")
                .put("secret", secret)
                .put("max_enrollments", request.maxEnrollments())
                .put("affiliation", request.affiliation())
                .put("caname", caName());
        ArrayNode attributes = body.putArray("attrs");
        for (RoleAttribute attribute : request.attributes()) {
            attributes
                    .addObject()
                    .put("name", attribute.name())
                    .put("value", attribute.value())
                    .put("ecert", true);
        }
        CaResponse response = transport.send("POST", "register", Map.of(), body, registrarToken);
        if (!response.success()) {
            if (FabricCaErrors.hasCode(response, FabricCaErrors.AUTHORIZATION_FAILURE)
                    && affiliationMissing(request.affiliation())) {
                throw new AffiliationNotFoundException(
                        caName(),
                        enrollmentId,
                        "register",
                        response.httpStatus(),
                        response.firstError().code(),
                        response.firstError().message(),
                        request.affiliation());
            }
            throw FabricCaErrors.generic(caName(), enrollmentId, "register", response);
        }
        log.atInfo()
                .addKeyValue("ca", caName())
                .addKeyValue("affiliation", request.affiliation())
                .log("Registered identity {} with max_enrollments {}", enrollmentId, request.maxEnrollments());
        return new Registration(enrollmentId, secret);
    }

    /**
     * Enrolls with a CSR, which is checked first ({@link CertificateSigningRequests#validate}).
     *
     * @param attributes attributes to put into the certificate; empty means every attribute registered with ecert
     * @throws InvalidCsrException before contacting the CA when the CSR fails a check
     * @throws InvalidEnrollmentSecretException, IdentityLockedOutException, EnrollmentLimitReachedException,
     *     AttributeNotRegisteredException, IdentityNotFoundException for the failures they name
     */
    public Enrollment enroll(String enrollmentId, String secret, String csrPem, List<AttributeRequest> attributes) {
        CertificateSigningRequests.validate(csrPem, enrollmentId);
        CaResponse response = transport.send(
                "POST",
                "enroll",
                Map.of(),
                enrollBody(transport, csrPem, attributes),
                new CaAuthorization.Secret(enrollmentId, secret));
        if (!response.success()) {
            throw enrollmentFailure(enrollmentId, response, attributes);
        }
        Enrollment enrollment = FabricCaResponses.enrollment(response.result());
        log.atInfo()
                .addKeyValue("ca", caName())
                .addKeyValue(
                        "serial", enrollment.certificate().getSerialNumber().toString(16))
                .log("Enrolled identity {}", enrollmentId);
        return enrollment;
    }

    /**
     * Generates a P-256 key pair, enrolls it, and returns key, certificate and CA chain as a PKCS#12 key store
     * protected by the password. If the key store cannot be built, the client revokes the new certificate before it
     * throws, because its key would be lost.
     *
     * @param password at least 12 characters; the array is not cleared
     */
    public KeyStoreEnrollment enrollWithGeneratedKey(
            String enrollmentId, String secret, List<AttributeRequest> attributes, char[] password) {
        if (password.length < Pkcs12KeyStores.MIN_PASSWORD_LENGTH) {
            throw new IllegalArgumentException("The PKCS#12 password must have at least "
                    + Pkcs12KeyStores.MIN_PASSWORD_LENGTH + " characters, but has " + password.length);
        }
        KeyPair keyPair = CertificateSigningRequests.newKeyPair();
        Enrollment enrollment =
                enroll(enrollmentId, secret, CertificateSigningRequests.create(enrollmentId, keyPair), attributes);
        try {
            byte[] pkcs12 = Pkcs12KeyStores.create(enrollmentId, keyPair.getPrivate(), enrollment, password);
            return new KeyStoreEnrollment(enrollment.certificate(), enrollmentId, pkcs12);
        } catch (RuntimeException e) {
            revokeAfterFailure(enrollment, e);
            throw e;
        }
    }

    /**
     * Issues a new certificate for an enrolled identity, authenticated by its current certificate and key. The CSR
     * may use the same or a new key. The certificate carries the identity's attributes as registered now.
     */
    public Enrollment reenroll(SigningIdentity current, String csrPem) {
        String enrollmentId = current.enrollmentId();
        CertificateSigningRequests.validate(csrPem, enrollmentId);
        CaResponse response = transport.send(
                "POST",
                "reenroll",
                Map.of(),
                enrollBody(transport, csrPem, List.of()),
                new CaAuthorization.Token(current));
        if (!response.success()) {
            throw FabricCaErrors.generic(caName(), enrollmentId, "reenroll", response);
        }
        Enrollment enrollment = FabricCaResponses.enrollment(response.result());
        log.atInfo()
                .addKeyValue("ca", caName())
                .addKeyValue(
                        "serial", enrollment.certificate().getSerialNumber().toString(16))
                .log("Re-enrolled identity {}", enrollmentId);
        return enrollment;
    }

    /**
     * Revokes an identity or one certificate at the CA and, when asked, returns the CA's new CRL. The CRL still has
     * to reach the channel's MSP definition before peers and orderers reject the certificate.
     */
    public Revocation revoke(RevocationTarget target, RevocationReason reason, boolean generateCrl) {
        ObjectNode body = transport.json().createObjectNode();
        String subject;
        switch (target) {
            case RevocationTarget.Identity identity -> {
                body.put("id", identity.enrollmentId());
                subject = identity.enrollmentId();
            }
            case RevocationTarget.Certificate certificate -> {
                body.put("serial", certificate.serial().toString(16)).put("aki", certificate.authorityKeyIdentifier());
                subject = "certificate " + certificate.serial().toString(16);
            }
        }
        body.put("reason", reason.caName()).put("gencrl", generateCrl).put("caname", caName());
        CaResponse response = transport.send("POST", "revoke", Map.of(), body, registrarToken);
        if (!response.success()) {
            String id = target instanceof RevocationTarget.Identity identity ? identity.enrollmentId() : null;
            throw FabricCaErrors.generic(caName(), id, "revoke " + subject, response);
        }
        var revocation = new Revocation(
                FabricCaResponses.revokedCertificates(response.result()), FabricCaResponses.crl(response.result()));
        log.atInfo()
                .addKeyValue("ca", caName())
                .addKeyValue("reason", reason.caName())
                .log("Revoked {} certificate(s) of {}", revocation.revoked().size(), subject);
        return revocation;
    }

    /** Generates a CRL of every certificate this CA has revoked ({@code POST gencrl}). */
    public X509CRL generateCrl() {
        ObjectNode body = transport.json().createObjectNode().put("caname", caName());
        CaResponse response = transport.send("POST", "gencrl", Map.of(), body, registrarToken);
        if (!response.success()) {
            throw FabricCaErrors.generic(caName(), null, "gencrl", response);
        }
        X509CRL crl = FabricCaResponses.crl(response.result());
        if (crl == null) {
            throw new CaRequestFailedException(
                    caName(), null, "gencrl", response.httpStatus(), 0, "successful response without a CRL");
        }
        return crl;
    }

    private static ObjectNode enrollBody(CaTransport transport, String csrPem, List<AttributeRequest> attributes) {
        ObjectNode body = transport
                .json()
                .createObjectNode()
                .put("certificate_request", csrPem)
                .put("caname", transport.endpoint().caName());
        if (!attributes.isEmpty()) {
            ArrayNode requests = body.putArray("attr_reqs");
            for (AttributeRequest attribute : attributes) {
                requests.addObject().put("name", attribute.name()).put("optional", attribute.optional());
            }
        }
        return body;
    }

    private FabricCaException enrollmentFailure(
            String enrollmentId, CaResponse response, List<AttributeRequest> attributes) {
        if (FabricCaErrors.hasCode(response, FabricCaErrors.PASSWORD_ATTEMPTS)) {
            return lockedOut(caName(), enrollmentId, response);
        }
        List<String> missing = FabricCaErrors.missingAttributes(response);
        if (missing != null) {
            return new AttributeNotRegisteredException(
                    caName(),
                    enrollmentId,
                    "enroll",
                    response.httpStatus(),
                    response.firstError().code(),
                    response.firstError().message(),
                    missing);
        }
        if (FabricCaErrors.hasCode(response, FabricCaErrors.AUTHENTICATION_FAILURE)) {
            return diagnoseAuthenticationFailure(enrollmentId, response);
        }
        return FabricCaErrors.generic(caName(), enrollmentId, "enroll", response);
    }

    /**
     * Distinguishes the causes that the CA reports alike as error 20 "Authentication failure": an unknown identity, an
     * exhausted {@code max_enrollments}, or a wrong secret. The registrar looks up the identity and counts its
     * certificates.
     */
    private FabricCaException diagnoseAuthenticationFailure(String enrollmentId, CaResponse response) {
        int status = response.httpStatus();
        int code = response.firstError().code();
        String message = response.firstError().message();
        try {
            IdentityInfo identity = identities.get(enrollmentId);
            if (identity.maxEnrollments() > 0) {
                // NOTE: re-enrollments also issue certificates, so after re-enrollments a wrong secret can be
                // reported as an exhausted limit. An identity revoked by ID also fails with error 20 and is
                // reported as one of the two, because the CA does not expose its revoked state.
                int issued = identities
                        .listCertificates(CertificateQuery.forIdentity(enrollmentId))
                        .size();
                if (issued >= identity.maxEnrollments()) {
                    return new EnrollmentLimitReachedException(
                            caName(), enrollmentId, status, code, message, identity.maxEnrollments());
                }
            }
            return new InvalidEnrollmentSecretException(caName(), enrollmentId, status, code, message);
        } catch (IdentityNotFoundException e) {
            return new IdentityNotFoundException(caName(), enrollmentId, "enroll", status, code, message);
        } catch (FabricCaException e) {
            log.atWarn()
                    .addKeyValue("ca", caName())
                    .setCause(e)
                    .log("Could not find out why enrollment of {} failed", enrollmentId);
            return FabricCaErrors.generic(caName(), enrollmentId, "enroll", response);
        }
    }

    /** Looks up an affiliation and returns true only when the CA reports that it does not exist. */
    private boolean affiliationMissing(String affiliation) {
        CaResponse lookup = transport.send(
                "GET", "affiliations/" + CaTransport.pathSegment(affiliation), Map.of(), null, registrarToken);
        return !lookup.success() && FabricCaErrors.isNotFound(lookup);
    }

    private static IdentityLockedOutException lockedOut(String caName, String enrollmentId, CaResponse response) {
        return new IdentityLockedOutException(
                caName,
                enrollmentId,
                response.httpStatus(),
                FabricCaErrors.PASSWORD_ATTEMPTS,
                response.firstError().message());
    }

    private void revokeAfterFailure(Enrollment enrollment, RuntimeException failure) {
        try {
            revoke(enrollment.revocationTarget(), RevocationReason.CESSATION_OF_OPERATION, false);
        } catch (FabricCaException e) {
            failure.addSuppressed(e);
            log.atError()
                    .addKeyValue("ca", caName())
                    .addKeyValue(
                            "serial", enrollment.certificate().getSerialNumber().toString(16))
                    .setCause(e)
                    .log(
                            "Could not revoke the certificate of {} after its key store failed; revoke it by hand",
                            enrollment.enrollmentId());
        }
    }
}
