package de.klammer.portal.governance;

import static org.assertj.core.api.Assertions.assertThat;

import de.klammer.portal.LedgerIntegrationTest;
import de.klammer.portal.browser.BoardSteps;
import de.klammer.portal.browser.PortalBrowser;
import de.klammer.portal.ledger.LedgerGateway;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A board member votes no in the browser: first without a reason, which the page refuses at the field, then with one,
 * which rejects the proposal. An auditor then downloads its decision record as PDF and CSV.
 */
@LedgerIntegrationTest
class VotingBrowserIT {

    @LocalServerPort
    int port;

    @Autowired
    LedgerGateway ledger;

    @Test
    void noVoteRejectsAndRecordDownloads() throws IOException, InterruptedException {
        String reference = BoardSteps.propose(baseUrl(), "bamf", "bamf-board-1", BoardSteps.endorsementFlip(ledger, "asyl-status"));

        try (PortalBrowser member = PortalBrowser.open(baseUrl())) {
            member.signIn("lds", "lds-board-1");
            member.openProposal(reference);
            member.voteNo(" ");
            assertThat(member.text(By.cssSelector("#vote-reason[invalid]"))).contains("Bitte begründen Sie Ihre Stimme.");
            assertThat(member.text(By.id("proposal-status"))).isEqualTo("Offen");

            member.voteNo("Die LDS behält ihre eigene Bestätigung.");
            member.awaitText(By.id("proposal-status"), "Abgelehnt");
            assertThat(member.text(By.id("proposal-needed"))).isEqualTo("Die Beschlussregel kann nicht mehr erfüllt werden.");
        }

        try (PortalBrowser auditor = PortalBrowser.open(baseUrl())) {
            auditor.signIn("lds", "lds-auditor");
            auditor.openProposal(reference);
            assertThat(auditor.text(By.id("proposal-count"))).contains("1 Nein");

            PortalBrowser.Download pdf = auditor.download(By.id("download-record-pdf"));
            PortalBrowser.Download csv = auditor.download(By.id("download-record-csv"));

            assertThat(pdf.status()).isEqualTo(200);
            assertThat(pdfText(pdf.body())).contains(reference).contains("Die LDS behält ihre eigene Bestätigung.");
            assertThat(csv.status()).isEqualTo(200);
            assertThat(new String(csv.body(), StandardCharsets.UTF_8)).contains(reference).contains(",rejected,");
        }
    }

    private static String pdfText(byte[] pdf) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(document);
        }
    }

    private String baseUrl() {
        return "http://127.0.0.1:" + port;
    }
}
