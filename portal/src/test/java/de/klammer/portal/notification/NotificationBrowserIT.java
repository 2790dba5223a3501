package de.klammer.portal.notification;

import static org.assertj.core.api.Assertions.assertThat;

import de.klammer.portal.IntegrationTest;
import de.klammer.portal.browser.PortalBrowser;
import de.klammer.portal.governance.ProposalOpened;
import java.io.IOException;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.transaction.support.TransactionTemplate;

@IntegrationTest
class NotificationBrowserIT {

    @LocalServerPort
    int port;

    @Autowired
    ApplicationEventPublisher events;

    @Autowired
    TransactionTemplate transactions;

    @Test
    void boardMemberReadsInboxAndSavesAddress() throws IOException {
        try (PortalBrowser browser = PortalBrowser.open("http://127.0.0.1:" + port)) {
            browser.signIn("lds", "lds-board-1");
            String reference = "P-2026-" + UUID.randomUUID().toString().substring(0, 4);
            transactions.executeWithoutResult(status -> events.publishEvent(
                    new ProposalOpened(UUID.randomUUID(), reference, "Leserechte erweitern", null)));

            browser.openPage("/inbox");
            assertThat(browser.text(By.id("inbox-grid"))).contains(reference, "wartet auf Ihre Stimme");
            assertThat(Long.parseLong(browser.text(By.id("inbox-unread-count")))).isPositive();
            browser.elements(By.id("inbox-mark-all-read")).getFirst().click();
            assertThat(awaitText(browser, By.id("inbox-status"), "Ungelesen: 0")).isEqualTo("Ungelesen: 0");
            browser.openPage("/inbox");
            assertThat(browser.text(By.id("inbox-unread-count"))).isEqualTo("0");

            browser.openPage("/notification-settings");
            browser.text(By.id("notification-status"));
            WebElement address = browser.elements(By.cssSelector("#notification-address input")).getFirst();
            address.sendKeys(Keys.chord(Keys.CONTROL, "a"), "gremium@lds.example");
            browser.elements(By.id("notification-save")).getFirst().click();
            assertThat(awaitText(browser, By.id("notification-status"), "Gespeichert")).startsWith("Gespeichert");

            browser.openPage("/notification-settings");
            browser.text(By.id("notification-status"));
            assertThat(browser.elements(By.cssSelector("#notification-address input")).getFirst().getDomProperty("value"))
                    .isEqualTo("gremium@lds.example");
            browser.elements(By.id("notification-delete")).getFirst().click();
            assertThat(awaitText(browser, By.id("notification-status"), "gelöscht")).contains("Die Adresse ist gelöscht");
        }
    }

    /** Returns the element's text once it contains the expected part, or its last text after about ten seconds. */
    private static String awaitText(PortalBrowser browser, By locator, String expected) {
        String text = "";
        for (int i = 0; i < 50; i++) {
            text = browser.text(locator);
            if (text.contains(expected)) {
                return text;
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        return text;
    }
}
