package de.klammer.portal.offboarding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import de.klammer.portal.IntegrationTest;
import de.klammer.portal.authority.Authority;
import de.klammer.portal.authority.AuthorityService;
import de.klammer.portal.authority.AuthorityStatus;
import de.klammer.portal.authority.BoardMemberService;
import de.klammer.portal.authority.TestAuthorities;
import de.klammer.portal.governance.ChangeType;
import de.klammer.portal.governance.ProposalDecided;
import de.klammer.portal.governance.ProposalDetails;
import de.klammer.portal.governance.ProposalService;
import de.klammer.portal.governance.ProposalStatus;
import de.klammer.portal.governance.ProposalTexts;
import de.klammer.portal.governance.VoteChoice;
import de.klammer.portal.identity.KeySource;
import de.klammer.portal.identity.LedgerIdentityService;
import de.klammer.portal.identity.LedgerIdentityStatus;
import de.klammer.portal.identity.LedgerRole;
import de.klammer.portal.ledger.InMemoryLedgerGateway;
import de.klammer.portal.ledger.PolicyChange;
import de.klammer.portal.offboarding.PreviewFinding.Kind;
import de.klammer.portal.offboarding.internal.OffboardingStore;
import de.klammer.portal.security.PortalRole;
import de.klammer.portal.security.TestUsers;
import de.klammer.portal.shell.AuthoritySecrets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/** Offboarding rules against the in-memory ledger: preview findings, proposing, the decision and the revocation. */
@IntegrationTest
class OffboardingServiceTests {

    private static final String CHANNEL = "asyl-status";
    private static final ProposalTexts TEXTS =
            new ProposalTexts("Offboarding", "The authority leaves the pilot.", "Art. 6(1)(e) GDPR", false);

    @Autowired
    OffboardingService offboardings;

    @Autowired
    ProposalService proposals;

    @Autowired
    LedgerIdentityService identities;

    @Autowired
    InMemoryLedgerGateway ledger;

    @Autowired
    AuthorityService authorities;

    @Autowired
    BoardMemberService boardMembers;

    @Autowired
    OffboardingStore store;

    @Autowired
    AuthoritySecrets secrets;

    @Autowired
    ApplicationEventPublisher events;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    JdbcClient jdbc;

    TestUsers users;
    TestAuthorities testAuthorities;
    final List<UUID> insertedAuthorities = new ArrayList<>();

    @BeforeEach
    void resetLedger() {
        ledger.reset();
        users = new TestUsers(authorities, boardMembers);
        testAuthorities = new TestAuthorities(jdbc, secrets);
    }

    @AfterEach
    void cleanUp() {
        TestUsers.signOut();
        ledger.reset();
        // Inserted authorities would otherwise join the electorate of later tests in the shared context.
        insertedAuthorities.forEach(testAuthorities::archive);
        jdbc.sql("update authority_offboarding set state = 'abandoned' where state = 'proposed'").update();
        jdbc.sql("update authority set offboarding_proposal_id = null where status = 'active'").update();
    }

    @Test
    void previewNamesBlockingAndWarningPolicies() {
        changePolicy("/Channel/Application/Endorsement", "1 of {LdsMSP.peer}");
        changePolicy("/Channel/Application/BamfMSP/Endorsement", "1 of {BamfMSP.peer, LdsMSP.peer}");
        TestUsers.signIn(users.user("lds", PortalRole.AUTHORITY_ADMIN));

        OffboardingPreview preview = offboardings.preview(authority("lds").id());

        assertThat(preview.blocked()).isTrue();
        assertThat(preview.remainingOrganizations()).containsExactly("BamfMSP");
        assertThat(preview.findings().getFirst())
                .isEqualTo(new PreviewFinding(Kind.UNSATISFIABLE_POLICY, "/Channel/Application/Endorsement"));
        assertThat(preview.findings())
                .contains(new PreviewFinding(
                        Kind.POLICY_NAMES_ORGANIZATION, "/Channel/Application/BamfMSP/Endorsement"))
                .doesNotContain(new PreviewFinding(
                        Kind.POLICY_NAMES_ORGANIZATION, "/Channel/Application/LdsMSP/Endorsement"));
        assertThat(preview.describe().getFirst()).isEqualTo("Remove LdsMSP from the channel; remaining: BamfMSP");
    }

