package de.klammer.portal.concept;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import de.klammer.portal.IntegrationTest;
import de.klammer.portal.authority.AuthorityService;
import de.klammer.portal.authority.BoardMemberService;
import de.klammer.portal.security.TestUsers;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

@IntegrationTest
@ExtendWith(OutputCaptureExtension.class)
class ConceptImportTests {

    /** Field names under which Keycloak exports keep secrets and keys. */
    private static final Set<String> SECRET_FIELDS =
            Set.of("secret", "privateKey", "certificate", "value", "hashedSaltedValue", "salt", "credentialData");

    @Autowired
    ConceptImportService imports;

    @Autowired
    ConceptService concept;

    @Autowired
    AuthorityService authorities;

    @Autowired
    BoardMemberService boardMembers;

    @Autowired
    JdbcClient jdbc;

    @BeforeEach
    void signInBoardMember() {
        TestUsers.signIn(new TestUsers(authorities, boardMembers).boardMember("bamf"));
    }

    @AfterEach
    void signOut() {
        TestUsers.signOut();
    }

    @Test
    void storesNoSecretsFromExport(CapturedOutput output) throws IOException {
        Path export = SharedCases.path(KeycloakRealmImportTests.MASTER_REALM);
        List<String> secrets = secretValues(export);

        ImportResult result;
        try (InputStream in = Files.newInputStream(export)) {
            result = imports.importKeycloak(in, null, "bamf");
        }

        assertThat(secrets).as("secret values in the export").hasSizeGreaterThan(3);
        assertThat(result.importedRoles()).contains("admin", "create-realm", "master-realm-manage-users");
        assertThat(concept.model(concept.workingVersion().id()).roles())
                .filteredOn(role -> role.code().equals("admin"))
                .singleElement()
                .satisfies(role -> assertThat(role.components()).contains("create-realm"));
        String database = databaseText();
        for (String secret : secrets) {
            assertThat(database).as("database text").doesNotContain(secret);
            assertThat(output.getAll()).as("log output").doesNotContain(secret);
        }
    }

    @Test
    void storesNoSecretsFromNestedRealm(CapturedOutput output) throws IOException {
        Path export = SharedCases.path(KeycloakRealmImportTests.NESTED_COMPOSITES);
        List<String> secrets = secretValues(export);

        try (InputStream in = Files.newInputStream(export)) {
            imports.importKeycloak(in, "federal", null);
        }

        assertThat(secrets).contains("my-special-client-secret", "test1234");
        String database = databaseText();
        for (String secret : secrets) {
            assertThat(database).as("database text").doesNotContain(secret);
            assertThat(output.getAll()).as("log output").doesNotContain(secret);
        }
    }

    @Test
    void rejectsCsvKeepingDraftUnchanged() {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String csv = "role,name,components,rights\nok-" + suffix + ",A,,\nbad-" + suffix + ",B,ghost-" + suffix + ",\n";
        int rolesBefore = concept.model(concept.openDraft().id()).roles().size();

        assertThatExceptionOfType(RoleImportException.class)
                .isThrownBy(() -> imports.importCsv(new StringReader(csv), "federal", null))
                .withMessageContaining("Line 3: role bad-" + suffix + " is composed of the unknown role ghost-" + suffix);

        assertThat(concept.model(concept.workingVersion().id()).roles()).hasSize(rolesBefore);
    }

    @Test
    void rejectsRoleCodeTooLongForCertificate() {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String longCode = "long-" + suffix + "-" + "x".repeat(RoleCodes.MAX_CERTIFICATE_CODE_LENGTH);
        String csv = "role,name,components,rights\nok-" + suffix + ",A,,\n" + longCode + ",B,,\n";
        int rolesBefore = concept.model(concept.openDraft().id()).roles().size();

        assertThatExceptionOfType(RoleImportException.class)
                .isThrownBy(() -> imports.importCsv(new StringReader(csv), "federal", null))
                .withMessageContaining(longCode)
                .withMessageContaining("at most 64");

        assertThat(concept.model(concept.workingVersion().id()).roles()).hasSize(rolesBefore);
    }

    @Test
    void importsCsvRolesWithRights() {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String csv = "role,name,components,rights\nclerk-" + suffix + ",Sachbearbeitung,,registered:write\n";

        ImportResult result = imports.importCsv(new StringReader(csv), null, "lds");

        assertThat(result.importedRoles()).containsExactly("clerk-" + suffix);
        ConceptModel model = concept.model(concept.workingVersion().id());
        assertThat(model.rights()).contains(new ConceptModel.Right("clerk-" + suffix, "registered", Action.WRITE));
        assertThat(model.roles()).filteredOn(role -> role.code().equals("clerk-" + suffix))
                .singleElement()
                .satisfies(role -> assertThat(role.authorityCode()).isEqualTo("lds"));
    }

    /** Collects every string under a secret field name, at any depth, of at least 6 characters. */
    private static List<String> secretValues(Path export) throws IOException {
        JsonNode root = JsonMapper.builder().build().readTree(Files.readString(export));
        List<String> values = new ArrayList<>();
        collect(root, false, values);
        return values;
    }

    private static void collect(JsonNode node, boolean secret, List<String> values) {
        if (node.isString() && secret && node.asString().length() >= 6) {
            values.add(node.asString());
        }
        if (node.isArray()) {
            node.forEach(child -> collect(child, secret, values));
        }
        if (node.isObject()) {
            for (Map.Entry<String, JsonNode> field : node.properties()) {
                collect(field.getValue(), SECRET_FIELDS.contains(field.getKey()), values);
            }
        }
    }

    /** Returns the text of every row of every table of the portal's schema. */
    private String databaseText() {
        List<String> tables = jdbc.sql("select table_name from information_schema.tables"
                        + " where table_schema = current_schema() and table_type = 'BASE TABLE'")
                .query(String.class)
                .list();
        StringBuilder text = new StringBuilder();
        for (String table : tables) {
            jdbc.sql("select t::text from \"" + table + "\" t")
                    .query(String.class)
                    .list()
                    .forEach(row -> text.append(row).append('\n'));
        }
        return text.toString();
    }
}
