package de.klammer.portal.identity.review;

import static org.assertj.core.api.Assertions.assertThat;

import de.klammer.portal.LedgerIntegrationTest;
import de.klammer.portal.audit.AuditEvent;
import de.klammer.portal.audit.AuditService;
import de.klammer.portal.authority.AuthorityService;
import de.klammer.portal.authority.BoardMemberService;
import de.klammer.portal.browser.PortalBrowser;
import de.klammer.portal.identity.KeySource;
import de.klammer.portal.identity.LedgerIdentityDetails;
import de.klammer.portal.identity.LedgerIdentityService;
import de.klammer.portal.identity.LedgerIdentityStatus;
import de.klammer.portal.identity.LedgerRole;
import de.klammer.portal.security.PortalRole;
import de.klammer.portal.security.PortalUser;
import de.klammer.portal.security.TestUsers;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.StaleElementReferenceException;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The LDS administrator opens an access review in the browser and confirms an identity enrolled at the real LDS CA.
 * The buttons are pressed with the Enter key, and the progress and the audit trail show the decision.
 */
@LedgerIntegrationTest
class AccessReviewBrowserIT {

    @LocalServerPort
    int port;

    @Autowired
    AccessReviewService reviews;

    @Autowired
    LedgerIdentityService identities;

    @Autowired
    AuditService audit;

    @Autowired
    AuthorityService authorityService;

    @Autowired
    BoardMemberService boardMembers;

    @AfterEach
    void signOut() {
        TestUsers.signOut();
    }

    @Test
    void adminConfirmsRolesWithKeyboard() throws Exception {
        String enrollmentId = enrolSystem();
        closeOpenCampaign();

        try (PortalBrowser admin = PortalBrowser.open("http://localhost:" + port)) {
            admin.signIn("lds", "lds-admin");
            admin.openPage("/access-reviews");
            assertThat(admin.text(By.cssSelector("#access-review h1"))).isEqualTo("Rezertifizierung der Kennungen");
            pressEnter(admin, By.id("access-review-open"));
            String before = awaitText(admin, By.id("access-review-progress-label"), "0 von ");

            By confirm = By.cssSelector("vaadin-button[aria-label='Rollen von " + enrollmentId + " bestätigen']");
            pressEnter(admin, confirm);
            String after = awaitText(admin, By.id("access-review-progress-label"), "1 von ");

            assertThat(before).endsWith("entschieden (0 %)");
            assertThat(after).contains("entschieden");
            assertThat(awaitText(admin, By.id("access-review-campaigns"), "1 von ")).contains("entschieden");
            assertThat(admin.elements(confirm)).as("confirm button after the decision").isEmpty();
            assertThat(awaitText(admin, By.id("access-review-items"), enrollmentId)).contains("bestätigt");
        }
        List<AuditEvent> trail = audit.findBySubject("ledger-identity", enrollmentId);
        assertThat(trail).extracting(AuditEvent::action).contains("access-review.confirmed");
        assertThat(trail).allSatisfy(event -> {
            assertThat(event.actor()).doesNotContain("lds-admin", "Demo");
            assertThat(event.details()).doesNotContain("lds-admin", "Demo");
        });
    }

    /** Enrols a technical system at the LDS CA, requested and approved by two test administrators. */
    private String enrolSystem() {
        TestUsers users = new TestUsers(authorityService, boardMembers);
        TestUsers.signIn(admin(users));
        LedgerIdentityDetails requested = identities.requestForSystem(
                Set.of(LedgerRole.ENFORCEMENT_CLERK), LocalDate.now().plusYears(1), KeySource.GENERATED);
        TestUsers.signIn(admin(users));
        LedgerIdentityDetails enrolled = identities.approve(requested.id()).identity();
        assertThat(enrolled.status()).as("failure %s", enrolled.failureReason()).isEqualTo(LedgerIdentityStatus.ENROLLED);
        return enrolled.enrollmentId();
    }

    /** Decides every pending item of an open LDS campaign left by another test, so that a new one can open. */
    private void closeOpenCampaign() {
        TestUsers.signIn(admin(new TestUsers(authorityService, boardMembers)));
        reviews.list().stream().filter(CampaignSummary::open).forEach(campaign -> reviews.items(campaign.id()).stream()
                .filter(item -> item.decision() == ReviewDecision.PENDING)
                .forEach(item -> reviews.confirm(item.id())));
        TestUsers.signOut();
    }

    private static PortalUser admin(TestUsers users) {
        PortalUser base = users.user("lds", PortalRole.AUTHORITY_ADMIN);
        return new PortalUser(base.issuer(), base.authority(), base.roles(), null, "admin-" + UUID.randomUUID());
    }

    /**
     * Waits up to 10 s until the element's text contains the value, and returns the text. The view replaces the
     * element when it refreshes, so a stale element is looked up again.
     */
    private static String awaitText(PortalBrowser browser, By locator, String value) throws InterruptedException {
        long deadline = System.nanoTime() + 10_000_000_000L;
        String text = "";
        while (System.nanoTime() < deadline) {
            try {
                text = browser.text(locator);
            } catch (StaleElementReferenceException e) {
                continue;
            }
            if (text.contains(value)) {
                break;
            }
            Thread.sleep(100);
        }
        assertThat(text).as("text of %s", locator).contains(value);
        return text;
    }

    /** Presses Enter on the element, looking it up again when the view replaced it in between. */
    private static void pressEnter(PortalBrowser browser, By locator) {
        browser.text(locator);
        try {
            browser.elements(locator).getFirst().sendKeys(Keys.ENTER);
        } catch (StaleElementReferenceException e) {
            browser.text(locator);
            browser.elements(locator).getFirst().sendKeys(Keys.ENTER);
        }
    }
}
