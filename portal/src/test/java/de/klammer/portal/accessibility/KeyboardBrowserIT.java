package de.klammer.portal.accessibility;

import static org.assertj.core.api.Assertions.assertThat;

import de.klammer.identity.EnrollmentIds;
import de.klammer.portal.IntegrationTest;
import de.klammer.portal.authority.AuthorityService;
import de.klammer.portal.authority.BoardMemberService;
import de.klammer.portal.browser.KeyboardSteps;
import de.klammer.portal.browser.KeyboardSteps.FocusStop;
import de.klammer.portal.browser.PortalBrowser;
import de.klammer.portal.concept.ConceptModel.Role;
import de.klammer.portal.concept.ConceptService;
import de.klammer.portal.identity.IdentityKind;
import de.klammer.portal.identity.KeySource;
import de.klammer.portal.identity.LedgerRole;
import de.klammer.portal.identity.erasure.DataSubjectRequestService;
import de.klammer.portal.identity.erasure.RequestKind;
import de.klammer.portal.identity.erasure.internal.DataSubjectRequest;
import de.klammer.portal.identity.erasure.internal.DataSubjectRequestRepository;
import de.klammer.portal.identity.internal.LedgerIdentity;
import de.klammer.portal.identity.internal.LedgerIdentityRepository;
import de.klammer.portal.identity.review.AccessReviewService;
import de.klammer.portal.identity.review.AccessReviews;
import de.klammer.portal.security.PortalRole;
import de.klammer.portal.security.TestUsers;
import java.io.IOException;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.TimeoutException;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The main flows with the keyboard alone: Tab, Shift+Tab, arrow keys, Enter and Space go to whatever has focus, and
 * no element is clicked. Each test also checks that every control focus rested on showed a focus indicator.
 */
@IntegrationTest
class KeyboardBrowserIT {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ConceptService concept;

    @Autowired
    AuthorityService authorities;

    @Autowired
    BoardMemberService boardMembers;

    @Autowired
    AccessReviewService reviews;

    @Autowired
    LedgerIdentityRepository identities;

    @Autowired
    DataSubjectRequestRepository requestRows;

    @Autowired
    DataSubjectRequestService requests;

    @Test
    void mainNavigationWorksWithKeyboard() throws IOException {
        try (PortalBrowser browser = PortalBrowser.open(baseUrl())) {
            browser.signIn("bamf", "bamf-board-1");
            browser.awaitIdle();
            KeyboardSteps keys = new KeyboardSteps(browser);

            keys.tabTo("sign-out", 10);
            keys.pressUntilText(Keys.TAB, "Beschlussregeln", 10);
            keys.press(Keys.ENTER);
            browser.text(By.id("decision-rule-view"));
            keys.shiftTabTo("language-select", 30);

            assertThat(browser.currentPath()).isEqualTo("/decision-rules");
            assertThat(names(keys.stops())).contains("inbox-bell", "language-select", "sign-out");
            assertThat(keys.stops()).allSatisfy(KeyboardBrowserIT::assertIndicatorVisible);
        }
    }

    @Test
    void boardMemberVotesWithKeyboard() throws IOException {
        String reference;
        try (PortalBrowser proposer = PortalBrowser.open(baseUrl())) {
            proposer.signIn("bamf", "bamf-board-1");
            reference = proposer.createProposal(
                    "Tastaturabstimmung", "Stimme nur mit der Tastatur.", "/Channel/Application/Endorsement",
                    "ANY Endorsement");
        }

        try (PortalBrowser browser = PortalBrowser.open(baseUrl())) {
            browser.signIn("lds", "lds-board-1");
            browser.awaitIdle();
            KeyboardSteps keys = new KeyboardSteps(browser);
            keys.tabTo("proposal-grid", 30);
            // The grid's header row and its body are separate Tab stops, and arrow keys stay within one of them.
            keys.press(Keys.TAB);
            keys.pressUntilText(Keys.ARROW_DOWN, reference, 200);
            keys.press(Keys.SPACE);
            awaitView(browser, keys, "proposal-details-view");
            keys.tabTo("vote-reason", 40);
            keys.press("Die LDS stimmt zu.");
            keys.tabTo("approve-proposal", 5);
            keys.press(Keys.ENTER);

            assertThat(browser.text(By.id("proposal-count"))).startsWith("Bisher: 2 Ja, 0 Nein");
            assertThat(browser.elements(By.id("approve-proposal"))).as("approve button after the vote").isEmpty();
            assertThat(keys.stops()).allSatisfy(KeyboardBrowserIT::assertIndicatorVisible);
        }
    }

