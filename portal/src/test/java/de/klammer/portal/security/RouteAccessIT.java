package de.klammer.portal.security;

import static de.klammer.portal.security.PortalRole.AUDITOR;
import static de.klammer.portal.security.PortalRole.AUTHORITY_ADMIN;
import static de.klammer.portal.security.PortalRole.BOARD_MEMBER;
import static de.klammer.portal.security.PortalRole.CLERK;
import static de.klammer.portal.security.PortalRole.DPO;
import static de.klammer.portal.security.PortalRole.NETWORK_OPERATOR;
import static java.util.Map.entry;
import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.router.HasUrlParameter;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AccessDeniedErrorRouter;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import de.klammer.portal.IntegrationTest;
import de.klammer.portal.authority.AuthorityService;
import de.klammer.portal.authority.BoardMemberService;
import de.klammer.portal.browser.PortalBrowser;
import de.klammer.portal.governance.ProposalService;
import de.klammer.portal.governance.ProposalTexts;
import de.klammer.portal.ledger.InMemoryLedgerGateway;
import de.klammer.portal.ledger.PolicyChange;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.openqa.selenium.By;
import org.openqa.selenium.TimeoutException;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AnnotationTypeFilter;
import org.springframework.util.ClassUtils;

/**
 * Opens every Vaadin route of the portal, found through its {@code @Route} annotation, in a browser signed in through
 * the demo provider as a user of each role, and checks that exactly the expected routes show the access-denied page.
 * Routes with a URL parameter get a random id, except the proposal details view, so an allowed view may show its own
 * "not found" text inside the layout but never the denial.
 */
@IntegrationTest
class RouteAccessIT {

    private static final Set<PortalRole> READERS = EnumSet.of(BOARD_MEMBER, AUTHORITY_ADMIN, DPO, AUDITOR);

    private static final Map<String, Set<PortalRole>> EXPECTED = Map.ofEntries(
            entry("AccessReviewView", EnumSet.of(AUTHORITY_ADMIN, DPO, AUDITOR)),
            entry("AuditTrailView", EnumSet.of(AUDITOR, DPO)),
            entry("CertificateListView", EnumSet.of(AUTHORITY_ADMIN, DPO, AUDITOR)),
            entry("ChannelOverviewView", READERS),
            entry("ConceptCatalogueView", READERS),
            entry("ConceptDriftView", READERS),
            entry("ConceptImportView", EnumSet.of(BOARD_MEMBER, AUTHORITY_ADMIN)),
            entry("ConceptMatrixView", READERS),
            entry("ConceptPlanView", READERS),
            entry("ConceptVersionsView", READERS),
            entry("DecisionRuleListView", READERS),
            entry("InboxView", EnumSet.of(BOARD_MEMBER)),
            entry("LedgerIdentityDetailsView", EnumSet.of(CLERK, AUTHORITY_ADMIN, DPO, AUDITOR)),
            entry("LedgerIdentityForm", EnumSet.of(CLERK, AUTHORITY_ADMIN)),
            entry("LedgerIdentityListView", EnumSet.of(CLERK, AUTHORITY_ADMIN, DPO, AUDITOR)),
            entry("MinutesView", EnumSet.of(BOARD_MEMBER, AUDITOR)),
            entry("NotificationSettingsView", EnumSet.of(BOARD_MEMBER)),
            entry("OffboardingView", EnumSet.of(AUTHORITY_ADMIN, BOARD_MEMBER, AUDITOR, NETWORK_OPERATOR)),
            entry("OnboardingDraftListView", EnumSet.of(NETWORK_OPERATOR)),
            entry("OnboardingWizardView", EnumSet.of(NETWORK_OPERATOR)),
            entry("ProposalDetailsView", READERS),
            entry("ProposalForm", EnumSet.of(BOARD_MEMBER)),
            entry("ProposalListView", READERS),
            entry("RequestForm", EnumSet.of(CLERK, AUTHORITY_ADMIN, DPO)),
            entry("RequestWorkbenchView", EnumSet.of(DPO, AUTHORITY_ADMIN, AUDITOR)),
            entry("RoleAssignmentForm", EnumSet.of(AUTHORITY_ADMIN)));

    private static final By DENIED = By.id("access-denied-view");
    /**
     * The portal layout, or the not-found page that an allowed view with a random id shows, for example the onboarding
     * wizard for a draft that does not exist. Access is checked before the view looks the id up.
     */
    private static final By LAYOUT = By.cssSelector("#main-navigation, #not-found-view");

    @LocalServerPort
    int port;

    @Autowired
    ProposalService proposals;

    @Autowired
    InMemoryLedgerGateway ledger;

    @Autowired
    AuthorityService authorities;

    @Autowired
    BoardMemberService boardMembers;

    @Test
    void everyRouteHasExpectation() {
        Map<String, String> routes = routes(UUID.randomUUID().toString());

        assertThat(routes.keySet()).as("routed views; add each new one to EXPECTED").isSubsetOf(EXPECTED.keySet());
        assertThat(EXPECTED.keySet()).as("expectations whose view no longer exists").isSubsetOf(routes.keySet());
    }

