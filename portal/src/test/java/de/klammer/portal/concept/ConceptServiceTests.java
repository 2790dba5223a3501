package de.klammer.portal.concept;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import de.klammer.portal.IntegrationTest;
import de.klammer.portal.authority.AuthorityService;
import de.klammer.portal.authority.BoardMemberService;
import de.klammer.portal.concept.ConceptModel.Right;
import de.klammer.portal.concept.ConceptModel.Role;
import de.klammer.portal.concept.ConceptModel.SodRule;
import de.klammer.portal.security.PortalRole;
import de.klammer.portal.security.TestUsers;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;

@IntegrationTest
class ConceptServiceTests {

    @Autowired
    ConceptService concept;

    @Autowired
    AssignmentService assignments;

    @Autowired
    AuthorityService authorities;

    @Autowired
    BoardMemberService boardMembers;

    @Autowired
    JdbcClient jdbc;

    TestUsers users;
    String suffix;

    @BeforeEach
    void signInBoardMember() {
        users = new TestUsers(authorities, boardMembers);
        TestUsers.signIn(users.boardMember("bamf"));
        suffix = UUID.randomUUID().toString().substring(0, 8);
    }

    @AfterEach
    void signOut() {
        TestUsers.signOut();
    }

    @Test
    void rejectsCompositionCycleNamingRoles() {
        concept.saveRole(new Role("a-" + suffix, "A", "federal", null, List.of()));
        concept.saveRole(new Role("b-" + suffix, "B", "federal", null, List.of("a-" + suffix)));
        int rolesBefore = concept.model(concept.workingVersion().id()).roles().size();

        assertThatExceptionOfType(ConceptRuleViolationException.class)
                .isThrownBy(() -> concept.saveRole(new Role("a-" + suffix, "A", "federal", null, List.of("b-" + suffix))))
                .withMessageContaining("a-" + suffix + " -> b-" + suffix + " -> a-" + suffix);

        ConceptModel after = concept.model(concept.workingVersion().id());
        assertThat(after.roles()).hasSize(rolesBefore);
        assertThat(after.roles()).filteredOn(role -> role.code().equals("a-" + suffix))
                .singleElement()
                .extracting(Role::components)
                .isEqualTo(List.of());
    }

    @Test
    void classifiesConfiguredAuthoritiesAtStartup() {
        List<ConceptModel.AuthorityEntry> entries = concept.model(concept.workingVersion().id()).authorities();

        assertThat(entries).contains(new ConceptModel.AuthorityEntry("bamf", "BamfMSP", "federal"));
        assertThat(entries).contains(new ConceptModel.AuthorityEntry("lds", "LdsMSP", "state"));
    }

    @Test
    void rejectsInvalidStatusTypeCode() {
        assertThatExceptionOfType(ConceptRuleViolationException.class)
                .isThrownBy(() -> concept.addStatusType(
                        new ConceptModel.StatusType("Hearing Held", "registration", "Anhörung")))
                .withMessageContaining("'Hearing Held'")
                .withMessageContaining("lower-case letters");
    }

    @Test
    void pagesAndFiltersRightsMatrix() {
        String role = "matrix-" + suffix;
        concept.saveRole(new Role(role, "Matrix", "federal", null, List.of()));
        concept.setRight(new Right(role, "hearing-held", Action.WRITE), true);
        UUID version = concept.workingVersion().id();

        int rows = concept.countMatrix(version, new MatrixFilter(null, role, null, false));
        List<MatrixRow> granted = concept.matrix(version, new MatrixFilter(null, role, null, true), 0, 50);
        List<MatrixRow> page = concept.matrix(version, new MatrixFilter(null, role, null, false), 2, 3);
        List<MatrixRow> searched = concept.matrix(version, new MatrixFilter("HEARING", role, null, false), 0, 50);

        assertThat(rows).isEqualTo(concept.model(version).statusTypes().size());
        assertThat(granted).singleElement().satisfies(row -> {
            assertThat(row.statusTypeCode()).isEqualTo("hearing-held");
            assertThat(row.write()).isTrue();
            assertThat(row.read()).isFalse();
        });
        assertThat(page).hasSize(3);
        assertThat(searched).extracting(MatrixRow::statusTypeCode).contains("hearing-held", "hearing-scheduled");
    }

