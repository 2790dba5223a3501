package de.klammer.portal.concept;

import static org.assertj.core.api.Assertions.assertThat;

import de.klammer.portal.IntegrationTest;
import de.klammer.portal.authority.AuthorityService;
import de.klammer.portal.authority.BoardMemberService;
import de.klammer.portal.browser.PortalBrowser;
import de.klammer.portal.concept.ConceptModel.Role;
import de.klammer.portal.security.TestUsers;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.ElementNotInteractableException;
import org.openqa.selenium.Keys;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** A board member finds a role in the rights matrix by search and grants a right with the keyboard. */
@IntegrationTest
class ConceptMatrixBrowserIT {

    @LocalServerPort
    int port;

    @Autowired
    ConceptService concept;

    @Autowired
    AuthorityService authorities;

    @Autowired
    BoardMemberService boardMembers;

    @Autowired
    JdbcClient jdbc;

    @Test
    void grantsRightWithKeyboard() throws IOException, InterruptedException {
        String role = "browser-" + UUID.randomUUID().toString().substring(0, 8);
        TestUsers.signIn(new TestUsers(authorities, boardMembers).boardMember("bamf"));
        try {
            concept.saveRole(new Role(role, "Browserrolle", "federal", null, List.of()));
        } finally {
            TestUsers.signOut();
        }
        String checkboxId = "right-" + role + "-hearing-held-write";

        try (PortalBrowser browser = PortalBrowser.open("http://localhost:" + port)) {
            browser.signIn("bamf", "bamf-board-1");
            browser.openPage("/concept/matrix");
            browser.text(By.id("concept-matrix-grid"));
            WebElement search = browser.elements(By.cssSelector("#concept-matrix-search input")).getFirst();
            search.sendKeys(role + " hearing-held", Keys.TAB);
            browser.text(By.id(checkboxId));
            WebElement checkbox = browser.elements(By.id(checkboxId)).getFirst();

            WebElement input = checkbox.findElement(By.cssSelector("input"));
            assertThat(input.getDomAttribute("aria-label")).isEqualTo("Schreiben Anhörung durchgeführt für"
                    + " Rolle Browserrolle");

            pressSpaceOnCheckbox(browser, checkboxId);
            assertThat(awaitGranted(role)).isTrue();
        }
    }

    /**
     * Presses space on the checkbox's input. The grid renders its rows again once the lazy search filter applies, so
     * an input found before that can be detached or hidden, and the press is retried on a fresh one.
     */
    private static void pressSpaceOnCheckbox(PortalBrowser browser, String checkboxId) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(10));
        while (true) {
            try {
                WebElement input = browser.elements(By.id(checkboxId)).getFirst().findElement(By.cssSelector("input"));
                input.sendKeys(Keys.SPACE);
                return;
            } catch (ElementNotInteractableException | StaleElementReferenceException e) {
                if (Instant.now().isAfter(deadline)) {
                    throw e;
                }
                Thread.sleep(200);
            }
        }
    }

    private boolean awaitGranted(String role) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(10));
        while (Instant.now().isBefore(deadline)) {
            int count = jdbc.sql("select count(*) from concept_right where role_code = ? and status_type_code ="
                            + " 'hearing-held' and action = 'write'")
                    .param(role)
                    .query(Integer.class)
                    .single();
            if (count == 1) {
                return true;
            }
            Thread.sleep(200);
        }
        return false;
    }
}
