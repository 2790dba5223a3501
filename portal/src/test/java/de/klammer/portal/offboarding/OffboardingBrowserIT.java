package de.klammer.portal.offboarding;

import static org.assertj.core.api.Assertions.assertThat;

import de.klammer.portal.IntegrationTest;
import de.klammer.portal.browser.PortalBrowser;
import java.io.IOException;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The offboarding view in the browser: an authority administrator gets the preview but cannot propose, and a board
 * member proposes the removal from the preview and lands on the new proposal.
 */
@IntegrationTest
class OffboardingBrowserIT {

    private static final String LDS = "Landesdirektion Sachsen (LdsMSP)";

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @AfterEach
    void abandonOpenOffboardings() {
        // A proposed offboarding of LDS would block the preview of every later test in the shared context.
        jdbc.sql("update authority_offboarding set state = 'abandoned' where state = 'proposed'").update();
        jdbc.sql("update authority set offboarding_proposal_id = null where status = 'active'").update();
    }

    @Test
    void administratorSeesPreviewWithoutProposing() throws IOException {
        try (PortalBrowser browser = PortalBrowser.open(baseUrl())) {
            showLdsPreview(browser, "lds", "lds-admin");

            assertThat(browser.text(By.id("offboarding-remaining")))
                    .isEqualTo("LdsMSP verlässt den Kanal. Es bleiben: BamfMSP");
            assertThat(browser.text(By.id("offboarding-findings"))).contains("Ledger-Identitäten der Behörde");
            assertThat(browser.text(By.id("offboarding-preview"))).contains("Nur Mitglieder des Gremiums");
            assertThat(browser.elements(By.id("offboarding-submit"))).isEmpty();
        }
    }

    @Test
    void boardMemberProposesFromPreview() throws IOException {
        try (PortalBrowser browser = PortalBrowser.open(baseUrl())) {
            showLdsPreview(browser, "bamf", "bamf-board-1");
            browser.type(By.cssSelector("#offboarding-title input"), "Abmeldung der Landesdirektion");
            browser.type(By.cssSelector("#offboarding-rationale textarea"), "Die Landesdirektion geht.");
            browser.type(By.cssSelector("#offboarding-legal-basis input"), "Art. 6 Abs. 1 lit. e DSGVO");
            browser.type(By.id("offboarding-submit"), Keys.ENTER.toString());

            assertThat(browser.text(By.id("proposal-change"))).contains("organization-removal/LdsMSP");
            assertThat(browser.currentPath()).startsWith("/proposals/");
            UUID proposalId = UUID.fromString(browser.currentPath().substring("/proposals/".length()));
            assertThat(jdbc.sql("select state from authority_offboarding where proposal_id = ?")
                            .param(proposalId)
                            .query(String.class)
                            .single())
                    .isEqualTo("proposed");
        }
    }

    /** Signs in, opens the offboarding view, chooses LDS and opens its preview with the keyboard. */
    private void showLdsPreview(PortalBrowser browser, String authorityCode, String username) {
        browser.signIn(authorityCode, username);
        browser.openPage("/offboarding");
        browser.choose(By.id("offboarding-authority"), LDS);
        browser.type(By.id("offboarding-show-preview"), Keys.ENTER.toString());
    }

    private String baseUrl() {
        return "http://localhost:" + port;
    }
}