    @Test
    void proposeRejectsBlockedOffboarding() {
        changePolicy("/Channel/Application/Endorsement", "1 of {LdsMSP.peer}");
        TestUsers.signIn(users.boardMember("bamf"));
        long proposalsBefore = count("select count(*) from proposal");

        assertThatExceptionOfType(OffboardingBlockedException.class)
                .isThrownBy(() -> offboardings.propose(authority("lds").id(), TEXTS))
                .withMessageContaining("/Channel/Application/Endorsement")
                .withMessageContaining("LdsMSP");
        assertThat(count("select count(*) from proposal")).isEqualTo(proposalsBefore);
        assertThat(store.findUndecided(authority("lds").id())).isEmpty();
    }

    @Test
    void proposeOpensRemovalUnderOffboardingRule() {
        UUID lds = authority("lds").id();
        TestUsers.signIn(users.boardMember("bamf"));

        ProposalDetails proposal = offboardings.propose(lds, TEXTS);
        OffboardingPreview again = offboardings.preview(lds);

        assertThat(proposal.status()).isEqualTo(ProposalStatus.OPEN);
        assertThat(proposal.governance().changeType()).isEqualTo(ChangeType.OFFBOARDING);
        assertThat(proposal.change().path()).isEqualTo("organization-removal/LdsMSP");
        assertThat(proposal.writeSet())
                .containsExactly("Remove the organisation LdsMSP from the channel's application group");
        assertThat(store.find(proposal.id()).orElseThrow().state()).isEqualTo("proposed");
        assertThat(offboardingProposalOf(lds)).isEqualTo(proposal.id());
        assertThat(again.blocked()).isTrue();
        assertThat(again.findings()).contains(new PreviewFinding(Kind.ALREADY_PROPOSED, proposal.reference()));
    }

    @Test
    void rejectedRemovalLeavesAuthorityActive() {
        UUID lds = authority("lds").id();
        TestUsers.signIn(users.boardMember("bamf"));
        ProposalDetails proposal = offboardings.propose(lds, TEXTS);

        TestUsers.signIn(users.boardMember("lds"));
        proposals.vote(proposal.id(), VoteChoice.NO, "We stay in the pilot.");

        assertThat(proposals.getProposal(proposal.id()).status()).isEqualTo(ProposalStatus.REJECTED);
        assertThat(store.find(proposal.id()).orElseThrow().state()).isEqualTo("abandoned");
        assertThat(offboardingProposalOf(lds)).isNull();
        assertThat(authorities.statusOf(lds)).isEqualTo(AuthorityStatus.ACTIVE);
    }

