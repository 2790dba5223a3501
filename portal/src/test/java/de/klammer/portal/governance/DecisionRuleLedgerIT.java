package de.klammer.portal.governance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import de.klammer.portal.LedgerIntegrationTest;
import de.klammer.portal.authority.AuthorityService;
import de.klammer.portal.authority.BoardMemberService;
import de.klammer.portal.governance.DecisionRule.Counting;
import de.klammer.portal.governance.DecisionRule.Threshold;
import de.klammer.portal.ledger.LedgerGateway;
import de.klammer.portal.security.PortalUser;
import de.klammer.portal.security.TestUsers;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Checks decision rules against the mod_policies of the real orderer's channel, where the Application policies are
 * guarded by {@code /Channel/Application/Admins} (MAJORITY of the BamfMSP and LdsMSP admins, so both).
 */
@LedgerIntegrationTest
class DecisionRuleLedgerIT {

    @Autowired
    ProposalService proposals;

    @Autowired
    DecisionRuleService rules;

    @Autowired
    LedgerGateway ledger;

    @Autowired
    AuthorityService authorities;

    @Autowired
    BoardMemberService boardMembers;

    @Autowired
    JdbcClient jdbc;

    PortalUser boardMember;

    @BeforeEach
    void signInBoardMember() {
        boardMember = new TestUsers(authorities, boardMembers).boardMember("bamf");
        TestUsers.signIn(boardMember);
    }

    @AfterEach
    void signOut() {
        TestUsers.signOut();
    }

    @Test
    void refusesRuleWeakerThanModPolicy() {
        DecisionRule simpleMajority = rule(ChangeType.APPLICATION_POLICY, Threshold.SIMPLE_MAJORITY, 50);
        long proposalsBefore = proposalCount();

        assertThatExceptionOfType(RuleWeakerThanLedgerException.class)
                .isThrownBy(() -> proposals.proposeRuleChange(texts(), simpleMajority))
                .satisfies(e -> assertThat(e.missingSignatures())
                        .singleElement()
                        .asString()
                        .startsWith("/Channel/Application/Admins: ")
                        .containsAnyOf("LdsMSP admin missing when only BamfMSP vote yes",
                                "BamfMSP admin missing when only LdsMSP vote yes"))
                .withMessageContaining("weaker than the ledger's mod_policy");
        assertThat(proposalCount()).isEqualTo(proposalsBefore);
    }

    @Test
    void acceptsAbsoluteMajorityOfAuthorities() {
        DecisionRule absoluteMajority = rule(ChangeType.APPLICATION_POLICY, Threshold.ABSOLUTE_MAJORITY, 50);

        List<String> missing = rules.checkAgainstLedger(absoluteMajority);

        assertThat(missing).isEmpty();
    }

    @Test
    void organizationPolicyNeedsThatOrganization() {
        DecisionRule twoThirds = rule(ChangeType.ORGANIZATION_POLICY, Threshold.TWO_THIRDS, 50);

        List<String> missing = rules.checkAgainstLedger(twoThirds);

        assertThat(missing).isNotEmpty().allSatisfy(line -> assertThat(line).containsPattern(
                "^/Channel/Application/(BamfMSP|LdsMSP)/Admins: (BamfMSP|LdsMSP) admin missing when only"));
    }

    @Test
    void realLedgerEvaluatesAdminCoalitions() {
        String channel = proposals.channel();

        List<Boolean> application = ledger.satisfiedByAdmins(channel, "/Channel/Application/Admins",
                List.of(Set.of("BamfMSP", "LdsMSP"), Set.of("BamfMSP"), Set.of("LdsMSP"), Set.of()));
        List<Boolean> lds = ledger.satisfiedByAdmins(channel, "/Channel/Application/LdsMSP/Admins",
                List.of(Set.of("LdsMSP"), Set.of("BamfMSP")));
        List<Boolean> unknown = ledger.satisfiedByAdmins(channel, "/Channel/Application/NoSuchPolicy",
                List.of(Set.of("BamfMSP", "LdsMSP")));

        assertThat(application).containsExactly(true, false, false, false);
        assertThat(lds).containsExactly(true, false);
        assertThat(unknown).containsExactly(false);
    }

    private static DecisionRule rule(ChangeType type, Threshold threshold, int turnout) {
        return new DecisionRule(type, threshold, Counting.PER_AUTHORITY, turnout, Set.of(), true, Duration.ofHours(24));
    }

    private static ProposalTexts texts() {
        return new ProposalTexts("Weaker rule", "Simple majority is enough.", "§ 5 Rules of procedure", false);
    }

    private long proposalCount() {
        return jdbc.sql("select count(*) from proposal").query(Long.class).single();
    }
}