    @Test
    void everyProtectedRouteExplainsDenial() {
        for (Class<?> view : routeClasses()) {
            if (view.isAnnotationPresent(AnonymousAllowed.class)) {
                continue;
            }
            assertThat(view.isAnnotationPresent(AccessDeniedErrorRouter.class))
                    .as("%s must show the access-denied page instead of \"not found\" in production mode",
                            view.getSimpleName())
                    .isTrue();
        }
    }

    @ParameterizedTest
    @CsvSource({
        "bamf, bamf-board-1, BOARD_MEMBER",
        "lds, lds-admin, AUTHORITY_ADMIN",
        "bamf, bamf-dpo, DPO",
        "lds, lds-auditor, AUDITOR",
        "bamf, bamf-clerk, CLERK",
        "bamf, bamf-operator, NETWORK_OPERATOR AUDITOR",
        "bamf, bamf-visitor, ''"
    })
    void deniesRoutesOutsideRole(String authority, String username, String roleName) throws IOException {
        Set<PortalRole> roles = roleName.isEmpty()
                ? Set.of()
                : Arrays.stream(roleName.split(" ")).map(PortalRole::valueOf).collect(Collectors.toSet());
        Map<String, String> routes = routes(existingProposalId());
        List<String> wronglyDenied = new ArrayList<>();
        List<String> wronglyShown = new ArrayList<>();
        List<String> unrendered = new ArrayList<>();

        try (PortalBrowser browser = PortalBrowser.open("http://127.0.0.1:" + port)) {
            browser.signIn(authority, username);
            routes.forEach((view, path) -> {
                browser.openPage(path);
                boolean denied;
                try {
                    denied = browser.awaitFirstOf(DENIED, LAYOUT);
                } catch (TimeoutException e) {
                    unrendered.add(view + " at " + path);
                    return;
                }
                boolean allowed = EXPECTED.get(view).stream().anyMatch(roles::contains);
                if (allowed && denied) {
                    wronglyDenied.add(view + " at " + path);
                }
                if (!allowed && !denied) {
                    wronglyShown.add(view + " at " + path);
                }
            });
        }

        assertThat(unrendered).as("routes that showed neither the layout nor the denial to %s", username).isEmpty();
        assertThat(wronglyShown).as("routes shown to %s although the role may not open them", username).isEmpty();
        assertThat(wronglyDenied).as("routes denied to %s although the role may open them", username).isEmpty();
    }

    @Test
    void unknownAddressShowsNotFoundPage() throws Exception {
        String unknown = "/no-such-page-" + UUID.randomUUID();
        HttpResponse<String> anonymous = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + unknown)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(anonymous.statusCode()).as("anonymous request for %s", unknown).isEqualTo(302);
        assertThat(anonymous.headers().firstValue("Location")).hasValueSatisfying(
                location -> assertThat(location).endsWith("/login"));

        try (PortalBrowser browser = PortalBrowser.open("http://127.0.0.1:" + port)) {
            browser.signIn("bamf", "bamf-clerk");
            browser.openPage(unknown);
            assertThat(browser.awaitFirstOf(By.id("not-found-view"), DENIED)).as("not-found page shown").isTrue();
            assertThat(browser.text(By.id("not-found-view"))).contains(unknown.substring(1));
        }
    }

    /**
     * Returns the path to open for each routed view, by the view's simple class name. The proposal details view gets
     * the id of an existing proposal, because it shows Vaadin's "not found" page for an unknown id.
     */
    private static Map<String, String> routes(String proposalId) {
        Map<String, String> routes = new TreeMap<>();
        for (Class<?> view : routeClasses()) {
            if (view.isAnnotationPresent(AnonymousAllowed.class)) {
                continue;
            }
            String path = "/" + view.getAnnotation(Route.class).value();
            if (HasUrlParameter.class.isAssignableFrom(view)) {
                path = path + "/" + (view.getSimpleName().equals("ProposalDetailsView") ? proposalId : UUID.randomUUID());
            }
            routes.put(view.getSimpleName(), path);
        }
        return routes;
    }

    private String existingProposalId() {
        ledger.reset();
        TestUsers.signIn(new TestUsers(authorities, boardMembers).boardMember("bamf"));
        try {
            ProposalTexts texts = new ProposalTexts("Route check", "A proposal to open.", "Art. 6(1)(e) GDPR", false);
            return proposals.propose(texts, new PolicyChange("/Channel/Application/Endorsement", "ANY Endorsement"))
                    .id()
                    .toString();
        } finally {
            TestUsers.signOut();
        }
    }

    private static List<Class<?>> routeClasses() {
        ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false);
        scanner.addIncludeFilter(new AnnotationTypeFilter(Route.class));
        List<Class<?>> views = new ArrayList<>();
        for (BeanDefinition candidate : scanner.findCandidateComponents("de.klammer.portal")) {
            views.add(ClassUtils.resolveClassName(candidate.getBeanClassName(), RouteAccessIT.class.getClassLoader()));
        }
        return views;
    }
}
