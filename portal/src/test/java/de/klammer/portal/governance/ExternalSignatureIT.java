package de.klammer.portal.governance;

import static org.assertj.core.api.Assertions.assertThat;

import de.klammer.portal.LedgerIntegrationTest;
import de.klammer.portal.audit.AuditEvent;
import de.klammer.portal.audit.AuditService;
import de.klammer.portal.authority.AuthorityService;
import de.klammer.portal.authority.BoardMemberService;
import de.klammer.portal.browser.BoardSteps;
import de.klammer.portal.governance.ProposalDetails.ApprovalDetails;
import de.klammer.portal.governance.internal.ImportedSignatureRepository;
import de.klammer.portal.governance.internal.LedgerSubmitter;
import de.klammer.portal.ledger.FabricPeerCommand;
import de.klammer.portal.ledger.LedgerGateway;
import de.klammer.portal.ledger.PolicyChange;
import de.klammer.portal.ledger.PolicyView;
import de.klammer.portal.security.PortalRole;
import de.klammer.portal.security.PortalUser;
import de.klammer.portal.security.TestUsers;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Signatures exchanged with Fabric's own {@code peer channel signconfigtx} through the portal, against the real
 * orderer: the LDS signature comes from the CLI, is imported, counts, and the orderer accepts the update.
 */
@LedgerIntegrationTest
class ExternalSignatureIT {

    @Autowired
    ProposalService proposals;

    @Autowired
    ExternalSignatureService externalSignatures;

    @Autowired
    ImportedSignatureRepository importedSignatures;

    @Autowired
    LedgerSubmitter submitter;

    @Autowired
    LedgerGateway ledger;

    @Autowired
    AuditService audit;

    @Autowired
    AuthorityService authorities;

    @Autowired
    BoardMemberService boardMembers;

    @TempDir
    Path workDir;

    TestUsers users;
    FabricPeerCommand peer;

    @BeforeEach
    void createCommandLine() throws IOException {
        users = new TestUsers(authorities, boardMembers);
        peer = FabricPeerCommand.create(FabricPeerCommand.testNetwork(), workDir.resolve("peer-cli"));
    }

    @AfterEach
    void signOut() {
        TestUsers.signOut();
    }

    @Test
    void countsLdsSignatureFromPeerCli() throws Exception {
        String previousRule = currentEndorsementRule();
        PortalUser proposer = users.boardMember("bamf");
        UUID proposalId = proposeAndSignAsBamf(proposer, BoardSteps.endorsementFlip(ledger, proposals.channel()));
        TestUsers.signIn(users.user("lds", PortalRole.AUTHORITY_ADMIN));
        Path file = workDir.resolve("lds.pb");
        Files.write(file, externalSignatures.exportEnvelope(proposalId).content());
        String json = new String(externalSignatures.exportJson(proposalId).content(), StandardCharsets.UTF_8);

        peer.signConfigTx(file, "lds-admin");
        SignatureImportResult result = externalSignatures.importSignedEnvelope(proposalId, Files.readAllBytes(file));
        TestUsers.signIn(users.boardMember("lds"));
        ApprovalOutcome vote = proposals.approve(proposalId);
        submitter.processDueSubmissions();
        ProposalDetails applied = proposals.getProposal(proposalId);

        assertThat(json).contains("\"channel_id\": \"" + proposals.channel() + "\"");
        assertThat(result.reasons()).isEmpty();
        assertThat(result.accepted()).isTrue();
        assertThat(result.outcome().missingSignatures()).as("signatures missing after the import").isEmpty();
        assertThat(importedSignatures.findByProposalIdOrderByImportedAtAsc(proposalId)).hasSize(1);
        assertThat(vote.signed()).as("LDS vote made the portal sign again").isFalse();
        assertThat(vote.status()).isEqualTo(ProposalStatus.APPROVED);
        assertThat(applied.approvals()).filteredOn(approval -> approval.mspId().equals("LdsMSP"))
                .extracting(ApprovalDetails::signed)
                .containsOnly(false);
        assertThat(applied.status()).isEqualTo(ProposalStatus.APPLIED);
        assertThat(applied.appliedBlock()).isNotNull();
        assertThat(actions(applied.reference())).contains("signature.exported", "signature.imported", "proposal.applied");

        restoreEndorsementRule(previousRule, proposer);
    }

