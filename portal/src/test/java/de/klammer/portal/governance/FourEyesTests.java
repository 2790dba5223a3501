package de.klammer.portal.governance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import de.klammer.portal.IntegrationTest;
import de.klammer.portal.governance.DecisionRule.Counting;
import de.klammer.portal.governance.DecisionRule.Threshold;
import de.klammer.portal.governance.GovernanceRuleViolationException.Rule;
import de.klammer.portal.identity.EnrollmentRuleViolationException;
import de.klammer.portal.identity.KeySource;
import de.klammer.portal.identity.LedgerIdentityDetails;
import de.klammer.portal.identity.LedgerIdentityNotFoundException;
import de.klammer.portal.identity.LedgerIdentityService;
import de.klammer.portal.identity.LedgerIdentityStatus;
import de.klammer.portal.identity.LedgerRole;
import de.klammer.portal.security.PortalRole;
import de.klammer.portal.security.PortalUser;
import de.klammer.portal.security.TestUsers;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Four-eyes rules on every service path. A proposer's own yes vote never signs, and the proposer cannot approve or
 * vote on their own config change or rule change. An administrator cannot approve an identity request they made, and
 * no one acts on another authority's identity request.
 */
@IntegrationTest
class FourEyesTests extends GovernanceTestSupport {

    @Autowired
    LedgerIdentityService identities;

    @Test
    void proposalCarriesNoSignatureOfProposer() {
        ProposalDetails proposal = propose(CHANNEL_CHANGE, false);

        assertThat(voteCount(proposal.id())).isEqualTo(1);
        assertThat(signatureCount(proposal.id())).isZero();
        assertThat(statusOf(proposal.id())).isEqualTo("open");
    }

    @Test
    void rejectsEveryVoteOfProposer() {
        ProposalDetails proposal = propose(CHANNEL_CHANGE, false);

        for (VoteChoice choice : Set.of(VoteChoice.YES, VoteChoice.NO, VoteChoice.ABSTAIN)) {
            assertThatExceptionOfType(GovernanceRuleViolationException.class)
                    .as("proposer voting %s", choice)
                    .isThrownBy(() -> proposals.vote(proposal.id(), choice, "Own proposal."))
                    .satisfies(e -> assertThat(e.rule()).isEqualTo(Rule.SELF_APPROVAL));
        }
        assertThatExceptionOfType(GovernanceRuleViolationException.class)
                .isThrownBy(() -> proposals.approve(proposal.id()))
                .satisfies(e -> assertThat(e.rule()).isEqualTo(Rule.SELF_APPROVAL));
        assertThat(signatureCount(proposal.id())).isZero();
        assertThat(statusOf(proposal.id())).isEqualTo("open");
    }

    @Test
    void proposerCannotPassRuleChangeAlone() {
        DecisionRule stricter = new DecisionRule(ChangeType.ORGANIZATION_POLICY, Threshold.ABSOLUTE_MAJORITY,
                Counting.PER_AUTHORITY, 100, Set.of(PortalRole.DPO), false, Duration.ofHours(72));
        TestUsers.signIn(bamfProposer);
        ProposalDetails proposal = proposals.proposeRuleChange(
                new ProposalTexts("Stricter rule", "Every authority must agree.", "Art. 6(1)(e) GDPR", false),
                stricter);

        assertThatExceptionOfType(GovernanceRuleViolationException.class)
                .isThrownBy(() -> proposals.vote(proposal.id(), VoteChoice.YES, null))
                .satisfies(e -> assertThat(e.rule()).isEqualTo(Rule.SELF_APPROVAL));
        assertThat(statusOf(proposal.id())).isEqualTo("open");
    }

    @Test
    void rejectsApprovalOfOwnIdentityRequest() {
        PortalUser admin = users.user("bamf", PortalRole.AUTHORITY_ADMIN);
        TestUsers.signIn(admin);
        LedgerIdentityDetails requested = identities.requestForSystem(
                Set.of(LedgerRole.REGISTRATION_CLERK), LocalDate.now().plusMonths(6), KeySource.CSR);

        assertThatExceptionOfType(EnrollmentRuleViolationException.class)
                .isThrownBy(() -> identities.approve(requested.id()))
                .withMessageContaining("cannot approve it");
        assertThat(identities.details(requested.id()).status()).isEqualTo(LedgerIdentityStatus.REQUESTED);
    }

    @Test
    void hidesIdentityRequestFromOtherAuthority() {
        TestUsers.signIn(users.user("bamf", PortalRole.AUTHORITY_ADMIN));
        LedgerIdentityDetails requested = identities.requestForSystem(
                Set.of(LedgerRole.REGISTRATION_CLERK), LocalDate.now().plusMonths(6), KeySource.CSR);

        TestUsers.signIn(users.user("lds", PortalRole.AUTHORITY_ADMIN));

        assertThatExceptionOfType(LedgerIdentityNotFoundException.class)
                .isThrownBy(() -> identities.approve(requested.id()));
        assertThatExceptionOfType(LedgerIdentityNotFoundException.class)
                .isThrownBy(() -> identities.details(requested.id()));
        assertThatExceptionOfType(LedgerIdentityNotFoundException.class)
                .isThrownBy(() -> identities.withdraw(requested.id()));
        assertThat(identities.list()).extracting(LedgerIdentityDetails::id).doesNotContain(requested.id());
    }

    @Test
    void hidesOtherRequestsFromClerk() {
        TestUsers.signIn(users.user("bamf", PortalRole.AUTHORITY_ADMIN));
        LedgerIdentityDetails requested = identities.requestForSystem(
                Set.of(LedgerRole.REGISTRATION_CLERK), LocalDate.now().plusMonths(6), KeySource.CSR);

        PortalUser clerk = users.user("bamf", PortalRole.CLERK);
        // Test users without an OIDC subject get their pseudonym from the display name, so the clerk needs its own.
        TestUsers.signIn(new PortalUser(clerk.issuer(), clerk.authority(), clerk.roles(), null, "Another clerk"));

        assertThatExceptionOfType(LedgerIdentityNotFoundException.class)
                .isThrownBy(() -> identities.details(requested.id()));
        assertThatExceptionOfType(LedgerIdentityNotFoundException.class)
                .isThrownBy(() -> identities.withdraw(requested.id()));
    }
}
