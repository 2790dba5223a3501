package de.klammer.portal.identity;

import static org.assertj.core.api.Assertions.assertThat;

import de.klammer.portal.LedgerIntegrationTest;
import de.klammer.portal.audit.AuditEvent;
import de.klammer.portal.audit.AuditService;
import de.klammer.portal.browser.PortalBrowser;
import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A clerk requests a ledger identity for themselves in the browser and the authority's administrator approves it:
 * the real LDS CA issues the certificate, and the page hands over the PKCS#12 file and its password once.
 */
@LedgerIntegrationTest
class EnrollmentBrowserIT {

    @LocalServerPort
    int port;

    @Autowired
    IdentityVaultService vault;

    @Autowired
    AuditService audit;

    @Test
    void clerkRequestsAndAdminApproves() throws IOException {
        String detailsPath;
        String enrollmentId;
        try (PortalBrowser clerk = PortalBrowser.open("http://localhost:" + port)) {
            clerk.signIn("lds", "lds-clerk");
            clerk.openPage("/identities/new");
            click(clerk, By.xpath("//vaadin-checkbox[normalize-space(.)='Sachbearbeitung Registrierung']"));
            click(clerk, By.id("submit-identity-request"));
            enrollmentId = clerk.text(By.cssSelector("#identity-details-view h1")).replace("Kennung ", "");
            detailsPath = clerk.currentPath();
            assertThat(clerk.text(By.id("identity-status"))).contains("Beantragt");
            assertThat(clerk.elements(By.id("approve-identity"))).as("a clerk cannot approve").isEmpty();
        }

        try (PortalBrowser admin = PortalBrowser.open("http://localhost:" + port)) {
            admin.signIn("lds", "lds-admin");
            admin.openPage(detailsPath);
            click(admin, By.id("approve-identity"));

            assertThat(admin.text(By.id("identity-password"))).startsWith("Passwort der Datei: ");
            assertThat(admin.text(By.id("identity-status"))).contains("Zertifikat ausgestellt");
            WebElement download = admin.elements(By.id("identity-download")).getFirst();
            assertThat(download.getDomAttribute("href")).isNotBlank();
            assertThat(download.getText()).contains(enrollmentId + ".p12");
        }
        assertThat(enrollmentId).startsWith("kid-");
        assertThat(vault.contains(enrollmentId)).isTrue();
        List<AuditEvent> trail = audit.findBySubject("ledger-identity", enrollmentId);
        assertThat(trail).extracting(AuditEvent::action).contains("identity.requested", "identity.enrolled");
        assertThat(trail).allSatisfy(event -> {
            assertThat(event.actor()).doesNotContain("lds-clerk", "Demo");
            assertThat(event.details()).doesNotContain("lds-clerk", "Demo");
        });
    }

    /** Waits until the element is present, then clicks it. */
    private static void click(PortalBrowser browser, By locator) {
        browser.text(locator);
        browser.elements(locator).getFirst().click();
    }
}
