package de.klammer.portal.concept;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import de.klammer.portal.concept.ConceptModel.Role;
import java.util.List;
import org.junit.jupiter.api.Test;

class RoleGraphTests {

    @Test
    void rejectsCycleNamingEveryRole() {
        List<Role> roles = List.of(
                new Role("a", "A", "federal", null, List.of("b")),
                new Role("b", "B", "federal", null, List.of("c")),
                new Role("c", "C", "federal", null, List.of("a")));

        assertThatExceptionOfType(ConceptRuleViolationException.class)
                .isThrownBy(() -> RoleGraph.of(roles))
                .withMessageContaining("a -> b -> c -> a");
    }

    @Test
    void rejectsUnknownComponent() {
        List<Role> roles = List.of(new Role("a", "A", "federal", null, List.of("ghost")));

        assertThatExceptionOfType(ConceptRuleViolationException.class)
                .isThrownBy(() -> RoleGraph.of(roles))
                .withMessageContaining("unknown role ghost");
    }

    @Test
    void rejectsDuplicateRoleCode() {
        List<Role> roles = List.of(
                new Role("a", "A", "federal", null, List.of()), new Role("a", "A2", "state", null, List.of()));

        assertThatExceptionOfType(ConceptRuleViolationException.class)
                .isThrownBy(() -> RoleGraph.of(roles))
                .withMessageContaining("Role a is defined twice");
    }

    @Test
    void closesOverNestedComponents() {
        List<Role> roles = List.of(
                new Role("a", "A", "federal", null, List.of("b")),
                new Role("b", "B", "federal", null, List.of("c")),
                new Role("c", "C", "federal", null, List.of()),
                new Role("d", "D", null, "lds", List.of("b", "c")));

        RoleGraph graph = RoleGraph.of(roles);

        assertThat(graph.closure("a")).containsExactlyInAnyOrder("a", "b", "c");
        assertThat(graph.closure("d")).containsExactlyInAnyOrder("d", "b", "c");
        assertThat(graph.closure("c")).containsExactly("c");
    }

    @Test
    void rejectsRoleWithTwoScopes() {
        assertThatExceptionOfType(ConceptRuleViolationException.class)
                .isThrownBy(() -> new Role("a", "A", "federal", "bamf", List.of()))
                .withMessageContaining("exactly one scope");
    }
}