    @Test
    void proposesChangeWithKeyboard() throws IOException {
        String title = "Tastaturvorschlag " + UUID.randomUUID().toString().substring(0, 8);

        try (PortalBrowser browser = PortalBrowser.open(baseUrl())) {
            KeyboardSteps keys = openWithKeyboard(browser, "bamf", "bamf-board-2", "/proposals/new");
            keys.tabTo("proposal-title", 40);
            keys.press(title);
            keys.tabTo("proposal-rationale", 3);
            keys.press("Nur mit der Tastatur eingereicht.");
            keys.tabTo("proposal-legal-basis", 3);
            keys.press("Art. 6(1)(e) GDPR");
            keys.tabTo("proposal-policy-path", 5);
            // Typing filters the combo box, and Enter takes the one matching path.
            keys.press("/Channel/Application/Endorsement");
            keys.press(Keys.ENTER);
            keys.tabTo("proposal-policy-text", 3);
            keys.press("ANY Endorsement");
            keys.tabTo("preview-proposal", 5);
            keys.press(Keys.ENTER);
            browser.text(By.id("preview-required-signatures"));
            keys.tabTo("submit-proposal", 10);
            keys.press(Keys.ENTER);
            awaitView(browser, keys, "proposal-details-view");

            assertThat(proposalsTitled(title)).isEqualTo(1);
            assertThat(keys.stops()).allSatisfy(KeyboardBrowserIT::assertIndicatorVisible);
        }
    }

    @Test
    void adminConfirmsReviewWithKeyboard() throws IOException, InterruptedException {
        TestUsers.signIn(users().user("bamf", PortalRole.AUTHORITY_ADMIN));
        try {
            // A campaign left open by another test would keep the button from opening a new one.
            AccessReviews.closeOpenCampaign(reviews);
        } finally {
            TestUsers.signOut();
        }
        LedgerIdentity identity = new LedgerIdentity(bamfId(), EnrollmentIds.random(), IdentityKind.SYSTEM,
                Set.of(LedgerRole.REGISTRATION_CLERK), LocalDate.now().plusYears(1), KeySource.GENERATED,
                "user-requester");
        identity.approve("user-approver");
        identity.markRegistered();
        identity.markEnrolled();
        identities.save(identity);

        try (PortalBrowser browser = PortalBrowser.open(baseUrl())) {
            KeyboardSteps keys = openWithKeyboard(browser, "bamf", "bamf-admin", "/access-reviews");
            keys.tabTo("access-review-open", 40);
            keys.press(Keys.ENTER);
            browser.text(By.id("access-review-items"));
            keys.tabTo("access-review-items", 20);
            keys.press(Keys.TAB);
            keys.pressUntilText(Keys.ARROW_DOWN, identity.enrollmentId(), 400);
            // The actions are the sixth column. Enter moves focus to the confirm button inside the cell.
            keys.press(Keys.ARROW_RIGHT, Keys.ARROW_RIGHT, Keys.ARROW_RIGHT, Keys.ARROW_RIGHT, Keys.ARROW_RIGHT);
            keys.press(Keys.ENTER);
            assertThat(keys.focusedText()).as("focus inside the actions cell").contains("Rollen bestätigen");
            keys.press(Keys.SPACE);

            assertThat(awaitStored(() -> decisionOf(identity.enrollmentId()), "confirmed"::equals))
                    .isEqualTo("confirmed");
            assertThat(keys.stops()).allSatisfy(KeyboardBrowserIT::assertIndicatorVisible);
        }
    }

