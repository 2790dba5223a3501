package de.klammer.portal.identity.erasure;

import static org.assertj.core.api.Assertions.assertThat;

import de.klammer.portal.IntegrationTest;
import de.klammer.portal.authority.Authority;
import de.klammer.portal.authority.AuthorityService;
import de.klammer.portal.browser.PortalBrowser;
import de.klammer.portal.identity.erasure.internal.DataSubjectRequest;
import de.klammer.portal.identity.erasure.internal.DataSubjectRequestRepository;
import java.io.IOException;
import java.time.LocalDate;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The DPO workbench in the browser, with requests stored directly because these tests run without a CA. */
@IntegrationTest
class RequestWorkbenchIT {

    @LocalServerPort
    int port;

    @Autowired
    DataSubjectRequestRepository repository;

    @Autowired
    DataSubjectRequestService requests;

    @Autowired
    AuthorityService authorities;

    @Test
    void marksOverdueRequestForDpo() throws IOException {
        DataSubjectRequest overdue = storedRequest("bamf", LocalDate.now().minusMonths(2));
        DataSubjectRequest later = storedRequest("bamf", LocalDate.now());

        try (PortalBrowser browser = PortalBrowser.open("http://127.0.0.1:" + port)) {
            browser.signIn("bamf", "bamf-dpo");
            browser.openPage("/requests");

            String grid = browser.text(By.id("erasure-request-grid"));
            assertThat(grid).contains(overdue.reference(), overdue.enrollmentId(), "überfällig");
            assertThat(grid).contains(later.reference(), later.deadline().dueOn().toString());
            By referenceCell =
                    By.xpath("//vaadin-grid-cell-content[normalize-space(.)='" + overdue.reference() + "']");
            browser.text(referenceCell);
            browser.elements(referenceCell).getFirst().click();
            assertThat(browser.text(By.id("erasure-execute"))).isEqualTo("Ausführen oder fortsetzen");
            assertThat(browser.text(By.id("erasure-request-details")))
                    .contains(overdue.reference(), overdue.deadline().dueOn().toString(), "Frist verlängern");
        }
    }

    @Test
    void hidesRequestsOfOtherAuthority() throws IOException {
        DataSubjectRequest lds = storedRequest("lds", LocalDate.now());

        try (PortalBrowser browser = PortalBrowser.open("http://127.0.0.1:" + port)) {
            browser.signIn("bamf", "bamf-dpo");
            browser.switchLanguage("English");
            browser.openPage("/requests");

            assertThat(browser.text(By.cssSelector("#erasure-workbench h1"))).isEqualTo("Erasure and correction requests");
            assertThat(browser.text(By.id("erasure-request-grid"))).doesNotContain(lds.reference());
        }
    }

    private DataSubjectRequest storedRequest(String authorityCode, LocalDate receivedOn) {
        Authority authority = authorities.findAll().stream()
                .filter(candidate -> candidate.code().equals(authorityCode))
                .findFirst()
                .orElseThrow();
        return repository.save(new DataSubjectRequest(
                "DSR-B" + UUID.randomUUID().toString().substring(0, 6).toUpperCase(java.util.Locale.ROOT),
                RequestKind.ERASURE,
                authority.id(),
                authority.mspId(),
                "kid-" + UUID.randomUUID(),
                "test",
                requests.deadlines(authority.mspId()).deadlineFor(receivedOn),
                "Art. 17(1)(a) GDPR",
                null));
    }
}
