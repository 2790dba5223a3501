package de.klammer.portal.concept;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import de.klammer.ledger.ConfigChange;
import de.klammer.ledger.ConfigChange.SetAcl;
import de.klammer.ledger.ConfigChange.SetPolicy;
import de.klammer.ledger.PolicyRule;
import de.klammer.portal.concept.CompiledConcept.CompiledPolicy;
import de.klammer.portal.concept.CompiledConcept.RoleEnrollment;
import de.klammer.portal.concept.ConceptModel.Right;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ConceptCompilerTests {

    private static final Set<String> CHANNEL = Set.of("BamfMSP", "LdsMSP", "OrdererMSP");

    private final ConceptCompiler compiler = new ConceptCompiler("OrdererMSP");

    @Test
    void compilesPolicyPerStatusAndAction() {
        CompiledConcept compiled = compiler.compile(PilotConcepts.realistic(), CHANNEL);

        assertThat(compiled.policies()).hasSize(PilotConcepts.STATUS_TYPES.size() * 2 + 2);
        assertThat(policy(compiled, "Rights.registered.Write").path())
                .isEqualTo("/Channel/Application/Rights.registered.Write");
        assertThat(policy(compiled, "Rights.registered.Write").rule().text()).isEqualTo("1 of {BamfMSP.member}");
        assertThat(policy(compiled, "Rights.decision-issued.Read").mspIds()).containsExactly("BamfMSP", "LdsMSP");
    }

    @Test
    void grantsRightsThroughComposites() {
        CompiledConcept compiled = compiler.compile(PilotConcepts.realistic(), CHANNEL);

        // return-officer (LDS only) is composed of allocation-clerk, which may write allocated.
        RoleEnrollment returnOfficer = enrollment(compiled, "return-officer");
        assertThat(returnOfficer.attributes().get(ConceptCompiler.RIGHTS_ATTRIBUTE))
                .isEqualTo("allocated:write,allocation-requested:read,appeal-filed:read,decision-issued:read,"
                        + "departure-deadline-set:write,return-initiated:write,transfer-scheduled:write");
        assertThat(returnOfficer.attributes().get(ConceptCompiler.ROLE_ATTRIBUTE)).isEqualTo("return-officer");
        assertThat(returnOfficer.organizationalUnit()).isEqualTo("return-officer");
    }

    @Test
    void locksRightNobodyHoldsToOperatorAdmins() {
        CompiledConcept compiled = compiler.compile(PilotConcepts.realistic(), CHANNEL);

        CompiledPolicy returned = policy(compiled, "Rights.returned.Write");
        assertThat(returned.mspIds()).isEmpty();
        assertThat(returned.rule().text()).isEqualTo("1 of {OrdererMSP.admin}");
    }

    @Test
    void reportsAuthoritiesOutsideChannel() {
        CompiledConcept compiled = compiler.compile(PilotConcepts.realistic(), CHANNEL);

        assertThat(compiled.uncoveredAuthorities()).containsExactly("abh-dresden");
        assertThat(policy(compiled, "Rights.arrived.Write").mspIds()).isEmpty();
    }

    @Test
    void includesAuthorityOnceOnChannel() {
        Set<String> channel = new HashSet<>(CHANNEL);
        channel.add("AbhDresdenMSP");

        CompiledConcept compiled = compiler.compile(PilotConcepts.realistic(), channel);

        assertThat(compiled.uncoveredAuthorities()).isEmpty();
        assertThat(policy(compiled, "Rights.arrived.Write").mspIds()).containsExactly("AbhDresdenMSP");
        assertThat(policy(compiled, "RightsAny.Write").mspIds())
                .containsExactly("AbhDresdenMSP", "BamfMSP", "LdsMSP");
    }

    @Test
    void pointsPeerAclsAtAnyStatusPolicies() {
        CompiledConcept compiled = compiler.compile(PilotConcepts.realistic(), CHANNEL);

        List<ConfigChange> changes = compiled.changes();

        assertThat(changes).contains(new SetAcl("qscc/GetChainInfo", "RightsAny.Read"));
        assertThat(changes).contains(new SetAcl("event/Block", "RightsAny.Read"));
        assertThat(changes).contains(new SetAcl("peer/Propose", "RightsAny.Write"));
        assertThat(changes.getFirst()).isInstanceOf(SetPolicy.class);
        assertThat(changes.getLast()).isInstanceOf(SetAcl.class);
    }

    @Test
    void rejectsRightOfUnknownStatusType() {
        ConceptModel model = PilotConcepts.realistic();
        Set<Right> rights = new HashSet<>(model.rights());
        rights.add(new Right("status-reader", "deported", Action.READ));
        ConceptModel broken = new ConceptModel(model.authorities(), model.subProcesses(), model.statusTypes(),
                model.roles(), rights, model.sodRules());

        assertThatExceptionOfType(ConceptRuleViolationException.class)
                .isThrownBy(() -> compiler.compile(broken, CHANNEL))
                .withMessageContaining("unknown status type deported");
    }

    @Test
    void rolePrincipalsNameHoldingRolesOnly() {
        ConceptCompiler roleCompiler = new ConceptCompiler("OrdererMSP", true);

        CompiledConcept compiled = roleCompiler.compile(PilotConcepts.realistic(), CHANNEL);

        assertThat(policy(compiled, "Rights.registered.Write").rule().text())
                .isEqualTo("1 of {BamfMSP.OU(registration-clerk)}");
        assertThat(policy(compiled, "Rights.registered.Write").mspIds()).containsExactly("BamfMSP");
        // decision-issued:read comes from status-reader and the roles composed of it, and from allocation-clerk.
        assertThat(policy(compiled, "Rights.decision-issued.Read").rule().text())
                .isEqualTo("1 of {BamfMSP.OU(decision-officer), BamfMSP.OU(hearing-officer),"
                        + " BamfMSP.OU(registration-clerk), BamfMSP.OU(status-reader), LdsMSP.OU(allocation-clerk),"
                        + " LdsMSP.OU(return-officer)}");
        assertThat(policy(compiled, "Rights.decision-issued.Read").mspIds()).containsExactly("BamfMSP", "LdsMSP");
        assertThat(policy(compiled, "Rights.returned.Write").rule().text()).isEqualTo("1 of {OrdererMSP.admin}");
    }

    @Test
    void rolePrincipalsMatchEnrolmentOu() {
        ConceptCompiler roleCompiler = new ConceptCompiler("OrdererMSP", true);

        CompiledConcept compiled = roleCompiler.compile(PilotConcepts.realistic(), CHANNEL);

        PolicyRule rule = policy(compiled, "Rights.hearing-held.Write").rule();
        assertThat(rule).isInstanceOf(PolicyRule.Signature.class);
        assertThat(((PolicyRule.Signature) rule).principals())
                .containsExactly(new PolicyRule.OuPrincipal("BamfMSP",
                        enrollment(compiled, "hearing-officer").organizationalUnit()));
    }

    private static CompiledPolicy policy(CompiledConcept compiled, String name) {
        return compiled.policies().stream()
                .filter(policy -> policy.name().equals(name))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no policy " + name));
    }

    private static RoleEnrollment enrollment(CompiledConcept compiled, String role) {
        return compiled.enrollments().stream()
                .filter(enrollment -> enrollment.roleCode().equals(role))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no enrollment for " + role));
    }
}
