package de.klammer.portal.concept;

import static org.assertj.core.api.Assertions.assertThat;

import de.klammer.portal.concept.ConceptModel.Right;
import de.klammer.portal.concept.ConceptModel.Role;
import de.klammer.portal.concept.ConceptModel.SodRule;
import de.klammer.portal.concept.ConceptModel.StatusType;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ConceptDiffTests {

    private static final ConceptModel CURRENT = PilotConcepts.realistic();

    @Test
    void equalVersionsHaveNoDifference() {
        assertThat(ConceptDiff.between(CURRENT, PilotConcepts.realistic())).isEmpty();
    }

    @Test
    void firstVersionAddsEverything() {
        List<String> lines = ConceptDiff.between(null, CURRENT);

        assertThat(lines).contains("Add sub-process allocation (Zuweisung)");
        assertThat(lines).contains("Add status type returned (Ausgereist) to sub-process decision");
        assertThat(lines).contains("Add role return-officer (Rückführung) for authority lds, composed of allocation-clerk");
        assertThat(lines).contains("Grant role hearing-officer the right to write status type hearing-held");
        assertThat(lines).hasSize(3 + PilotConcepts.STATUS_TYPES.size() + PilotConcepts.roles().size()
                + PilotConcepts.rights().size() + PilotConcepts.sodRules().size());
    }

    @Test
    void grantedAndRevokedRightsAreNamed() {
        Set<Right> rights = new HashSet<>(CURRENT.rights());
        rights.remove(new Right("hearing-officer", "hearing-held", Action.WRITE));
        rights.add(new Right("decision-officer", "appeal-filed", Action.READ));
        ConceptModel next = with(rights, CURRENT.roles(), CURRENT.sodRules(), CURRENT.statusTypes());

        assertThat(ConceptDiff.between(CURRENT, next)).containsExactly(
                "Grant role decision-officer the right to read status type appeal-filed",
                "Revoke from role hearing-officer the right to write status type hearing-held");
    }

    @Test
    void roleChangesAreNamed() {
        List<Role> roles = new ArrayList<>(CURRENT.roles().stream()
                .filter(role -> !role.code().equals("foreigners-office-clerk"))
                .map(role -> role.code().equals("hearing-officer")
                        ? new Role("hearing-officer", "Anhörerin", "federal", null, List.of("status-reader"))
                        : role)
                .toList());
        roles.add(new Role("police-reader", "Polizei", "police", null, List.of("status-reader")));
        Set<Right> rights = new HashSet<>(CURRENT.rights());
        rights.remove(new Right("foreigners-office-clerk", "arrived", Action.WRITE));
        ConceptModel next = with(rights, roles, CURRENT.sodRules(), CURRENT.statusTypes());

        assertThat(ConceptDiff.between(CURRENT, next)).containsExactlyInAnyOrder(
                "Change role hearing-officer to Anhörerin for authorities of type federal, composed of status-reader",
                "Add role police-reader (Polizei) for authorities of type police, composed of status-reader",
                "Remove role foreigners-office-clerk (Ausländerbehörde)",
                "Revoke from role foreigners-office-clerk the right to write status type arrived");
    }

    @Test
    void componentOrderIsNoChange() {
        List<Role> roles = CURRENT.roles().stream()
                .map(role -> new Role(role.code(), role.name(), role.authorityType(), role.authorityCode(),
                        role.components().reversed()))
                .toList();
        List<Role> twoComponents = new ArrayList<>(roles);
        twoComponents.add(new Role("lead", "Leitung", "federal", null, List.of("hearing-officer", "status-reader")));
        List<Role> reversed = new ArrayList<>(roles);
        reversed.add(new Role("lead", "Leitung", "federal", null, List.of("status-reader", "hearing-officer")));

        ConceptModel before = with(CURRENT.rights(), twoComponents, CURRENT.sodRules(), CURRENT.statusTypes());
        ConceptModel after = with(CURRENT.rights(), reversed, CURRENT.sodRules(), CURRENT.statusTypes());

        assertThat(ConceptDiff.between(before, after)).isEmpty();
    }

    @Test
    void sodRuleAndStatusTypeChangesAreNamed() {
        List<StatusType> types = new ArrayList<>(CURRENT.statusTypes());
        types.add(new StatusType("hearing-cancelled", "registration", "Anhörung abgesagt"));
        List<SodRule> rules = List.of(CURRENT.sodRules().getFirst());
        ConceptModel next = with(CURRENT.rights(), CURRENT.roles(), rules, types);

        assertThat(ConceptDiff.between(CURRENT, next)).containsExactly(
                "Add status type hearing-cancelled (Anhörung abgesagt) to sub-process registration",
                "Remove separation-of-duties rule: one identity may not hold both decision-officer and return-officer"
                        + " in every sub-process");
    }

    private static ConceptModel with(
            Set<Right> rights, List<Role> roles, List<SodRule> sodRules, List<StatusType> statusTypes) {
        return new ConceptModel(CURRENT.authorities(), CURRENT.subProcesses(), statusTypes, roles, rights, sodRules);
    }
}
