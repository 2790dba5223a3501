package de.klammer.portal.audit;

import static org.assertj.core.api.Assertions.assertThat;

import de.klammer.portal.IntegrationTest;
import de.klammer.portal.browser.PortalBrowser;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.boot.test.web.server.LocalServerPort;

@IntegrationTest
class AuditTrailBrowserIT {

    private static final Duration RESULT_TIMEOUT = Duration.ofSeconds(60);

    @LocalServerPort
    int port;

    @Test
    void auditorVerifiesTrailInBrowser() throws Exception {
        try (PortalBrowser browser = PortalBrowser.open("http://127.0.0.1:" + port)) {
            browser.signIn("lds", "lds-auditor");
            browser.openPage("/audit-trail");
            browser.text(By.id("audit-trail-view"));

            browser.elements(By.id("audit-verify")).getFirst().click();
            String result = awaitResult(browser, "Unverändert");

            assertThat(result).startsWith("Unverändert: alle ").contains("Einträge sind intakt");
            assertThat(browser.elements(By.id("audit-verify")).getFirst().isEnabled()).isTrue();
        }
    }

    @Test
    void boardMemberSeesNoAuditPage() throws IOException {
        try (PortalBrowser browser = PortalBrowser.open("http://127.0.0.1:" + port)) {
            browser.signIn("bamf", "bamf-board-1");
            assertThat(browser.text(By.id("main-navigation"))).doesNotContain("Prüfprotokoll");

            browser.openPage("/audit-trail");

            assertThat(browser.text(By.id("access-denied-view"))).isNotBlank();
            assertThat(browser.elements(By.id("audit-trail-view"))).isEmpty();
        }
    }

    private static String awaitResult(PortalBrowser browser, String expected) throws InterruptedException {
        Instant deadline = Instant.now().plus(RESULT_TIMEOUT);
        String text = "";
        while (Instant.now().isBefore(deadline)) {
            text = browser.text(By.id("audit-verify-result"));
            if (text.contains(expected)) {
                return text;
            }
            Thread.sleep(200);
        }
        throw new AssertionError("The verify result did not show '" + expected + "' within " + RESULT_TIMEOUT
                + "; it reads: " + text);
    }
}