    @Test
    void rejectsSodConflictNamingBothRoles() {
        String hearing = "hearing-" + suffix;
        String deciding = "deciding-" + suffix;
        concept.saveRole(new Role(hearing, "Anhörer", "federal", null, List.of()));
        concept.saveRole(new Role(deciding, "Entscheider", "state", null, List.of()));
        concept.addSodRule(new SodRule(hearing, deciding, null, "Vier-Augen-Prinzip"));
        TestUsers.signIn(users.user("bamf", PortalRole.AUTHORITY_ADMIN));
        String holder = "clerk-" + suffix;
        assignments.assign(new AssignmentRequest(holder, "bamf", hearing, LocalDate.of(2026, 1, 1), null));
        TestUsers.signIn(users.user("lds", PortalRole.AUTHORITY_ADMIN));
        AssignmentRequest conflicting =
                new AssignmentRequest(holder, "lds", deciding, LocalDate.of(2026, 6, 1), LocalDate.of(2026, 12, 31));

        List<SodConflict> preview = assignments.check(conflicting);

        assertThat(preview).singleElement().satisfies(conflict -> {
            assertThat(conflict.requestedRole()).isEqualTo(deciding);
            assertThat(conflict.heldRole()).isEqualTo(hearing);
            assertThat(conflict.heldAuthorityCode()).isEqualTo("bamf");
        });
        assertThatExceptionOfType(SodViolationException.class)
                .isThrownBy(() -> assignments.assign(conflicting))
                .withMessageContaining(hearing)
                .withMessageContaining(deciding);
        assertThat(assignments.validOn(holder, LocalDate.of(2026, 7, 1)))
                .extracting(RoleAssignment::roleCode)
                .containsExactly(hearing);
    }

    @Test
    void allowsSeparatedRoleAfterValidityEnds() {
        String hearing = "hearing-" + suffix;
        String deciding = "deciding-" + suffix;
        concept.saveRole(new Role(hearing, "Anhörer", "federal", null, List.of()));
        concept.saveRole(new Role(deciding, "Entscheider", "federal", null, List.of()));
        concept.addSodRule(new SodRule(deciding, hearing, null, "Vier-Augen-Prinzip"));
        TestUsers.signIn(users.user("bamf", PortalRole.AUTHORITY_ADMIN));
        String holder = "clerk-" + suffix;
        assignments.assign(new AssignmentRequest(
                holder, "bamf", hearing, LocalDate.of(2026, 1, 1), LocalDate.of(2026, 3, 31)));

        assignments.assign(new AssignmentRequest(holder, "bamf", deciding, LocalDate.of(2026, 4, 1), null));

        assertThat(assignments.validOn(holder, LocalDate.of(2026, 3, 31)))
                .extracting(RoleAssignment::roleCode)
                .containsExactly(hearing);
        assertThat(assignments.validOn(holder, LocalDate.of(2026, 4, 1)))
                .extracting(RoleAssignment::roleCode)
                .containsExactly(deciding);
    }

    @Test
    void rejectsAssignmentForOtherAuthority() {
        String role = "reader-" + suffix;
        concept.saveRole(new Role(role, "Leser", "state", null, List.of()));
        TestUsers.signIn(users.user("bamf", PortalRole.AUTHORITY_ADMIN));

        assertThatExceptionOfType(ConceptAccessDeniedException.class)
                .isThrownBy(() -> assignments.assign(
                        new AssignmentRequest("clerk-" + suffix, "lds", role, LocalDate.of(2026, 1, 1), null)))
                .withMessageContaining("own authority");
    }

    @Test
    void rejectsCatalogueEditByAuthorityAdmin() {
        TestUsers.signIn(users.user("bamf", PortalRole.AUTHORITY_ADMIN));

        assertThatExceptionOfType(AccessDeniedException.class)
                .isThrownBy(() -> concept.addAuthorityType("border-police-" + suffix));
        assertThat(jdbc.sql("select count(*) from authority_type where code = ?")
                        .param("border-police-" + suffix)
                        .query(Integer.class)
                        .single())
                .isZero();
    }

