package de.klammer.portal;

import static org.assertj.core.api.Assertions.assertThat;

import de.klammer.portal.browser.PortalBrowser;
import java.io.IOException;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.boot.test.web.server.LocalServerPort;

@IntegrationTest
class SignInIT {

    @LocalServerPort
    int port;

    @Test
    void signsInBoardMemberThroughAuthorityProvider() throws IOException {
        try (PortalBrowser browser = PortalBrowser.open(baseUrl())) {
            browser.signIn("bamf", "bamf-board-1");

            assertThat(browser.text(By.id("current-authority"))).isEqualTo("Bundesamt für Migration und Flüchtlinge");
            assertThat(browser.text(By.id("current-user"))).contains("Demo BAMF Gremium 1", "bm-", "Gremiumsmitglied");
            assertThat(browser.text(By.id("proposal-list-view"))).contains("Vorschläge");
        }
    }

    @Test
    void switchesInterfaceToEnglish() throws IOException {
        try (PortalBrowser browser = PortalBrowser.open(baseUrl())) {
            browser.signIn("lds", "lds-auditor");

            browser.switchLanguage("English");

            assertThat(browser.text(By.cssSelector("#proposal-list-view h1"))).isEqualTo("Proposals");
            assertThat(browser.text(By.id("current-user"))).contains("Auditor");
        }
    }

    @Test
    void showsNoAccessPageToUserWithoutRole() throws IOException {
        try (PortalBrowser browser = PortalBrowser.open(baseUrl())) {
            browser.signIn("bamf", "bamf-visitor");

            assertThat(browser.text(By.id("access-denied-reason")))
                    .contains("Bundesamt für Migration und Flüchtlinge", "keine Rolle");
        }
    }

    @Test
    void grantsNoRolesAcrossAuthorities() throws IOException {
        try (PortalBrowser browser = PortalBrowser.open(baseUrl())) {
            browser.signIn("lds", "bamf-board-1");

            assertThat(browser.text(By.id("access-denied-reason"))).contains("Landesdirektion Sachsen", "keine Rolle");
        }
    }

    private String baseUrl() {
        return "http://127.0.0.1:" + port;
    }
}