    @Test
    void appliedRemovalArchivesAndKeepsFailedRevocationRetryable() {
        String code = "kommune-" + Long.toString(System.nanoTime(), 36);
        String mspId = "Kommune" + System.nanoTime() + "MSP";
        UUID kommune = insertAuthority(code, mspId);
        UUID identityId = approvedIdentityWithoutCa(code);
        TestUsers.signIn(users.boardMember("bamf"));
        ProposalDetails proposal = proposals.proposeOffboarding(TEXTS, mspId, List.of("Remove " + mspId));
        store.insert(proposal.id(), kommune, mspId);

        transactions.executeWithoutResult(status -> events.publishEvent(
                new ProposalDecided(proposal.id(), proposal.reference(), proposal.title(), ProposalStatus.APPLIED)));
        OffboardingStore.Row afterApply = store.find(proposal.id()).orElseThrow();
        TestUsers.signIn(users.user("bamf", PortalRole.AUTHORITY_ADMIN));
        OffboardingState retried = offboardings.retryRevocation(proposal.id());

        assertThat(authorities.statusOf(kommune)).isEqualTo(AuthorityStatus.ARCHIVED);
        assertThat(authorities.findActive()).extracting(Authority::id).doesNotContain(kommune);
        assertThat(afterApply.state()).isEqualTo("revocation-failed");
        assertThat(afterApply.attempts()).isEqualTo(1);
        assertThat(afterApply.lastError()).contains(mspId);
        assertThat(retried).isEqualTo(OffboardingState.REVOCATION_FAILED);
        assertThat(store.find(proposal.id()).orElseThrow().attempts()).isEqualTo(2);
        assertThat(identityStatus(identityId))
                .as("nothing lost")
                .isEqualTo(LedgerIdentityStatus.APPROVED.databaseValue());
        assertThat(offboardings.list()).filteredOn(item -> item.proposalId().equals(proposal.id()))
                .singleElement()
                .satisfies(item -> assertThat(item.state()).isEqualTo(OffboardingState.REVOCATION_FAILED));
        assertThat(auditActions(mspId)).contains("authority.archived", "offboarding.revocation-failed");
    }

    @Test
    void archivedAuthorityLeavesElectorate() {
        String code = "kommune-" + Long.toString(System.nanoTime(), 36);
        UUID kommune = insertAuthority(code, "Kommune" + System.nanoTime() + "MSP");
        users.boardMember(code);
        TestUsers.signIn(users.boardMember("bamf"));
        ProposalDetails proposal = proposals.propose(TEXTS, new PolicyChange("/Channel/Application/Endorsement",
                "ANY Endorsement"));
        int before = proposal.governance().count().tally().electorate();

        testAuthorities.archive(kommune);
        int after = proposals.getProposal(proposal.id()).governance().count().tally().electorate();

        assertThat(after).isEqualTo(before - 1);
    }

    private UUID insertAuthority(String code, String mspId) {
        UUID id = testAuthorities.insertActive(code, "Gemeinde " + code, mspId, "https://127.0.0.1/realms/" + code);
        insertedAuthorities.add(id);
        return id;
    }

    /** Requests a system identity and approves it; with no CA for the authority the registration fails. */
    private UUID approvedIdentityWithoutCa(String code) {
        TestUsers.signIn(users.distinctUser(code, "admin-a-" + code, PortalRole.AUTHORITY_ADMIN));
        UUID id = identities.requestForSystem(
                        Set.of(LedgerRole.REGISTRATION_CLERK), LocalDate.now().plusMonths(3), KeySource.GENERATED)
                .id();
        TestUsers.signIn(users.distinctUser(code, "admin-b-" + code, PortalRole.AUTHORITY_ADMIN));
        assertThatExceptionOfType(IllegalArgumentException.class)
                .isThrownBy(() -> identities.approve(id))
                .withMessageContaining("No Fabric CA");
        TestUsers.signOut();
        return id;
    }

    private void changePolicy(String path, String rule) {
        ledger.apply(ledger.prepare(CHANNEL, new PolicyChange(path, rule)));
    }

    private Authority authority(String code) {
        return authorities.findAll().stream().filter(a -> a.code().equals(code)).findFirst().orElseThrow();
    }

    private long count(String sql) {
        return jdbc.sql(sql).query(Long.class).single();
    }

    private @Nullable UUID offboardingProposalOf(UUID authorityId) {
        return jdbc.sql("select offboarding_proposal_id from authority where id = ?")
                .param(authorityId)
                .query((row, rowNumber) -> row.getObject(1, UUID.class))
                .list()
                .getFirst();
    }

    private String identityStatus(UUID identityId) {
        return jdbc.sql("select status from ledger_identity where id = ?")
                .param(identityId)
                .query(String.class)
                .single();
    }

    private List<String> auditActions(String mspId) {
        return jdbc.sql("select action from audit_event where subject_type = 'authority' and subject_id = ?")
                .param(mspId)
                .query(String.class)
                .list();
    }
}
