package de.klammer.portal.concept;

import static org.assertj.core.api.Assertions.assertThat;

import de.klammer.portal.authority.AuthorityService;
import de.klammer.portal.authority.BoardMemberService;
import de.klammer.portal.governance.ProposalDetails;
import de.klammer.portal.governance.ProposalService;
import de.klammer.portal.governance.ProposalStatus;
import de.klammer.portal.governance.internal.LedgerSubmitter;
import de.klammer.portal.security.PortalUser;
import de.klammer.portal.security.TestUsers;
import java.util.UUID;

/**
 * Drives a proposal through the board at service level: a second BAMF member and an LDS member vote yes, which makes
 * both authorities sign, and the ledger submitter sends the update to the real orderer.
 */
public final class ConceptGovernanceSteps {

    private final TestUsers users;
    private final ProposalService proposals;
    private final LedgerSubmitter submitter;

    public ConceptGovernanceSteps(
            AuthorityService authorities,
            BoardMemberService boardMembers,
            ProposalService proposals,
            LedgerSubmitter submitter) {
        this.users = new TestUsers(authorities, boardMembers);
        this.proposals = proposals;
        this.submitter = submitter;
    }

    /** Returns a new BAMF board member, signed in. */
    public PortalUser signInBamfMember() {
        PortalUser member = users.boardMember("bamf");
        TestUsers.signIn(member);
        return member;
    }

    /** Votes yes as a second BAMF member and an LDS member, submits, and returns the proposal as the proposer reads it. */
    public ProposalDetails approveAndSubmit(UUID proposalId, PortalUser proposer) {
        TestUsers.signIn(users.boardMember("bamf"));
        proposals.approve(proposalId);
        TestUsers.signIn(users.boardMember("lds"));
        proposals.approve(proposalId);
        assertThat(proposals.getProposal(proposalId).status()).isEqualTo(ProposalStatus.APPROVED);

        submitter.processDueSubmissions();
        TestUsers.signIn(proposer);
        return proposals.getProposal(proposalId);
    }
}