    @Test
    void rejectsForeignAndClientSignatures() throws Exception {
        PortalUser proposer = users.boardMember("bamf");
        UUID proposalId = proposeAndSignAsBamf(proposer, BoardSteps.endorsementFlip(ledger, proposals.channel()));
        PortalUser ldsAdmin = users.user("lds", PortalRole.AUTHORITY_ADMIN);
        TestUsers.signIn(ldsAdmin);
        List<String> missingBefore = missingSignatures(proposalId);
        Path bamfSigned = workDir.resolve("bamf-signed.pb");
        Files.write(bamfSigned, externalSignatures.exportEnvelope(proposalId).content());
        peer.signConfigTx(bamfSigned, "bamf-admin");
        Path clientSigned = workDir.resolve("client-signed.pb");
        Files.write(clientSigned, externalSignatures.exportEnvelope(proposalId).content());
        peer.signConfigTx(clientSigned, "lds-client");

        SignatureImportResult foreign =
                externalSignatures.importSignedEnvelope(proposalId, Files.readAllBytes(bamfSigned));
        SignatureImportResult client =
                externalSignatures.importSignedEnvelope(proposalId, Files.readAllBytes(clientSigned));

        assertThat(foreign.accepted()).isFalse();
        assertThat(foreign.reasons()).singleElement().asString()
                .contains("admin of BamfMSP")
                .contains("this import is for LdsMSP");
        assertThat(client.accepted()).isFalse();
        assertThat(client.reasons()).singleElement().asString().contains("is not an admin of LdsMSP");
        assertThat(importedSignatures.findByProposalIdOrderByImportedAtAsc(proposalId)).isEmpty();
        assertThat(proposals.getProposal(proposalId).status()).isEqualTo(ProposalStatus.OPEN);
        assertThat(missingSignatures(proposalId)).isEqualTo(missingBefore);
        assertThat(externalSignatures.openSigningSlot(proposalId)).contains("LdsMSP");
        assertThat(actions(proposals.getProposal(proposalId).reference()))
                .filteredOn("signature.import-rejected"::equals)
                .hasSize(2);
    }

    /** Opens a proposal as the BAMF proposer and makes BAMF sign with a second BAMF member's yes vote. */
    private UUID proposeAndSignAsBamf(PortalUser proposer, String rule) {
        TestUsers.signIn(proposer);
        ProposalDetails proposal = proposals.propose(new ProposalTexts("Endorsement rule",
                "Signatures from outside the portal.", "Art. 6(1)(e) GDPR", false),
                new PolicyChange(BoardSteps.ENDORSEMENT, rule));
        TestUsers.signIn(users.boardMember("bamf"));
        assertThat(proposals.approve(proposal.id()).signed()).as("BAMF signed in the portal").isTrue();
        return proposal.id();
    }

    /** Applies the earlier Endorsement rule again through the portal, so the channel ends as it started. */
    private void restoreEndorsementRule(String rule, PortalUser proposer) {
        UUID proposalId = proposeAndSignAsBamf(proposer, rule);
        TestUsers.signIn(users.boardMember("lds"));
        proposals.approve(proposalId);
        submitter.processDueSubmissions();
        assertThat(proposals.getProposal(proposalId).status()).as("restoring " + rule).isEqualTo(ProposalStatus.APPLIED);
        assertThat(currentEndorsementRule()).isEqualTo(rule);
    }

    private String currentEndorsementRule() {
        return ledger.readChannel(proposals.channel()).policies().stream()
                .filter(policy -> policy.path().equals(BoardSteps.ENDORSEMENT))
                .map(PolicyView::text)
                .findFirst()
                .orElseThrow();
    }

    private List<String> missingSignatures(UUID proposalId) {
        return proposals.getProposal(proposalId).governance().missingSignatures();
    }

    private List<String> actions(String reference) {
        return audit.findBySubject("proposal", reference).stream().map(AuditEvent::action).toList();
    }
}
