package de.klammer.portal.governance;

import static org.assertj.core.api.Assertions.assertThat;

import de.klammer.portal.LedgerIntegrationTest;
import de.klammer.portal.browser.BoardSteps;
import de.klammer.portal.browser.PortalBrowser;
import de.klammer.portal.governance.internal.LedgerSubmitter;
import de.klammer.portal.ledger.FabricPeerCommand;
import de.klammer.portal.ledger.LedgerGateway;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The LDS administrator downloads a proposal's update in the browser, signs it with {@code peer channel
 * signconfigtx}, and uploads it. The signature counts, and after the LDS board member's vote the orderer applies the
 * update. The test then applies the earlier rule again.
 */
@LedgerIntegrationTest
class ExternalSigningBrowserIT {

    @LocalServerPort
    int port;

    @Autowired
    LedgerGateway ledger;

    @Autowired
    LedgerSubmitter submitter;

    @TempDir
    Path workDir;

    @Test
    void uploadedSignatureCountsInBrowser() throws Exception {
        String rule = BoardSteps.endorsementFlip(ledger, "asyl-status");
        String previousRule = rule.equals("ANY Endorsement") ? "MAJORITY Endorsement" : "ANY Endorsement";
        String reference = BoardSteps.propose(baseUrl(), "bamf", "bamf-board-1", rule);
        BoardSteps.approve(baseUrl(), "bamf", "bamf-board-2", reference, "Offen");
        FabricPeerCommand peer = FabricPeerCommand.create(FabricPeerCommand.testNetwork(), workDir.resolve("cli"));

        try (PortalBrowser admin = PortalBrowser.open(baseUrl())) {
            admin.signIn("lds", "lds-admin");
            admin.openProposal(reference);
            assertThat(admin.text(By.id("external-signing-heading"))).contains("LdsMSP");
            PortalBrowser.Download envelope = admin.download(By.id("signatures-download-pb"));
            PortalBrowser.Download json = admin.download(By.id("signatures-download-json"));
            Path file = workDir.resolve("lds.pb");
            Files.write(file, envelope.body());
            peer.signConfigTx(file, "lds-admin");

            admin.uploadFile(By.id("signatures-upload"), file);
            awaitSectionGone(admin);

            assertThat(envelope.status()).isEqualTo(200);
            assertThat(json.status()).isEqualTo(200);
            assertThat(new String(json.body(), StandardCharsets.UTF_8)).contains("\"type\": 2");
            assertThat(admin.text(By.id("proposal-status"))).isEqualTo("Offen");
        }
        BoardSteps.approve(baseUrl(), "lds", "lds-board-1", reference, "Beschlossen");
        submitter.processDueSubmissions();

        assertThat(BoardSteps.endorsementFlip(ledger, "asyl-status")).as("rule after the update").isEqualTo(previousRule);
        restore(previousRule, rule);
    }

    /** Waits until the page re-renders without the signing section, which happens once the import counted. */
    private static void awaitSectionGone(PortalBrowser admin) throws InterruptedException {
        long deadline = System.nanoTime() + 30_000_000_000L;
        while (!admin.elements(By.id("external-signing")).isEmpty()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("signing section still shown 30 s after the upload; result line: "
                        + admin.text(By.id("signatures-import-result")));
            }
            Thread.sleep(100);
        }
    }

    /** Applies the earlier rule again through the portal, so the channel ends as it started. */
    private void restore(String previousRule, String rule) throws Exception {
        String reference = BoardSteps.propose(baseUrl(), "bamf", "bamf-board-1", previousRule);
        BoardSteps.approve(baseUrl(), "bamf", "bamf-board-2", reference, "Offen");
        BoardSteps.approve(baseUrl(), "lds", "lds-board-1", reference, "Beschlossen");
        submitter.processDueSubmissions();
        assertThat(BoardSteps.endorsementFlip(ledger, "asyl-status")).as("rule after the restore").isEqualTo(rule);
    }

    private String baseUrl() {
        return "http://127.0.0.1:" + port;
    }
}
