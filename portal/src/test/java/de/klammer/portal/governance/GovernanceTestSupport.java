package de.klammer.portal.governance;

import de.klammer.portal.authority.AuthorityService;
import de.klammer.portal.authority.BoardMemberService;
import de.klammer.portal.ledger.InMemoryLedgerGateway;
import de.klammer.portal.ledger.PolicyChange;
import de.klammer.portal.security.PortalUser;
import de.klammer.portal.security.TestUsers;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Base of the governance service tests: two board members of BAMF and one of LDS, an empty in-memory ledger before
 * each test, a proposal helper and queries on the governance tables.
 */
abstract class GovernanceTestSupport {

    static final PolicyChange CHANNEL_CHANGE = new PolicyChange("/Channel/Application/Endorsement", "ANY Endorsement");

    @Autowired
    ProposalService proposals;

    @Autowired
    InMemoryLedgerGateway ledger;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    AuthorityService authorities;

    @Autowired
    BoardMemberService boardMembers;

    TestUsers users;
    PortalUser bamfProposer;
    PortalUser bamfMember;
    PortalUser ldsMember;

    @BeforeEach
    void createBoardMembers() {
        ledger.reset();
        users = new TestUsers(authorities, boardMembers);
        bamfProposer = users.boardMember("bamf");
        bamfMember = users.boardMember("bamf");
        ldsMember = users.boardMember("lds");
    }

    @AfterEach
    void signOut() {
        TestUsers.signOut();
    }

    /**
     * Moves the submissions that earlier tests left in progress a day ahead, so that this test's submitter run skips
     * them.
     */
    void postponeUnfinishedSubmissions() {
        jdbc.sql("update ledger_submission set next_attempt_at = now() + interval '1 day' "
                        + "where state in ('pending', 'sending', 'sent')")
                .update();
    }

    /** Signs in the BAMF proposer and opens a proposal for the change. */
    ProposalDetails propose(PolicyChange change, boolean personalData) {
        TestUsers.signIn(bamfProposer);
        return proposals.propose(
                new ProposalTexts(
                        "Endorsement by any organisation",
                        "Each authority endorses alone.",
                        "Art. 6(1)(e) GDPR",
                        personalData),
                change);
    }

    String statusOf(UUID proposalId) {
        return jdbc.sql("select status from proposal where id = ?").param(proposalId).query(String.class).single();
    }

    long voteCount(UUID proposalId) {
        return jdbc.sql("select count(*) from vote where proposal_id = ?").param(proposalId).query(Long.class).single();
    }

    long signatureCount(UUID proposalId) {
        return jdbc.sql("select count(*) from approval where proposal_id = ? and config_signature is not null")
                .param(proposalId)
                .query(Long.class)
                .single();
    }

    long proposalCount() {
        return jdbc.sql("select count(*) from proposal").query(Long.class).single();
    }

    @Nullable String submissionState(UUID proposalId) {
        return jdbc.sql("select state from ledger_submission where proposal_id = ?")
                .param(proposalId)
                .query(String.class)
                .optional()
                .orElse(null);
    }
}
