package de.klammer.portal.concept;

import static org.assertj.core.api.Assertions.assertThat;

import de.klammer.identity.InputMutations;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Fuzz tests of the role imports on seeded mutations: the real Keycloak realm exports from the shared cases and a CSV
 * file with quoting, components and rights. Every mutation must import or be rejected with {@link RoleImportException}.
 */
class RoleImportFuzzTests {

    private static final int ITERATIONS = 300;

    private static final String CSV = """
            role,name,components,rights
            hearing-officer,Anhörer,status-reader|note-taker,hearing-held:write
            note-taker,"Protokoll, Anhörung",,registered:read|hearing-held:read
            reviewer,"Prüfer \"\"intern\"\"",note-taker,registered:read
            """;

    @ParameterizedTest
    @ValueSource(strings = {
        "keycloak/keycloak-config-cli_exported-realm_26.5.5/master-realm.json",
        "keycloak/keycloak-config-cli_roles/71.1_import_realm_with_nested_composites.json"
    })
    void rejectsMutatedKeycloakExportsCleanly(String file) throws IOException {
        byte[] export = Files.readAllBytes(SharedCases.path(file));
        InputMutations mutations = new InputMutations(6101 + file.hashCode());

        int rejected = mutations.assertRejectsCleanly(file, export, ITERATIONS, mutations::mutate,
                input -> KeycloakRealmImport.parse(new ByteArrayInputStream(input)), RoleImportException.class);

        assertThat(rejected).isPositive();
    }

    @Test
    void rejectsMutatedCsvCleanly() {
        InputMutations mutations = new InputMutations(6102);

        int rejected = mutations.assertRejectsCleanly("role CSV", CSV.getBytes(StandardCharsets.UTF_8), ITERATIONS,
                mutations::mutate,
                input -> CsvRoleImport.parse(
                        new StringReader(new String(input, StandardCharsets.UTF_8)),
                        Set.of("status-reader"),
                        Set.of("registered", "hearing-held")),
                RoleImportException.class);

        assertThat(rejected).isPositive();
    }
}
