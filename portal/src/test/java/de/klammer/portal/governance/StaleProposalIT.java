package de.klammer.portal.governance;

import static org.assertj.core.api.Assertions.assertThat;

import de.klammer.portal.LedgerIntegrationTest;
import de.klammer.portal.authority.AuthorityService;
import de.klammer.portal.authority.BoardMemberService;
import de.klammer.portal.browser.BoardSteps;
import de.klammer.portal.governance.internal.LedgerSubmitter;
import de.klammer.portal.ledger.LedgerGateway;
import de.klammer.portal.ledger.PolicyChange;
import de.klammer.portal.security.PortalUser;
import de.klammer.portal.security.TestUsers;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Two proposals computed against the same config. Once the second lands, the first's read set has moved, so its last
 * approval marks it stale instead of queueing it. A recompute collects signatures anew, and the real orderer accepts
 * the result.
 */
@LedgerIntegrationTest
class StaleProposalIT {

    @Autowired
    ProposalService proposals;

    @Autowired
    LedgerGateway ledger;

    @Autowired
    LedgerSubmitter submitter;

    @Autowired
    AuthorityService authorities;

    @Autowired
    BoardMemberService boardMembers;

    @AfterEach
    void signOut() {
        TestUsers.signOut();
    }

    @Test
    void recomputesStaleProposalUntilApplied() {
        TestUsers users = new TestUsers(authorities, boardMembers);
        PortalUser proposer = users.boardMember("bamf");
        PortalUser secondBamf = users.boardMember("bamf");
        PortalUser lds = users.boardMember("lds");
        TestUsers.signIn(proposer);
        UUID first = proposals.propose(new ProposalTexts("Endorsement rule", "Stale test", "Art. 6(1)(e) GDPR", false),
                        new PolicyChange(BoardSteps.ENDORSEMENT, BoardSteps.endorsementFlip(ledger, "asyl-status")))
                .id();
        UUID second = proposals.propose(new ProposalTexts("New policy", "Stale test", "Art. 6(1)(e) GDPR", false),
                        new PolicyChange("/Channel/Application/StaleProbe" + System.nanoTime(), "OR('LdsMSP.admin')"))
                .id();

        approveAs(secondBamf, second);
        approveAs(lds, second);
        submitter.processDueSubmissions();
        approveAs(secondBamf, first);
        ApprovalOutcome last = approveAs(lds, first);

        assertThat(proposals.getProposal(second).status()).isEqualTo(ProposalStatus.APPLIED);
        assertThat(last.status()).isEqualTo(ProposalStatus.STALE);
        TestUsers.signIn(proposer);
        ProposalDetails recomputed = proposals.recompute(first);
        assertThat(recomputed.status()).isEqualTo(ProposalStatus.OPEN);
        assertThat(recomputed.approvals()).isEmpty();

        approveAs(secondBamf, first);
        approveAs(lds, first);
        submitter.processDueSubmissions();

        ProposalDetails applied = proposals.getProposal(first);
        assertThat(applied.status()).isEqualTo(ProposalStatus.APPLIED);
        assertThat(applied.appliedSequence()).isEqualTo(ledger.readChannel("asyl-status").sequence());
    }

    private ApprovalOutcome approveAs(PortalUser member, UUID proposal) {
        TestUsers.signIn(member);
        return proposals.approve(proposal);
    }
}
