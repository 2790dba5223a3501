package de.klammer.portal.bench;

import static org.assertj.core.api.Assertions.assertThat;

import de.klammer.portal.browser.BoardSteps;
import de.klammer.portal.governance.ProposalDetails;
import de.klammer.portal.governance.ProposalService;
import de.klammer.portal.governance.ProposalStatus;
import de.klammer.portal.governance.ProposalTexts;
import de.klammer.portal.ledger.LedgerGateway;
import de.klammer.portal.ledger.PolicyChange;
import de.klammer.portal.security.PortalUser;
import de.klammer.portal.security.TestUsers;
import java.time.Duration;

/**
 * One Endorsement flip through Klammer's governance: a BAMF member proposes, a second BAMF member approves, and the
 * measured part runs from the LDS member's last approval to the proposal reading applied in the database.
 */
final class ApprovalRound {

    private final ProposalService proposals;
    private final LedgerGateway ledger;
    private final PortalUser proposer;
    private final PortalUser secondBamf;
    private final PortalUser lds;

    ApprovalRound(ProposalService proposals, LedgerGateway ledger, PortalUser proposer, PortalUser secondBamf,
            PortalUser lds) {
        this.proposals = proposals;
        this.ledger = ledger;
        this.proposer = proposer;
        this.secondBamf = secondBamf;
        this.lds = lds;
    }

    /** Runs one round and returns the seconds from the last approval to the applied proposal. */
    double run(String title) throws InterruptedException {
        TestUsers.signIn(proposer);
        String rule = BoardSteps.endorsementFlip(ledger, proposals.channel());
        ProposalDetails proposal = proposals.propose(
                new ProposalTexts(title, "Latency measurement", "Art. 6(1)(e) GDPR", false),
                new PolicyChange(BoardSteps.ENDORSEMENT, rule));
        TestUsers.signIn(secondBamf);
        proposals.approve(proposal.id());
        TestUsers.signIn(lds);

        long start = System.nanoTime();
        proposals.approve(proposal.id());
        awaitApplied(proposal);
        return (System.nanoTime() - start) / 1e9;
    }

    private void awaitApplied(ProposalDetails proposal) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline) {
            ProposalStatus status = proposals.getProposal(proposal.id()).status();
            if (status == ProposalStatus.APPLIED) {
                return;
            }
            assertThat(status).as("status of " + proposal.reference()).isIn(
                    ProposalStatus.APPROVED, ProposalStatus.SUBMITTED);
            Thread.sleep(20);
        }
        throw new AssertionError(proposal.reference() + " was not applied within 60 s");
    }
}