    @Test
    void extendsDeadlineWithKeyboard() throws IOException, InterruptedException {
        UUID authority = bamfId();
        DataSubjectRequest request = requestRows.save(new DataSubjectRequest(
                "DSR-K" + UUID.randomUUID().toString().substring(0, 6).toUpperCase(Locale.ROOT),
                RequestKind.ERASURE,
                authority,
                "BamfMSP",
                EnrollmentIds.random(),
                "user-filer",
                requests.deadlines("BamfMSP").deadlineFor(LocalDate.now()),
                "Art. 17(1)(a) GDPR",
                null));

        try (PortalBrowser browser = PortalBrowser.open(baseUrl())) {
            KeyboardSteps keys = openWithKeyboard(browser, "bamf", "bamf-dpo", "/requests");
            keys.tabTo("erasure-request-grid", 40);
            keys.press(Keys.TAB);
            keys.pressUntilText(Keys.ARROW_DOWN, request.reference(), 400);
            // Space selects the focused row, which opens its details with the actions.
            keys.press(Keys.SPACE);
            browser.text(By.id("erasure-extension-reason"));
            keys.tabTo("erasure-extension-reason", 40);
            keys.press("Mehrere Fachverfahren sind zu durchsuchen.");
            keys.tabTo("erasure-extend", 5);
            keys.press(Keys.ENTER);

            assertThat(awaitStored(() -> extensionMonths(request.id()), months -> months == 1)).isEqualTo(1);
            assertThat(keys.stops()).allSatisfy(KeyboardBrowserIT::assertIndicatorVisible);
        }
    }

    @Test
    void importsRolesWithKeyboard() throws IOException, InterruptedException {
        String role = "import-" + UUID.randomUUID().toString().substring(0, 8);

        try (PortalBrowser browser = PortalBrowser.open(baseUrl())) {
            KeyboardSteps keys = openWithKeyboard(browser, "bamf", "bamf-board-1", "/concept/import");
            keys.tabTo("concept-import-scope", 40);
            keys.press("jede Behörde vom Typ federal");
            keys.press(Keys.ENTER);
            keys.tabTo("concept-import-content", 10);
            keys.press("role,name,components,rights", Keys.ENTER, role + ",Importrolle,,registered:read");
            keys.tabTo("concept-import-submit", 5);
            keys.press(Keys.ENTER);

            assertThat(awaitStored(() -> rightsOf(role), rights -> !rights.isEmpty()))
                    .containsExactly("registered:read");
            assertThat(keys.stops()).allSatisfy(KeyboardBrowserIT::assertIndicatorVisible);
        }
    }

    @Test
    void adminFilesEnrolmentRequestWithKeyboard() throws IOException {
        int systemsBefore = systemIdentityCount();

        try (PortalBrowser browser = PortalBrowser.open(baseUrl())) {
            browser.signIn("bamf", "bamf-admin");
            browser.openPage("/identities/new");
            browser.awaitIdle();
            KeyboardSteps keys = new KeyboardSteps(browser);
            keys.tabTo("identity-target", 30);
            keys.pressUntilText(Keys.ARROW_DOWN, "Für ein technisches System", 5);
            keys.tabTo("identity-roles", 5);
            keys.press(Keys.SPACE);
            keys.tabTo("submit-identity-request", 10);
            keys.press(Keys.ENTER);
            awaitView(browser, keys, "identity-details-view");

            assertThat(browser.currentPath()).startsWith("/identities/");
            assertThat(systemIdentityCount()).isEqualTo(systemsBefore + 1);
            assertThat(names(keys.stops())).contains("identity-valid-until", "identity-key-source");
            assertThat(keys.stops()).allSatisfy(KeyboardBrowserIT::assertIndicatorVisible);
        }
    }

