package de.klammer.portal.governance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import de.klammer.portal.IntegrationTest;
import de.klammer.portal.audit.AuditEvent;
import de.klammer.portal.governance.internal.ImportedSignatureRepository;
import de.klammer.portal.ledger.AuthoritySignature;
import de.klammer.portal.ledger.PreparedUpdate;
import de.klammer.portal.security.PortalRole;
import de.klammer.portal.security.PortalUser;
import de.klammer.portal.security.TestUsers;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;

/** Rules of signature export and import, against the in-memory ledger stand-in. */
@IntegrationTest
class ExternalSignatureServiceTests extends GovernanceTestSupport {

    @Autowired
    ExternalSignatureService externalSignatures;

    @Autowired
    ImportedSignatureRepository importedSignatures;

    @Test
    void importedSignatureCountsLikePortalSignature() {
        ProposalDetails proposal = proposeAndSignAsBamf();
        TestUsers.signIn(users.user("lds", PortalRole.AUTHORITY_ADMIN));

        SignatureImportResult result = externalSignatures.importSignedEnvelope(proposal.id(), signedBy("LdsMSP", proposal));
        TestUsers.signIn(ldsMember);
        ApprovalOutcome vote = proposals.approve(proposal.id());

        assertThat(result.accepted()).isTrue();
        assertThat(result.outcome().missingSignatures()).isEmpty();
        assertThat(vote.signed()).as("LDS signed in the portal again").isFalse();
        assertThat(vote.status()).isEqualTo(ProposalStatus.APPROVED);
        assertThat(actions(proposal)).contains("signature.imported");
    }

    @Test
    void outsideKeyVoteAwaitsImport() {
        ledger.keepAdminKeyOutside("LdsMSP");
        ProposalDetails proposal = proposeAndSignAsBamf();

        TestUsers.signIn(ldsMember);
        ApprovalOutcome vote = proposals.approve(proposal.id());
        TestUsers.signIn(users.user("lds", PortalRole.AUTHORITY_ADMIN));
        SignatureImportResult imported =
                externalSignatures.importSignedEnvelope(proposal.id(), signedBy("LdsMSP", proposal));

        assertThat(vote.signed()).isFalse();
        assertThat(vote.status()).isEqualTo(ProposalStatus.OPEN);
        assertThat(vote.missingSignatures()).singleElement().asString().contains("LdsMSP");
        assertThat(actions(proposal)).contains("proposal.signature-expected");
        assertThat(imported.accepted()).isTrue();
        assertThat(imported.outcome().status()).isEqualTo(ProposalStatus.APPROVED);
    }

    @Test
    void rejectsSignatureOfOtherAuthority() {
        ProposalDetails proposal = propose(CHANNEL_CHANGE, false);
        TestUsers.signIn(users.user("lds", PortalRole.AUTHORITY_ADMIN));

        SignatureImportResult result = externalSignatures.importSignedEnvelope(proposal.id(), signedBy("BamfMSP", proposal));

        assertThat(result.accepted()).isFalse();
        assertThat(result.reasons()).singleElement().asString().contains("this import is for LdsMSP");
        assertThat(importedSignatures.findByProposalIdOrderByImportedAtAsc(proposal.id())).isEmpty();
        assertThat(actions(proposal)).contains("signature.import-rejected");
    }

    @Test
    void rejectsUnsignedExport() {
        ProposalDetails proposal = proposeAndSignAsBamf();
        TestUsers.signIn(users.user("lds", PortalRole.BOARD_MEMBER));
        byte[] unsigned = externalSignatures.exportEnvelope(proposal.id()).content();

        SignatureImportResult result = externalSignatures.importSignedEnvelope(proposal.id(), unsigned);

        assertThat(result.accepted()).isFalse();
        assertThat(result.reasons()).singleElement().asString().contains("no new signature of LdsMSP");
    }

    @Test
    void rejectsOversizedEnvelope() {
        ProposalDetails proposal = proposeAndSignAsBamf();
        TestUsers.signIn(users.user("lds", PortalRole.AUTHORITY_ADMIN));
        byte[] oversized = new byte[ExternalSignatureService.MAX_ENVELOPE_BYTES + 1];

        assertThatExceptionOfType(IllegalArgumentException.class)
                .isThrownBy(() -> externalSignatures.importSignedEnvelope(proposal.id(), oversized))
                .withMessageContaining(String.valueOf(oversized.length));
        assertThat(importedSignatures.findByProposalIdOrderByImportedAtAsc(proposal.id())).isEmpty();
    }

    @Test
    void rejectsAuthorityThatSignedAlready() {
        ProposalDetails proposal = proposeAndSignAsBamf();
        TestUsers.signIn(users.user("bamf", PortalRole.AUTHORITY_ADMIN));

        assertThat(externalSignatures.openSigningSlot(proposal.id())).isEmpty();
        assertThatExceptionOfType(IllegalStateException.class)
                .isThrownBy(() -> externalSignatures.exportEnvelope(proposal.id()))
                .withMessageContaining("BamfMSP has already signed");
    }

    @Test
    void deniesOtherRoles() {
        ProposalDetails proposal = proposeAndSignAsBamf();
        PortalUser dpo = users.user("lds", PortalRole.DPO);
        TestUsers.signIn(dpo);

        assertThat(externalSignatures.openSigningSlot(proposal.id())).isEmpty();
        assertThatExceptionOfType(AccessDeniedException.class)
                .isThrownBy(() -> externalSignatures.exportEnvelope(proposal.id()));
        assertThatExceptionOfType(AccessDeniedException.class)
                .isThrownBy(() -> externalSignatures.importSignedEnvelope(proposal.id(), new byte[] {1}));
    }

    @Test
    void recomputeDropsImportedSignature() {
        ProposalDetails proposal = proposeAndSignAsBamf();
        TestUsers.signIn(users.user("lds", PortalRole.AUTHORITY_ADMIN));
        externalSignatures.importSignedEnvelope(proposal.id(), signedBy("LdsMSP", proposal));
        ledger.advanceSequence();

        TestUsers.signIn(bamfMember);
        proposals.recompute(proposal.id());

        assertThat(importedSignatures.findByProposalIdOrderByImportedAtAsc(proposal.id())).isEmpty();
        assertThat(actions(proposal)).contains("imported-signature.discarded");
    }

    private List<String> actions(ProposalDetails proposal) {
        return proposals.getProposal(proposal.id()).auditTrail().stream().map(AuditEvent::action).toList();
    }

    private ProposalDetails proposeAndSignAsBamf() {
        ProposalDetails proposal = propose(CHANNEL_CHANGE, false);
        TestUsers.signIn(bamfMember);
        proposals.approve(proposal.id());
        return proposal;
    }

    /**
     * Returns the stand-in export of the proposal with a stand-in signature of {@code mspId} added after BAMF's, as
     * if the export had carried BAMF's portal signature.
     */
    private byte[] signedBy(String mspId, ProposalDetails proposal) {
        PreparedUpdate update = new PreparedUpdate(proposal.channel(), new byte[0], proposal.configUpdateSha256(),
                proposal.baseSequence(), List.of(), List.of(), proposal.signingMspIds());
        List<AuthoritySignature> signatures = new ArrayList<>();
        if (!mspId.equals("BamfMSP")) {
            signatures.add(ledger.sign("BamfMSP", update));
        }
        signatures.add(ledger.signOutside(mspId, update));
        return ledger.exportForSigning(update, signatures);
    }
}
