package de.klammer.portal.concept;

import static org.assertj.core.api.Assertions.assertThat;

import de.klammer.portal.IntegrationTest;
import de.klammer.portal.authority.AuthorityService;
import de.klammer.portal.authority.BoardMemberService;
import de.klammer.portal.browser.PortalBrowser;
import de.klammer.portal.browser.PortalBrowser.Download;
import de.klammer.portal.concept.ConceptModel.Right;
import de.klammer.portal.concept.ConceptModel.Role;
import de.klammer.portal.concept.ConceptModel.StatusType;
import de.klammer.portal.governance.ProposalService;
import de.klammer.portal.security.PortalRole;
import de.klammer.portal.security.TestUsers;
import java.io.IOException;
import java.util.List;
import java.util.UUID;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A board member proposes the draft from the plan page, finds the difference on the new proposal, and downloads the
 * draft's written concept from the versions page.
 */
@IntegrationTest
class ConceptApplyBrowserIT {

    @LocalServerPort
    int port;

    @Autowired
    ConceptService concept;

    @Autowired
    ProposalService proposals;

    @Autowired
    AuthorityService authorities;

    @Autowired
    BoardMemberService boardMembers;

    @Test
    void proposesDraftFromPlanPage() throws IOException, InterruptedException {
        String probe = "ui-" + UUID.randomUUID().toString().substring(0, 8);
        ConceptVersion draft = addProbeRight(probe);

        try (PortalBrowser browser = PortalBrowser.open("http://localhost:" + port)) {
            browser.signIn("bamf", "bamf-board-1");
            browser.openPage("/concept/plan");
            browser.text(By.id("concept-plan-compute"));
            browser.elements(By.id("concept-plan-compute")).getFirst().click();

            assertThat(browser.text(By.id("concept-plan-differences")))
                    .contains("Grant role " + probe + "-clerk the right to write status type " + probe);
            browser.text(By.id("concept-propose-submit"));
            browser.elements(By.cssSelector("#concept-propose-title input")).getFirst().sendKeys("Prüfstatus " + probe);
            browser.elements(By.cssSelector("#concept-propose-rationale textarea")).getFirst()
                    .sendKeys("Neuer Status für die Registrierung");
            browser.elements(By.cssSelector("#concept-propose-legal-basis input")).getFirst()
                    .sendKeys("Verwaltungsvereinbarung");
            browser.elements(By.cssSelector("#concept-propose-personal-data input")).getFirst().click();
            browser.elements(By.id("concept-propose-submit")).getFirst().click();

            assertThat(browser.text(By.id("proposal-concept-differences")))
                    .contains("Add status type " + probe + " (Prüfstatus) to sub-process registration");
            assertThat(browser.currentPath()).startsWith("/proposals/");
            UUID proposalId = UUID.fromString(browser.currentPath().substring("/proposals/".length()));

            browser.openPage("/concept/versions");
            browser.text(By.id("concept-versions"));
            Download pdf = browser.download(By.id("concept-version-" + draft.number() + "-pdf"));
            assertThat(pdf.status()).isEqualTo(200);
            String text = pdfText(pdf.body());
            assertThat(text).contains("Rollen- und Rechtekonzept, Version " + draft.number());
            assertThat(text).contains("Beschluss: noch nicht beschlossen");
            assertThat(text).contains("write: " + probe + "-clerk");
            releaseDraft(proposalId);
        }
    }

    @Test
    void driftPageWithoutAppliedVersion() throws IOException {
        try (PortalBrowser browser = PortalBrowser.open("http://localhost:" + port)) {
            browser.signIn("lds", "lds-auditor");
            browser.openPage("/concept/drift");
            browser.text(By.id("concept-drift-check"));
            browser.elements(By.id("concept-drift-check")).getFirst().click();

            browser.awaitText(By.id("concept-drift-status"),
                    "Keine Abweichungen: Der Kanal setzt die geltende Version genau durch.");
            assertThat(browser.elements(By.id("concept-reconcile-form"))).isEmpty();
        }
    }

    /** Vetoes the proposal as data protection officer, so that later tests can change the draft again. */
    private void releaseDraft(UUID proposalId) {
        TestUsers.signIn(new TestUsers(authorities, boardMembers).user("bamf", PortalRole.DPO));
        try {
            proposals.veto(proposalId, "Nur ein Test der Oberfläche");
        } finally {
            TestUsers.signOut();
        }
    }

    private ConceptVersion addProbeRight(String probe) {
        TestUsers.signIn(new TestUsers(authorities, boardMembers).boardMember("bamf"));
        try {
            concept.addStatusType(new StatusType(probe, "registration", "Prüfstatus"));
            concept.saveRole(new Role(probe + "-clerk", "Prüfsachbearbeitung", null, "bamf", List.of()));
            concept.setRight(new Right(probe + "-clerk", probe, Action.WRITE), true);
            return concept.draft().orElseThrow();
        } finally {
            TestUsers.signOut();
        }
    }

    private static String pdfText(byte[] pdf) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(document);
        }
    }
}