    @Test
    void matrixMarksRightsInheritedThroughComposites() {
        String clerk = "clerk-" + suffix;
        String team = "team-" + suffix;
        String lead = "lead-" + suffix;
        concept.saveRole(new Role(clerk, "Sachbearbeitung", "federal", null, List.of()));
        concept.saveRole(new Role(team, "Team", "federal", null, List.of(clerk)));
        concept.saveRole(new Role(lead, "Leitung", "federal", null, List.of(team)));
        concept.setRight(new Right(clerk, "hearing-held", Action.WRITE), true);
        concept.setRight(new Right(lead, "hearing-held", Action.READ), true);
        UUID version = concept.workingVersion().id();

        MatrixRow leadRow = matrixRow(version, lead, "hearing-held");
        MatrixRow clerkRow = matrixRow(version, clerk, "hearing-held");

        assertThat(leadRow.write()).as("own write of the lead").isFalse();
        assertThat(leadRow.inheritedWrite()).as("write inherited over two levels").isTrue();
        assertThat(leadRow.read()).as("own read of the lead").isTrue();
        assertThat(leadRow.inheritedRead()).as("read inherited by the lead").isFalse();
        assertThat(clerkRow.write()).as("own write of the clerk").isTrue();
        assertThat(clerkRow.inheritedWrite()).as("write inherited by the clerk").isFalse();
        assertThat(clerkRow.inheritedRead()).as("the clerk inherits nothing from the lead").isFalse();
    }

    @Test
    void enrollmentRoleNamesSingleAssignment() {
        String role = "officer-" + suffix;
        concept.saveRole(new Role(role, "Entscheider", "federal", null, List.of()));
        TestUsers.signIn(users.user("bamf", PortalRole.AUTHORITY_ADMIN));
        String holder = "kid-" + suffix;
        assignments.assign(new AssignmentRequest(
                holder, "bamf", role, LocalDate.of(2026, 1, 1), LocalDate.of(2026, 6, 30)));

        assertThat(assignments.enrollmentRole(holder, "bamf", LocalDate.of(2026, 3, 1))).contains(role);
        assertThat(assignments.enrollmentRole(holder, "bamf", LocalDate.of(2026, 7, 1))).as("after the end").isEmpty();
        assertThat(assignments.enrollmentRole(holder, "lds", LocalDate.of(2026, 3, 1))).as("other authority").isEmpty();
    }

    @Test
    void enrollmentRoleRejectsSeveralRoles() {
        String hearing = "hearing-" + suffix;
        String deciding = "deciding-" + suffix;
        concept.saveRole(new Role(hearing, "Anhörer", "federal", null, List.of()));
        concept.saveRole(new Role(deciding, "Entscheider", "federal", null, List.of()));
        TestUsers.signIn(users.user("bamf", PortalRole.AUTHORITY_ADMIN));
        String holder = "kid-" + suffix;
        assignments.assign(new AssignmentRequest(holder, "bamf", hearing, LocalDate.of(2026, 1, 1), null));
        assignments.assign(new AssignmentRequest(holder, "bamf", deciding, LocalDate.of(2026, 1, 1), null));

        assertThatExceptionOfType(ConceptRuleViolationException.class)
                .isThrownBy(() -> assignments.enrollmentRole(holder, "bamf", LocalDate.of(2026, 3, 1)))
                .withMessageContaining(holder)
                .withMessageContaining(hearing)
                .withMessageContaining(deciding)
                .withMessageContaining("composed");
    }

    @Test
    void rejectsRoleCodeTooLongForCertificate() {
        String code = "r" + "x".repeat(RoleCodes.MAX_CERTIFICATE_CODE_LENGTH);
        int rolesBefore = concept.model(concept.workingVersion().id()).roles().size();

        assertThatExceptionOfType(ConceptRuleViolationException.class)
                .isThrownBy(() -> concept.saveRole(new Role(code, "Zu lang", "federal", null, List.of())))
                .withMessageContaining("'" + code + "'")
                .withMessageContaining("at most 64");

        assertThat(concept.model(concept.workingVersion().id()).roles()).hasSize(rolesBefore);
    }

    private MatrixRow matrixRow(UUID version, String role, String statusType) {
        return concept.matrix(version, new MatrixFilter(null, role, null, false), 0, 100).stream()
                .filter(row -> row.statusTypeCode().equals(statusType))
                .findFirst()
                .orElseThrow();
    }
}
