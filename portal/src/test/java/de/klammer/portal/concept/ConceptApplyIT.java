package de.klammer.portal.concept;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import de.klammer.portal.LedgerIntegrationTest;
import de.klammer.portal.authority.AuthorityService;
import de.klammer.portal.authority.BoardMemberService;
import de.klammer.portal.concept.ConceptModel.Right;
import de.klammer.portal.concept.ConceptModel.Role;
import de.klammer.portal.concept.ConceptModel.StatusType;
import de.klammer.portal.concept.ConceptModel.SubProcess;
import de.klammer.portal.governance.ProposalDetails;
import de.klammer.portal.governance.ProposalService;
import de.klammer.portal.governance.ProposalStatus;
import de.klammer.portal.governance.ProposalTexts;
import de.klammer.portal.governance.internal.LedgerSubmitter;
import de.klammer.portal.security.PortalRole;
import de.klammer.portal.security.PortalUser;
import de.klammer.portal.security.TestUsers;
import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Applies a concept draft through the board's vote on the real orderer. */
@LedgerIntegrationTest
class ConceptApplyIT {

    @Autowired
    ConceptService concept;

    @Autowired
    ConceptPlanService plans;

    @Autowired
    ConceptApplyService apply;

    @Autowired
    ConceptExportService exports;

    @Autowired
    ProposalService proposals;

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
    void appliedProposalAppliesConceptVersion() throws IOException {
        ConceptGovernanceSteps steps = new ConceptGovernanceSteps(authorities, boardMembers, proposals, submitter);
        PortalUser proposer = steps.signInBamfMember();
        String probe = "apply-" + UUID.randomUUID().toString().substring(0, 8);
        ConceptVersion draft = addProbeRight(probe);

        ProposalDetails proposal = apply.proposeDraft(new ProposalTexts(
                "Konzeptversion " + draft.number(), "Neuer Prüfstatus", "Verwaltungsvereinbarung", false));

        assertThat(proposal.change().path()).isEqualTo("concept-version/" + draft.number());
        assertThat(proposal.conceptDifferences())
                .contains("Add status type " + probe + " (Prüfstatus) to sub-process registration")
                .contains("Grant role " + probe + "-clerk the right to write status type " + probe);
        assertThat(proposal.writeSet()).anyMatch(line -> line.contains("Rights." + probe + ".Write"));
        assertThat(concept.draft()).map(ConceptVersion::id).contains(draft.id());

        ProposalDetails decided = steps.approveAndSubmit(proposal.id(), proposer);

        assertThat(decided.status()).isEqualTo(ProposalStatus.APPLIED);
        ConceptVersion current = concept.current().orElseThrow();
        assertThat(current.id()).isEqualTo(draft.id());
        assertThat(current.status()).isEqualTo("applied");
        assertThat(current.decisionReference()).isEqualTo(proposal.reference());
        assertThat(concept.draft()).isEmpty();
        ConceptPlan after = plans.plan(draft.id());
        assertThat(after.isUpToDate()).isTrue();
        assertThat(after.changes()).isEmpty();
        String exported = pdfText(exports.pdf(current.id(), Locale.ENGLISH));
        assertThat(exported).contains("Decision: " + proposal.reference());
        assertThat(exported).contains(probe + " (Prüfstatus)");
        assertThat(exported).contains("write: " + probe + "-clerk");
    }

    @Test
    void draftUnderVoteRejectsChanges() {
        ConceptGovernanceSteps steps = new ConceptGovernanceSteps(authorities, boardMembers, proposals, submitter);
        PortalUser proposer = steps.signInBamfMember();
        String probe = "frozen-" + UUID.randomUUID().toString().substring(0, 8);
        ConceptVersion draft = addProbeRight(probe);
        ProposalDetails proposal = apply.proposeDraft(new ProposalTexts(
                "Konzeptversion " + draft.number(), "Neuer Prüfstatus", "Verwaltungsvereinbarung", true));

        assertThatThrownBy(() -> concept.addStatusType(
                        new StatusType(probe + "-late", "registration", "Zu spät")))
                .isInstanceOf(ConceptRuleViolationException.class)
                .hasMessageContaining("Draft " + draft.number())
                .hasMessageContaining(proposal.reference());
        assertThat(concept.model(draft.id()).statusTypes())
                .extracting(StatusType::code)
                .doesNotContain(probe + "-late");

        TestUsers.signIn(new TestUsers(authorities, boardMembers).user("bamf", PortalRole.DPO));
        proposals.veto(proposal.id(), "Die Datenschutzfolgen sind nicht bewertet");
        assertThat(proposals.getProposal(proposal.id()).status()).isEqualTo(ProposalStatus.REJECTED);

        TestUsers.signIn(proposer);
        concept.addStatusType(new StatusType(probe + "-late", "registration", "Zu spät"));
        assertThat(concept.model(draft.id()).statusTypes())
                .extracting(StatusType::code)
                .contains(probe + "-late");
    }

    private static String pdfText(byte[] pdf) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(document);
        }
    }

    /** Adds a status type and a role that may write it to the draft, so that the plan has a change. */
    private ConceptVersion addProbeRight(String probe) {
        ConceptModel model = concept.model(concept.openDraft().id());
        if (model.subProcesses().stream().noneMatch(sub -> sub.code().equals("registration"))) {
            concept.addSubProcess(new SubProcess("registration", "Registrierung, Aktenanlage und Anhörung"));
        }
        concept.addStatusType(new StatusType(probe, "registration", "Prüfstatus"));
        concept.saveRole(new Role(probe + "-clerk", "Prüfsachbearbeitung", null, "bamf",
                List.of()));
        concept.setRight(new Right(probe + "-clerk", probe, Action.WRITE), true);
        return concept.draft().orElseThrow();
    }
}
