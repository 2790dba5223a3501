package de.klammer.portal.concept;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import de.klammer.portal.concept.RoleCatalogue.ImportedRole;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class KeycloakRealmImportTests {

    static final String NESTED_COMPOSITES =
            "keycloak/keycloak-config-cli_roles/71.1_import_realm_with_nested_composites.json";
    static final String MASTER_REALM = "keycloak/keycloak-config-cli_exported-realm_26.5.5/master-realm.json";

    @Test
    void importsRealmAndClientRoles() throws IOException {
        RoleCatalogue catalogue = parse(SharedCases.path(NESTED_COMPOSITES));

        assertThat(catalogue.source()).isEqualTo("keycloak:realmWithRoles71");
        assertThat(catalogue.roles())
                .extracting(ImportedRole::code)
                .containsExactlyInAnyOrder("subscription-user", "procurement-user", "vendor-user",
                        "default-roles-realmwithroles71", "fe-subscription-user", "fe-procurement-user",
                        "fe-vendor-user", "be-subscription-user", "be-procurement-user", "be-vendor-user");
        assertThat(role(catalogue, "subscription-user").components())
                .containsExactly("fe-subscription-user", "be-subscription-user");
        assertThat(role(catalogue, "default-roles-realmwithroles71").components())
                .containsExactly("subscription-user");
    }

    @Test
    void skipsKeycloakBuiltInReferences() throws IOException {
        RoleCatalogue catalogue = parse(SharedCases.path(NESTED_COMPOSITES));

        assertThat(catalogue.skippedReferences())
                .anyMatch(line -> line.contains("offline_access"))
                .anyMatch(line -> line.contains("account/manage-account"));
    }

    @Test
    void importsMasterRealmComposites() throws IOException {
        RoleCatalogue catalogue = parse(SharedCases.path(MASTER_REALM));

        assertThat(catalogue.source()).isEqualTo("keycloak:master");
        assertThat(role(catalogue, "admin").components())
                .contains("create-realm", "master-realm-manage-users", "master-realm-view-clients");
        assertThat(role(catalogue, "broker-read-token").origin()).isEqualTo("broker/read-token");
    }

    @Test
    void rejectsDuplicateRealmRole() {
        String export = """
                {"realm": "x", "roles": {"realm": [{"name": "clerk"}, {"name": "clerk"}]}}
                """;

        assertThatExceptionOfType(RoleImportException.class)
                .isThrownBy(() -> parse(export))
                .withMessageContaining("Duplicate role clerk in the realm roles");
    }

    @Test
    void rejectsNamesWithSameCode() {
        String export = """
                {"realm": "x", "roles": {"realm": [{"name": "case_clerk"}, {"name": "case-clerk"}]}}
                """;

        assertThatExceptionOfType(RoleImportException.class)
                .isThrownBy(() -> parse(export))
                .withMessageContaining("case_clerk and case-clerk both become role code case-clerk");
    }

    @Test
    void rejectsUnknownCompositeNamingRole() {
        String export = """
                {"realm": "x", "roles": {"realm": [
                  {"name": "lead", "composite": true, "composites": {"realm": ["clerk", "ghost"]}},
                  {"name": "clerk"}]}}
                """;

        assertThatExceptionOfType(RoleImportException.class)
                .isThrownBy(() -> parse(export))
                .withMessageContaining("Role lead is composed of the unknown role ghost");
    }

    @Test
    void rejectsInvalidJsonWithoutContent() {
        String export = "{\"realm\": \"x\", \"secret\": \"s3cr3t-value\" \"roles\": {}}";

        assertThatExceptionOfType(RoleImportException.class)
                .isThrownBy(() -> parse(export))
                .withMessageContaining("not valid JSON at line 1")
                .withMessageNotContaining("s3cr3t-value");
    }

    private static RoleCatalogue parse(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return KeycloakRealmImport.parse(in);
        }
    }

    private static RoleCatalogue parse(String json) {
        return KeycloakRealmImport.parse(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)));
    }

    private static ImportedRole role(RoleCatalogue catalogue, String code) {
        return catalogue.roles().stream()
                .filter(role -> role.code().equals(code))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no role " + code));
    }
}
