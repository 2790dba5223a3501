package de.klammer.identity;

import de.klammer.identity.internal.CaAuthorization;
import de.klammer.identity.internal.CaResponse;
import de.klammer.identity.internal.CaTransport;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Management of the affiliations of one Fabric CA ({@code /affiliations}, fabric-ca v1.5) as the registrar of a
 * {@link FabricCaClient}. Every call needs the registrar attribute {@code hf.AffiliationMgr=true}, and the CA allows
 * only affiliations at or below the registrar's own. Removing affiliations is left out, because the network's CAs
 * disable it ({@code cfg.affiliations.allowremove: false}).
 */
public final class FabricCaAffiliations {

    private static final Logger log = LoggerFactory.getLogger(FabricCaAffiliations.class);

    /** Dot-separated components, each usable as an unencoded path segment of {@code affiliations/{name}}. */
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_@-]+(\\.[A-Za-z0-9_@-]+)*");

    /** fabric-ca's {@code ErrUpdateConfigAddAff}, sent when the affiliation to add exists. */
    private static final int AFFILIATION_EXISTS = 60;

    private final CaTransport transport;
    private final CaAuthorization registrarToken;
    private final String registrarId;

    FabricCaAffiliations(CaTransport transport, CaAuthorization registrarToken, String registrarId) {
        this.transport = transport;
        this.registrarToken = registrarToken;
        this.registrarId = registrarId;
    }

    /**
     * Checks that a name has the form this client sends: dot-separated, non-empty components of letters, digits,
     * {@code _}, {@code @} or {@code -}.
     *
     * @throws IllegalArgumentException naming the value when it has another form
     */
    public static String requireValidName(String name) {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("Invalid affiliation name '" + name + "': use dot-separated components"
                    + " of letters, digits, '_', '@' or '-', for example bamf.decision");
        }
        return name;
    }

    /**
     * Looks up an affiliation.
     *
     * @return the affiliation with its direct children, or empty when the CA has no such affiliation
     * @throws AffiliationManagementDeniedException when the registrar may not read it
     */
    public Optional<AffiliationInfo> find(String name) {
        requireValidName(name);
        CaResponse response = transport.send("GET", "affiliations/" + name, Map.of(), null, registrarToken);
        if (!response.success()) {
            if (FabricCaErrors.isNotFound(response)) {
                return Optional.empty();
            }
            throw failure("read affiliation", name, response);
        }
        JsonNode result = response.result();
        var children = new ArrayList<String>();
        for (JsonNode child : result.path("affiliations").values()) {
            children.add(child.path("name").asString(""));
        }
        return Optional.of(new AffiliationInfo(result.path("name").asString(name), children));
    }

    /**
     * Returns the full names of every affiliation at or below the registrar's own, parents before their children.
     *
     * @throws AffiliationManagementDeniedException when the registrar may not read affiliations
     */
    public List<String> list() {
        CaResponse response = transport.send("GET", "affiliations", Map.of(), null, registrarToken);
        if (!response.success()) {
            throw failure("list affiliations", "", response);
        }
        var names = new ArrayList<String>();
        collectNames(response.result(), names);
        return List.copyOf(names);
    }

    /**
     * Adds an affiliation. Without {@code force}, its parent must exist. With {@code force}, the CA also adds the
     * missing parents, as {@code fabric-ca-client affiliation add --force} does.
     *
     * @throws AffiliationExistsException when the affiliation exists already
     * @throws AffiliationNotFoundException without force, when the parent affiliation does not exist
     * @throws AffiliationManagementDeniedException when the registrar may not add it
     */
    public void add(String name, boolean force) {
        requireValidName(name);
        ObjectNode body = transport.json().createObjectNode().put("name", name).put("caname", caName());
        Map<String, String> query = force ? Map.of("force", "true") : Map.of();
        CaResponse response = transport.send("POST", "affiliations", query, body, registrarToken);
        if (!response.success()) {
            int status = response.httpStatus();
            int code = response.firstError().code();
            String message = response.firstError().message();
            if (FabricCaErrors.hasCode(response, AFFILIATION_EXISTS)) {
                throw new AffiliationExistsException(caName(), status, code, message, name);
            }
            // fabric-ca looks the parent up before it adds a child, and reports a missing parent as a failed lookup.
            if (!force && FabricCaErrors.isNotFound(response) && name.contains(".")) {
                String parent = name.substring(0, name.lastIndexOf('.'));
                throw new AffiliationNotFoundException(caName(), null, "add affiliation " + name, status, code,
                        message, parent);
            }
            throw failure("add affiliation", name, response);
        }
        log.atInfo().addKeyValue("ca", caName()).log("Added affiliation {}", name);
    }

    /**
     * Adds the affiliation and its missing parents unless it exists, so calling it again changes nothing. A
     * concurrent caller that adds the same affiliation first is not an error.
     *
     * @return whether this call added the affiliation
     * @throws AffiliationManagementDeniedException when the registrar may not read or add it
     */
    public boolean ensure(String name) {
        if (find(name).isPresent()) {
            return false;
        }
        try {
            add(name, true);
            return true;
        } catch (AffiliationExistsException e) {
            log.atDebug().addKeyValue("ca", caName()).log("Affiliation {} was added concurrently", name);
            return false;
        }
    }

    private String caName() {
        return transport.endpoint().caName();
    }

    private CaRequestFailedException failure(String operation, String name, CaResponse response) {
        if (FabricCaErrors.hasCode(response, FabricCaErrors.AUTHORIZATION_FAILURE)) {
            return new AffiliationManagementDeniedException(
                    caName(),
                    registrarId,
                    operation,
                    response.httpStatus(),
                    response.firstError().code(),
                    response.firstError().message(),
                    name);
        }
        return FabricCaErrors.generic(caName(), null, operation + " " + name, response);
    }

    private static void collectNames(JsonNode node, List<String> names) {
        String name = node.path("name").asString("");
        if (!name.isEmpty()) {
            names.add(name);
        }
        for (JsonNode child : node.path("affiliations").values()) {
            collectNames(child, names);
        }
    }
}