    @Test
    void grantsMatrixRightWithKeyboard() throws IOException, InterruptedException {
        String role = "tastatur-" + UUID.randomUUID().toString().substring(0, 8);
        TestUsers.signIn(users().boardMember("bamf"));
        try {
            concept.saveRole(new Role(role, "Tastaturrolle", "federal", null, List.of()));
        } finally {
            TestUsers.signOut();
        }

        try (PortalBrowser browser = PortalBrowser.open(baseUrl())) {
            KeyboardSteps keys = openWithKeyboard(browser, "bamf", "bamf-board-1", "/concept/matrix");
            keys.tabTo("concept-matrix-search", 40);
            keys.press(role);
            // The search filters after a pause in typing, so a slow machine can filter by part of the code first. Once
            // the status line names the whole code, the last filter has applied and the grid stays as it is.
            keys.press(Keys.ENTER);
            browser.awaitTextContaining(By.id("concept-matrix-count"), "„" + role + "“");
            browser.awaitAnyText(By.xpath("//vaadin-grid-cell-content[contains(., '(" + role + ")')]"));
            assertThat(keys.focusedName()).as("focus after filtering").isEqualTo("concept-matrix-search");

            keys.tabTo("concept-matrix-grid", 20);
            // Tab reaches the header row first, then the body. Arrow keys move between the cells of the body.
            keys.press(Keys.TAB);
            keys.pressUntilText(Keys.ARROW_DOWN, role, 5);
            keys.press(Keys.ARROW_RIGHT, Keys.ARROW_RIGHT, Keys.ARROW_RIGHT);
            // Enter moves focus into the cell's check box, Space ticks it, Escape returns to the cell.
            keys.press(Keys.ENTER);
            String checkbox = keys.focusedName();
            assertThat(checkbox).as("focus inside the read cell").startsWith("right-" + role + "-").endsWith("-read");
            keys.press(Keys.SPACE);
            keys.press(Keys.ESCAPE);

            String prefix = "right-" + role + "-";
            String statusType = checkbox.substring(prefix.length(), checkbox.length() - "-read".length());
            assertThat(awaitStored(() -> rightsOf(role), rights -> !rights.isEmpty()))
                    .as("rights of %s; the check box is %s", role, browser.elements(By.id(checkbox)).stream()
                            .map(box -> "checked=" + box.getDomAttribute("checked")
                                    + ", readonly=" + box.getDomAttribute("readonly"))
                            .findFirst()
                            .orElse("gone"))
                    .containsExactly(statusType + ":read");
            assertThat(keys.stops()).allSatisfy(KeyboardBrowserIT::assertIndicatorVisible);
        }
    }

    private static void awaitView(PortalBrowser browser, KeyboardSteps keys, String viewId) {
        try {
            browser.text(By.id(viewId));
        } catch (TimeoutException e) {
            throw new AssertionError("View " + viewId + " did not open; last keys:\n" + keys.trace(), e);
        }
    }

    /**
     * Reads a stored value until it passes the check, for up to 10 s, and returns the last value read. Vaadin can
     * report the page idle before a busy machine has sent a check box's or button's event to the server.
     */
    private static <T> T awaitStored(Supplier<T> read, Predicate<T> done) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        T value = read.get();
        while (!done.test(value) && System.nanoTime() < deadline) {
            Thread.sleep(100);
            value = read.get();
        }
        return value;
    }

    private List<String> rightsOf(String role) {
        return jdbc.sql("select status_type_code || ':' || action from concept_right where role_code = ?")
                .param(role)
                .query(String.class)
                .list();
    }

    private int proposalsTitled(String title) {
        return jdbc.sql("select count(*) from proposal where title = ?").param(title).query(Integer.class).single();
    }

    private int extensionMonths(UUID requestId) {
        return jdbc.sql("select extension_months from data_subject_request where id = ?")
                .param(requestId)
                .query(Integer.class)
                .single();
    }

    private String decisionOf(String enrollmentId) {
        return jdbc.sql("select decision from access_review_item where enrollment_id = ?")
                .param(enrollmentId)
                .query(String.class)
                .single();
    }

    private UUID bamfId() {
        return users().authority("bamf").id();
    }

    private TestUsers users() {
        return new TestUsers(authorities, boardMembers);
    }

    /** Signs the user in, opens the page and returns key steps that start at the top of that page. */
    private static KeyboardSteps openWithKeyboard(
            PortalBrowser browser, String authority, String username, String path) {
        browser.signIn(authority, username);
        browser.openPage(path);
        browser.awaitIdle();
        return new KeyboardSteps(browser);
    }

    private int systemIdentityCount() {
        return jdbc.sql("select count(*) from ledger_identity where kind = 'system'").query(Integer.class).single();
    }

    private static List<String> names(List<FocusStop> stops) {
        return stops.stream().map(FocusStop::name).toList();
    }

    private static void assertIndicatorVisible(FocusStop stop) {
        assertThat(stop.indicatorVisible()).as("focus indicator on " + stop.name()).isTrue();
    }

    private String baseUrl() {
        return "http://127.0.0.1:" + port;
    }
}
