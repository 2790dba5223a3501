package de.klammer.identity;

import de.klammer.identity.internal.CaAuthorization;
import de.klammer.identity.internal.CaResponse;
import de.klammer.identity.internal.CaTransport;
import java.security.cert.X509Certificate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Management of the identities registered at one Fabric CA ({@code /identities}) and listing of the certificates it
 * issued ({@code /certificates}), as the registrar of a {@link FabricCaClient}.
 */
public final class FabricCaIdentities {

    private static final Logger log = LoggerFactory.getLogger(FabricCaIdentities.class);

    private final CaTransport transport;
    private final CaAuthorization registrarToken;

    FabricCaIdentities(CaTransport transport, CaAuthorization registrarToken) {
        this.transport = transport;
        this.registrarToken = registrarToken;
    }

    /**
     * Looks up a registered identity.
     *
     * @throws IdentityNotFoundException when no such identity is registered
     */
    public IdentityInfo get(String enrollmentId) {
        CaResponse response = transport.send(
                "GET", "identities/" + CaTransport.pathSegment(enrollmentId), Map.of(), null, registrarToken);
        if (!response.success()) {
            throw identityFailure(enrollmentId, "get identity", response);
        }
        return FabricCaResponses.identity(response.result());
    }

    /** Returns every identity the registrar may see. */
    public List<IdentityInfo> list() {
        CaResponse response = transport.send("GET", "identities", Map.of(), null, registrarToken);
        if (!response.success()) {
            throw FabricCaErrors.generic(caName(), null, "list identities", response);
        }
        return FabricCaResponses.identities(response.result());
    }

    /**
     * Changes a registered identity. Certificates already issued keep their contents; re-enroll to get the changes.
     *
     * @throws AffiliationNotFoundException when the new affiliation does not exist at the CA
     */
    public IdentityInfo modify(String enrollmentId, IdentityUpdate update) {
        ObjectNode body = transport.json().createObjectNode().put("caname", caName());
        if (update.affiliation() != null) {
            body.put("affiliation", update.affiliation());
        }
        if (update.maxEnrollments() != null) {
            body.put("max_enrollments", update.maxEnrollments().intValue());
        }
        if (update.secret() != null) {
            body.put("secret", update.secret());
        }
        ArrayNode attributes = body.putArray("attrs");
        for (RoleAttribute attribute : update.attributes()) {
            attributes
                    .addObject()
                    .put("name", attribute.name())
                    .put("value", attribute.value())
                    .put("ecert", true);
        }
        for (String name : update.removedAttributes()) {
            // fabric-ca removes an attribute that is sent with an empty value.
            attributes.addObject().put("name", name).put("value", "");
        }
        CaResponse response = transport.send(
                "PUT", "identities/" + CaTransport.pathSegment(enrollmentId), Map.of(), body, registrarToken);
        if (!response.success()) {
            String affiliation = FabricCaErrors.unsupportedAffiliation(response);
            if (affiliation != null) {
                throw new AffiliationNotFoundException(
                        caName(),
                        enrollmentId,
                        "modify identity",
                        response.httpStatus(),
                        response.firstError().code(),
                        response.firstError().message(),
                        affiliation);
            }
            throw identityFailure(enrollmentId, "modify identity", response);
        }
        log.atInfo().addKeyValue("ca", caName()).log("Modified identity {}: {}", enrollmentId, update);
        return get(enrollmentId);
    }

    /**
     * Deletes an identity. The CA marks its certificates revoked in its database; a CRL is still needed for the
     * network.
     *
     * @throws IdentityRemovalDisabledException when the CA does not allow removal
     */
    public IdentityInfo delete(String enrollmentId) {
        CaResponse response = transport.send(
                "DELETE", "identities/" + CaTransport.pathSegment(enrollmentId), Map.of(), null, registrarToken);
        if (!response.success()) {
            if (FabricCaErrors.isRemovalDisabled(response)) {
                throw new IdentityRemovalDisabledException(
                        caName(),
                        enrollmentId,
                        response.httpStatus(),
                        response.firstError().code(),
                        response.firstError().message());
            }
            throw identityFailure(enrollmentId, "delete identity", response);
        }
        log.atInfo().addKeyValue("ca", caName()).log("Deleted identity {}", enrollmentId);
        return FabricCaResponses.identity(response.result());
    }

    /** Lists the certificates the CA issued that match the query. */
    public List<X509Certificate> listCertificates(CertificateQuery query) {
        var parameters = new LinkedHashMap<String, String>();
        if (query.enrollmentId() != null) {
            parameters.put("id", query.enrollmentId());
        }
        if (query.serial() != null) {
            parameters.put("serial", query.serial().toString(16));
        }
        if (query.authorityKeyIdentifier() != null) {
            parameters.put("aki", query.authorityKeyIdentifier());
        }
        if (query.notRevoked()) {
            parameters.put("notrevoked", "true");
        }
        if (query.notExpired()) {
            parameters.put("notexpired", "true");
        }
        CaResponse response = transport.send("GET", "certificates", parameters, null, registrarToken);
        if (!response.success()) {
            throw FabricCaErrors.generic(caName(), query.enrollmentId(), "list certificates", response);
        }
        return FabricCaResponses.certificates(response.result());
    }

    private FabricCaException identityFailure(String enrollmentId, String operation, CaResponse response) {
        if (FabricCaErrors.isNotFound(response)) {
            return new IdentityNotFoundException(
                    caName(),
                    enrollmentId,
                    operation,
                    response.httpStatus(),
                    response.firstError().code(),
                    response.firstError().message());
        }
        return FabricCaErrors.generic(caName(), enrollmentId, operation, response);
    }

    private String caName() {
        return transport.endpoint().caName();
    }
}
