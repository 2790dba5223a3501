package de.klammer.portal.concept;

import de.klammer.portal.concept.RoleCatalogue.ImportedRole;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import tools.jackson.core.JacksonException;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads realm roles, client roles and their composites from a Keycloak realm export. It reads only the
 * {@code realm} name and the {@code roles} section, so users, credentials, client secrets and realm keys in the
 * export never reach the returned catalogue or an error message.
 *
 * <p>A realm role keeps its name as code after {@link RoleCodes#slug}; a client role becomes
 * {@code <client>-<role>}. Composite references to roles that Keycloak creates in every realm and exports omit
 * ({@code offline_access}, {@code uma_authorization} and the roles of its built-in clients) are skipped and
 * reported; any other unknown reference is an error.
 */
public final class KeycloakRealmImport {

    /** Clients that Keycloak creates in every realm; the realm's own {@code <realm>-realm} client is added. */
    private static final Set<String> BUILT_IN_CLIENTS =
            Set.of("account", "account-console", "admin-cli", "broker", "realm-management", "security-admin-console");

    private static final Set<String> BUILT_IN_REALM_ROLES = Set.of("offline_access", "uma_authorization");

    private static final ObjectMapper JSON = JsonMapper.builder().build();

    private KeycloakRealmImport() {}

    /**
     * Parses an export.
     *
     * @throws RoleImportException when the file is not a realm export, a role is defined twice, two names map to the
     *     same code, or a composite names an unknown role
     */
    public static RoleCatalogue parse(InputStream export) {
        JsonNode root = readTree(export);
        String realm = root.path("realm").asString("");
        if (realm.isBlank() || !root.path("roles").isObject()) {
            throw new RoleImportException(List.of("The file is not a Keycloak realm export: it has no realm name or no"
                    + " roles section"));
        }

        List<String> problems = new ArrayList<>();
        Map<String, JsonNode> definitions = new LinkedHashMap<>();
        for (JsonNode role : root.path("roles").path("realm")) {
            define(definitions, role.path("name").asString(""), role, "realm roles", problems);
        }
        for (Map.Entry<String, JsonNode> client : root.path("roles").path("client").properties()) {
            for (JsonNode role : client.getValue()) {
                define(definitions, client.getKey() + "/" + role.path("name").asString(""), role,
                        "roles of client " + client.getKey(), problems);
            }
        }

        Map<String, String> codes = codes(definitions.keySet(), problems);
        List<String> skipped = new ArrayList<>();
        List<ImportedRole> roles = new ArrayList<>();
        for (Map.Entry<String, JsonNode> entry : definitions.entrySet()) {
            List<String> components = components(entry.getKey(), entry.getValue(), codes, realm, skipped, problems);
            String description = entry.getValue().path("description").asString("");
            String name = description.isBlank() || description.startsWith("${") ? entry.getKey() : description;
            roles.add(new ImportedRole(codes.get(entry.getKey()), name, entry.getKey(), components, Set.of()));
        }

        if (!problems.isEmpty()) {
            throw new RoleImportException(problems);
        }
        return new RoleCatalogue("keycloak:" + realm, roles, skipped);
    }

    private static JsonNode readTree(InputStream export) {
        try {
            return JSON.readTree(export);
        } catch (JacksonException e) {
            // Only the position goes into the message, never the content around it.
            TokenStreamLocation location = e.getLocation();
            String position = location == null
                    ? ""
                    : " at line " + location.getLineNr() + ", column " + location.getColumnNr();
            throw new RoleImportException(List.of("The file is not valid JSON" + position));
        }
    }

    private static void define(
            Map<String, JsonNode> definitions, String key, JsonNode role, String section, List<String> problems) {
        if (key.isBlank() || key.endsWith("/")) {
            problems.add("A role in the " + section + " has no name");
        } else if (definitions.putIfAbsent(key, role) != null) {
            problems.add("Duplicate role " + key + " in the " + section);
        }
    }

    private static Map<String, String> codes(Set<String> keys, List<String> problems) {
        Map<String, String> codes = new LinkedHashMap<>();
        Map<String, String> keyByCode = new HashMap<>();
        for (String key : keys) {
            String code = RoleCodes.slug(key.replace('/', '-'));
            String other = keyByCode.putIfAbsent(code, key);
            if (other != null) {
                problems.add("Roles " + other + " and " + key + " both become role code " + code
                        + "; rename one of them in Keycloak");
            }
            codes.put(key, code);
        }
        return codes;
    }

    private static List<String> components(String key, JsonNode role, Map<String, String> codes, String realm,
            List<String> skipped, List<String> problems) {
        List<String> components = new ArrayList<>();
        JsonNode composites = role.path("composites");
        for (JsonNode name : composites.path("realm")) {
            String reference = name.asString("");
            resolve(key, reference, BUILT_IN_REALM_ROLES.contains(reference), codes, components, skipped, problems);
        }
        for (Map.Entry<String, JsonNode> client : composites.path("client").properties()) {
            boolean builtIn = BUILT_IN_CLIENTS.contains(client.getKey()) || client.getKey().equals(realm + "-realm");
            for (JsonNode name : client.getValue()) {
                String reference = client.getKey() + "/" + name.asString("");
                resolve(key, reference, builtIn, codes, components, skipped, problems);
            }
        }
        return components;
    }

    private static void resolve(String key, String reference, boolean builtIn, Map<String, String> codes,
            List<String> components, List<String> skipped, List<String> problems) {
        String code = codes.get(reference);
        if (code != null) {
            components.add(code);
        } else if (builtIn) {
            skipped.add("Role " + key + ": skipped the Keycloak built-in role " + reference
                    + ", which the export does not define");
        } else {
            problems.add("Role " + key + " is composed of the unknown role " + reference);
        }
    }
}
