package de.klammer.portal.concept;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import de.klammer.portal.concept.ConceptModel.Role;
import de.klammer.portal.concept.SeparationOfDuties.HeldRole;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SeparationOfDutiesTests {

    private final SeparationOfDuties sod = new SeparationOfDuties(PilotConcepts.realistic());

    @Test
    void findsConflictAcrossAuthorities() {
        List<SodConflict> conflicts = sod.conflicts("decision-officer", List.of(new HeldRole("return-officer", "lds")));

        assertThat(conflicts).hasSize(1);
        assertThat(conflicts.getFirst().describe())
                .contains("decision-officer")
                .contains("return-officer")
                .contains("held for lds");
    }

    @Test
    void findsConflictThroughComposite() {
        ConceptModel model = PilotConcepts.realistic();
        List<Role> roles = new ArrayList<>(model.roles());
        roles.add(new Role("senior-officer", "Senior", "federal", null, List.of("hearing-officer")));
        SeparationOfDuties withComposite = new SeparationOfDuties(new ConceptModel(model.authorities(),
                model.subProcesses(), model.statusTypes(), roles, model.rights(), model.sodRules()));

        List<SodConflict> conflicts =
                withComposite.conflicts("decision-officer", List.of(new HeldRole("senior-officer", "bamf")));

        assertThat(conflicts).extracting(SodConflict::heldRole).containsExactly("senior-officer");
    }

    @Test
    void allowsRolesWithoutRule() {
        List<SodConflict> conflicts =
                sod.conflicts("registration-clerk", List.of(new HeldRole("hearing-officer", "bamf")));

        assertThat(conflicts).isEmpty();
    }

    @Test
    void skipsRuleOutsideItsSubProcess() {
        ConceptModel model = PilotConcepts.realistic();
        List<ConceptModel.SodRule> rules = List.of(new ConceptModel.SodRule(
                "allocation-clerk", "registration-clerk", "allocation", "Nur in der Zuweisung getrennt."));
        SeparationOfDuties scoped = new SeparationOfDuties(new ConceptModel(model.authorities(),
                model.subProcesses(), model.statusTypes(), model.roles(), model.rights(), rules));

        // registration-clerk reads allocation status types through status-reader, so the rule applies.
        assertThat(scoped.conflicts("allocation-clerk", List.of(new HeldRole("registration-clerk", "bamf"))))
                .hasSize(1);
        // foreigners-office-clerk has no right in registration, so a rule limited to it never applies.
        List<ConceptModel.SodRule> registrationOnly = List.of(new ConceptModel.SodRule(
                "foreigners-office-clerk", "registration-clerk", "registration", "Nur in der Registrierung."));
        SeparationOfDuties registration = new SeparationOfDuties(new ConceptModel(model.authorities(),
                model.subProcesses(), model.statusTypes(), model.roles(), model.rights(), registrationOnly));
        assertThat(registration.conflicts(
                        "foreigners-office-clerk", List.of(new HeldRole("registration-clerk", "bamf"))))
                .isEmpty();
    }

    @Test
    void rejectsUnknownRequestedRole() {
        assertThatExceptionOfType(ConceptRuleViolationException.class)
                .isThrownBy(() -> sod.conflicts("ghost", List.of()))
                .withMessageContaining("Role ghost does not exist");
    }
}
