package de.klammer.portal.concept;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import de.klammer.portal.concept.ConceptModel.Right;
import de.klammer.portal.concept.RoleCatalogue.ImportedRole;
import java.io.StringReader;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CsvRoleImportTests {

    private static final Set<String> KNOWN_ROLES = Set.of("status-reader");
    private static final Set<String> STATUS_TYPES = Set.of("registered", "hearing-held");

    @Test
    void importsRolesComponentsAndRights() {
        String csv = """
                role,name,components,rights
                hearing-officer,Anhörer,status-reader|note-taker,hearing-held:write
                note-taker,"Protokoll, Anhörung",,registered:read|hearing-held:read
                """;

        RoleCatalogue catalogue = CsvRoleImport.parse(new StringReader(csv), KNOWN_ROLES, STATUS_TYPES);

        assertThat(catalogue.roles()).extracting(ImportedRole::code).containsExactly("hearing-officer", "note-taker");
        assertThat(catalogue.roles().getFirst().components()).containsExactly("status-reader", "note-taker");
        assertThat(catalogue.roles().getFirst().rights())
                .containsExactly(new Right("hearing-officer", "hearing-held", Action.WRITE));
        assertThat(catalogue.roles().getLast().name()).isEqualTo("Protokoll, Anhörung");
        assertThat(catalogue.roles().getLast().rights()).hasSize(2);
    }

    @Test
    void rejectsDuplicateRoleNamingLines() {
        String csv = """
                role,name,components,rights
                clerk,A,,
                officer,B,,
                clerk,C,,
                """;

        assertThatExceptionOfType(RoleImportException.class)
                .isThrownBy(() -> CsvRoleImport.parse(new StringReader(csv), KNOWN_ROLES, STATUS_TYPES))
                .withMessageContaining("Line 4: duplicate role clerk, already defined on line 2");
    }

    @Test
    void rejectsRoleTheConceptHas() {
        String csv = "role,name,components,rights\nstatus-reader,Leser,,\n";

        assertThatExceptionOfType(RoleImportException.class)
                .isThrownBy(() -> CsvRoleImport.parse(new StringReader(csv), KNOWN_ROLES, STATUS_TYPES))
                .withMessageContaining("Line 2: duplicate role status-reader, which the concept already has");
    }

    @Test
    void rejectsUnknownComponentAndStatusType() {
        String csv = """
                role,name,components,rights
                clerk,A,ghost,deported:read|registered:delete
                """;

        RoleImportException error = catchThrowableOfType(RoleImportException.class,
                () -> CsvRoleImport.parse(new StringReader(csv), KNOWN_ROLES, STATUS_TYPES));

        assertThat(error.problems()).hasSize(3);
        assertThat(error.problems().get(0)).isEqualTo("Line 2: role clerk is composed of the unknown role ghost");
        assertThat(error.problems().get(1)).contains("'deported:read'").contains("unknown status type");
        assertThat(error.problems().get(2)).contains("Unknown action 'delete'");
    }

    @Test
    void rejectsRowWithMissingFields() {
        String csv = "role,name,components,rights\nclerk,A\n";

        assertThatExceptionOfType(RoleImportException.class)
                .isThrownBy(() -> CsvRoleImport.parse(new StringReader(csv), KNOWN_ROLES, STATUS_TYPES))
                .withMessageContaining("Line 2 has 2 fields, expected 4");
    }

    @Test
    void rejectsInvalidRoleCode() {
        String csv = "role,name,components,rights\nCase Clerk,A,,\n";

        assertThatExceptionOfType(RoleImportException.class)
                .isThrownBy(() -> CsvRoleImport.parse(new StringReader(csv), KNOWN_ROLES, STATUS_TYPES))
                .withMessageContaining("Line 2: invalid role code 'Case Clerk'");
    }
}
