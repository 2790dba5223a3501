package de.klammer.portal.accessibility;

import static org.assertj.core.api.Assertions.assertThat;

import de.klammer.portal.IntegrationTest;
import de.klammer.portal.browser.AxeCheck;
import de.klammer.portal.browser.PortalBrowser;
import java.io.IOException;
import java.util.List;
import java.util.UUID;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Runs axe-core's WCAG 2.1 AA rules on the portal's main screens, each as a user whose role may open it, and expects
 * no violation. The sign-in page of the demo identity provider is not part of the portal and is left out.
 */
@IntegrationTest
class AccessibilityBrowserIT {

    @LocalServerPort
    int port;

    @Test
    void boardScreensPassWcagRules() throws IOException {
        try (PortalBrowser browser = PortalBrowser.open(baseUrl())) {
            browser.signIn("bamf", "bamf-board-1");
            String reference = browser.createProposal(
                    "Barrierefreiheit", "Prüft die Detailseite.", "/Channel/Application/Endorsement", "ANY Endorsement");

            SoftAssertions softly = new SoftAssertions();
            checkPages(softly, browser, List.of(
                    "/", "/proposals/new", "/minutes", "/decision-rules", "/inbox", "/notification-settings",
                    "/channel", "/concept/catalogue", "/concept/matrix", "/concept/plan", "/concept/versions",
                    "/concept/drift", "/concept/import"));
            browser.openProposal(reference);
            softly.assertThat(AxeCheck.violations(browser)).as("violations on the proposal " + reference).isEmpty();
            softly.assertAll();
        }
    }

    @Test
    void adminScreensPassWcagRules() throws IOException {
        assertPagesPass("bamf", "bamf-admin", List.of(
                "/identities", "/identities/new", "/certificates", "/access-reviews", "/concept/assignments"));
    }

    @Test
    void dataProtectionScreensPassWcagRules() throws IOException {
        assertPagesPass("bamf", "bamf-dpo", List.of("/requests", "/requests/new", "/audit-trail"));
    }

    @Test
    void auditorScreensPassWcagRules() throws IOException {
        assertPagesPass("lds", "lds-auditor", List.of("/audit-trail", "/minutes", "/certificates"));
    }

    @Test
    void errorPagesPassWcagRules() throws IOException {
        try (PortalBrowser clerk = PortalBrowser.open(baseUrl())) {
            clerk.signIn("bamf", "bamf-clerk");
            clerk.openPage("/audit-trail");
            clerk.text(By.id("access-denied-reason"));

            assertThat(AxeCheck.violations(clerk)).as("violations on the access-denied page").isEmpty();
            assertThat(clerk.driver().getTitle()).as("title of the access-denied page").isEqualTo("Kein Zugang");
        }

        try (PortalBrowser member = PortalBrowser.open(baseUrl())) {
            member.signIn("bamf", "bamf-board-1");
            member.openPage("/proposals/" + UUID.randomUUID());
            member.text(By.id("not-found-view"));

            assertThat(AxeCheck.violations(member)).as("violations on the not-found page").isEmpty();
            assertThat(member.driver().getTitle()).as("title of the not-found page").isEqualTo("Seite nicht gefunden");
        }
    }

    @Test
    void pageLanguageFollowsUiLocale() throws IOException {
        try (PortalBrowser browser = PortalBrowser.open(baseUrl())) {
            browser.signIn("bamf", "bamf-board-1");
            browser.awaitIdle();
            String german = pageLanguage(browser);
            browser.switchLanguage("English");
            browser.awaitIdle();

            assertThat(german).isEqualTo("de");
            assertThat(pageLanguage(browser)).isEqualTo("en");
            assertThat(AxeCheck.violations(browser)).as("violations on the English start page").isEmpty();
        }
    }

    @Test
    void axeReportsUnlabelledFields() throws IOException {
        try (PortalBrowser browser = PortalBrowser.open(baseUrl())) {
            browser.signIn("bamf", "bamf-board-1");
            browser.awaitIdle();
            ((JavascriptExecutor) browser.driver()).executeScript("""
                    const view = document.getElementById('proposal-list-view');
                    const plain = document.createElement('input');
                    plain.id = 'unlabelled-probe';
                    view.appendChild(plain);
                    const host = document.createElement('div');
                    host.id = 'shadow-probe-host';
                    host.attachShadow({mode: 'open'}).innerHTML = '<input id="shadow-probe">';
                    view.appendChild(host);
                    """);

            List<String> violations = AxeCheck.violations(browser);

            assertThat(violations).anySatisfy(line -> assertThat(line).startsWith("label [critical] at [#unlabelled-probe]"));
            assertThat(violations).anySatisfy(line -> assertThat(line).contains("#shadow-probe-host").contains("#shadow-probe"));
        }
    }

    private static String pageLanguage(PortalBrowser browser) {
        return (String) ((JavascriptExecutor) browser.driver()).executeScript("return document.documentElement.lang;");
    }

    private void assertPagesPass(String authorityCode, String username, List<String> paths) throws IOException {
        try (PortalBrowser browser = PortalBrowser.open(baseUrl())) {
            browser.signIn(authorityCode, username);

            SoftAssertions softly = new SoftAssertions();
            checkPages(softly, browser, paths);
            softly.assertAll();
        }
    }

    private static void checkPages(SoftAssertions softly, PortalBrowser browser, List<String> paths) {
        for (String path : paths) {
            browser.openPage(path);
            softly.assertThat(AxeCheck.violations(browser)).as("violations on " + path).isEmpty();
        }
    }

    private String baseUrl() {
        return "http://127.0.0.1:" + port;
    }
}
