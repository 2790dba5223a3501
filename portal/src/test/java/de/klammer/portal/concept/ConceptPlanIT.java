package de.klammer.portal.concept;

import static org.assertj.core.api.Assertions.assertThat;

import de.klammer.portal.LedgerIntegrationTest;
import de.klammer.portal.authority.AuthorityService;
import de.klammer.portal.authority.BoardMemberService;
import de.klammer.portal.concept.CompiledConcept.CompiledPolicy;
import de.klammer.portal.concept.ConceptModel.Right;
import de.klammer.portal.concept.ConceptModel.Role;
import de.klammer.portal.concept.ConceptModel.SodRule;
import de.klammer.portal.concept.ConceptModel.StatusType;
import de.klammer.portal.concept.ConceptModel.SubProcess;
import de.klammer.portal.ledger.AppliedUpdate;
import de.klammer.portal.ledger.ChannelView;
import de.klammer.portal.ledger.LedgerGateway;
import de.klammer.portal.ledger.PolicyView;
import de.klammer.portal.ledger.PreparedUpdate;
import de.klammer.portal.security.TestUsers;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

@LedgerIntegrationTest
class ConceptPlanIT {

    private static final String CHANNEL = "asyl-status";

    @Autowired
    ConceptService concept;

    @Autowired
    ConceptPlanService plans;

    @Autowired
    LedgerGateway ledger;

    @Autowired
    AuthorityService authorities;

    @Autowired
    BoardMemberService boardMembers;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ConceptProperties properties;

    @BeforeEach
    void signInBoardMember() {
        TestUsers.signIn(new TestUsers(authorities, boardMembers).boardMember("bamf"));
    }

    @AfterEach
    void signOut() {
        TestUsers.signOut();
    }

    @Test
    void appliedPlanLeavesNoDifference() {
        // A status type new to this run, so that the plan has a change even on a network an earlier run updated.
        String probe = "probe-" + UUID.randomUUID().toString().substring(0, 8);
        UUID version = buildRealisticConcept(probe);

        ConceptPlan plan = plans.plan(version);

        assertThat(plan.isUpToDate()).isFalse();
        assertThat(plan.changes())
                .contains("Create policy /Channel/Application/Rights." + probe + ".Write"
                        + " = 1 of {BamfMSP.OU(registration-clerk)}"
                        + " (roles registration-clerk of BamfMSP may write status type " + probe + ")");
        assertThat(plan.uncoveredAuthorities()).containsExactly("abh-dresden");
        assertThat(plan.update().writeSet())
                .anyMatch(line -> line.contains("Rights." + probe + ".Write"));
        assertThat(plan.update().signingMspIds()).contains("BamfMSP", "LdsMSP");

        PreparedUpdate update = plan.update();
        String transactionId = ledger.submit(update, List.of(ledger.sign("BamfMSP", update),
                ledger.sign("LdsMSP", update)));
        Optional<AppliedUpdate> applied = ledger.awaitApplied(update, Duration.ofSeconds(60));

        assertThat(transactionId).isNotBlank();
        assertThat(applied).isPresent();
        ConceptPlan after = plans.plan(version);
        assertThat(after.isUpToDate()).isTrue();
        assertThat(after.changes()).isEmpty();
        assertLiveConfigEqualsCompiled(version);
    }

    private void assertLiveConfigEqualsCompiled(UUID version) {
        ChannelView live = ledger.readChannel(CHANNEL);
        Map<String, PolicyView> policies =
                live.policies().stream().collect(Collectors.toMap(PolicyView::path, Function.identity()));
        Set<String> mspIds = Set.of("BamfMSP", "LdsMSP", "OrdererMSP");
        CompiledConcept compiled = new ConceptCompiler("OrdererMSP", properties.rolePrincipals())
                .compile(concept.model(version), mspIds);
        assertThat(compiled.policies()).hasSizeGreaterThanOrEqualTo(34);
        for (CompiledPolicy policy : compiled.policies()) {
            assertThat(policies.get(policy.path()))
                    .as(policy.path())
                    .isNotNull()
                    .extracting(PolicyView::text)
                    .isEqualTo(policy.rule().text());
        }
        Map<String, String> acls = ledger.readAcls(CHANNEL);
        assertThat(acls).containsEntry("qscc/GetChainInfo", "/Channel/Application/RightsAny.Read");
        assertThat(acls).containsEntry("event/Block", "/Channel/Application/RightsAny.Read");
        assertThat(acls).containsEntry("peer/Propose", "/Channel/Application/RightsAny.Write");
    }

    /** Builds three sub-processes, 17 status types, seven roles and three authorities in the draft. */
    private UUID buildRealisticConcept(String probe) {
        jdbc.sql("insert into authority (id, code, name, msp_id, oidc_issuer, authority_type) values (?, ?, ?, ?, ?,"
                        + " 'municipal') on conflict (code) do nothing")
                .params(UUID.randomUUID(), "abh-dresden", "Ausländerbehörde Dresden", "AbhDresdenMSP",
                        "http://127.0.0.1/abh-dresden")
                .update();
        ConceptModel existing = concept.model(concept.openDraft().id());
        Set<String> subProcesses =
                existing.subProcesses().stream().map(SubProcess::code).collect(Collectors.toSet());
        for (SubProcess subProcess : PilotConcepts.SUB_PROCESSES) {
            if (!subProcesses.contains(subProcess.code())) {
                concept.addSubProcess(subProcess);
            }
        }
        Set<String> statusTypes = existing.statusTypes().stream().map(StatusType::code).collect(Collectors.toSet());
        for (StatusType statusType : PilotConcepts.STATUS_TYPES) {
            if (!statusTypes.contains(statusType.code())) {
                concept.addStatusType(statusType);
            }
        }
        concept.addStatusType(new StatusType(probe, "registration", "Prüfstatus"));
        List<Role> roles = PilotConcepts.roles();
        roles.forEach(role -> concept.saveRole(new Role(role.code(), role.name(), role.authorityType(),
                role.authorityCode(), List.of())));
        roles.forEach(concept::saveRole);
        for (Right right : PilotConcepts.rights()) {
            concept.setRight(right, true);
        }
        concept.setRight(new Right("registration-clerk", probe, Action.WRITE), true);
        Set<String> rulesPresent = existing.sodRules().stream()
                .map(rule -> rule.firstRole() + "/" + rule.secondRole())
                .collect(Collectors.toSet());
        for (SodRule rule : PilotConcepts.sodRules()) {
            if (!rulesPresent.contains(rule.firstRole() + "/" + rule.secondRole())) {
                concept.addSodRule(rule);
            }
        }
        return concept.workingVersion().id();
    }
}
