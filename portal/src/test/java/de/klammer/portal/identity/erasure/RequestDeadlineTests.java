package de.klammer.portal.identity.erasure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import de.klammer.identity.DeadlineExtensionRejectedException;
import de.klammer.identity.ErasureDeadlines;
import de.klammer.identity.GermanState;
import de.klammer.portal.IntegrationTest;
import de.klammer.portal.authority.Authority;
import de.klammer.portal.authority.AuthorityService;
import de.klammer.portal.authority.BoardMemberService;
import de.klammer.portal.identity.erasure.internal.DataSubjectRequest;
import de.klammer.portal.identity.erasure.internal.DataSubjectRequestRepository;
import de.klammer.portal.security.PortalRole;
import de.klammer.portal.security.TestUsers;
import java.time.LocalDate;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;

/**
 * The portal's deadline wiring: the controller's state per authority picks the public holidays, and an extension
 * needs a reason and at most two further months. Requests are stored directly, since these tests run without a CA.
 */
@IntegrationTest
class RequestDeadlineTests {

    @Autowired
    DataSubjectRequestService requests;

    @Autowired
    DataSubjectRequestRepository repository;

    @Autowired
    ErasureProperties properties;

    @Autowired
    AuthorityService authorities;

    @Autowired
    BoardMemberService boardMembers;

    @AfterEach
    void signOut() {
        TestUsers.signOut();
    }

    @Test
    void mapsAuthoritiesToControllerStates() {
        assertThat(properties.controllerState("BamfMSP")).isEqualTo(GermanState.BY);
        assertThat(properties.controllerState("LdsMSP")).isEqualTo(GermanState.SN);
        assertThatExceptionOfType(IllegalStateException.class)
                .isThrownBy(() -> properties.controllerState("UnknownMSP"))
                .withMessageContaining("klammer.identity.erasure.controller-states.UnknownMSP");
    }

    @Test
    void appliesHolidaysOfControllerState() {
        // 1 November 2024 (a Friday) is All Saints' Day, a holiday in Bavaria but not in Saxony.
        LocalDate receivedOn = LocalDate.of(2024, 10, 1);
        assertThat(requests.deadlines("BamfMSP").deadlineFor(receivedOn).dueOn()).isEqualTo(LocalDate.of(2024, 11, 4));
        assertThat(requests.deadlines("LdsMSP").deadlineFor(receivedOn).dueOn()).isEqualTo(LocalDate.of(2024, 11, 1));
        // 20 November 2024 (a Wednesday) is Repentance Day, a holiday in Saxony only.
        LocalDate repentance = LocalDate.of(2024, 10, 20);
        assertThat(requests.deadlines("BamfMSP").deadlineFor(repentance).dueOn()).isEqualTo(LocalDate.of(2024, 11, 20));
        assertThat(requests.deadlines("LdsMSP").deadlineFor(repentance).dueOn()).isEqualTo(LocalDate.of(2024, 11, 21));
    }

    @Test
    void extensionNeedsReason() {
        DataSubjectRequest request = storedRequest("lds", LocalDate.now());
        TestUsers.signIn(users().user("lds", PortalRole.DPO));

        assertThatExceptionOfType(IllegalArgumentException.class)
                .isThrownBy(() -> requests.extend(request.id(), 1, " ", LocalDate.now()))
                .withMessageContaining("reason");
        assertThat(requests.get(request.id()).extensionMonths()).isZero();
    }

    @Test
    void extendsByAtMostTwoMonths() {
        LocalDate receivedOn = LocalDate.now().minusDays(3);
        DataSubjectRequest request = storedRequest("lds", receivedOn);
        TestUsers.signIn(users().user("lds", PortalRole.DPO));

        RequestSummary extended = requests.extend(request.id(), 2, "Many systems to check", LocalDate.now());

        ErasureDeadlines saxony = new ErasureDeadlines(GermanState.SN);
        LocalDate expected = saxony.extend(saxony.deadlineFor(receivedOn), 2, "x", LocalDate.now()).dueOn();
        assertThat(extended.dueOn()).isEqualTo(expected);
        assertThat(extended.extensionMonths()).isEqualTo(2);
        assertThat(extended.extensionReason()).isEqualTo("Many systems to check");
        assertThatExceptionOfType(DeadlineExtensionRejectedException.class)
                .isThrownBy(() -> requests.extend(request.id(), 1, "Still more", LocalDate.now()));
    }

    @Test
    void rejectsExtensionByOtherAuthority() {
        DataSubjectRequest request = storedRequest("lds", LocalDate.now());
        TestUsers.signIn(users().user("bamf", PortalRole.DPO));

        assertThatExceptionOfType(AccessDeniedException.class)
                .isThrownBy(() -> requests.extend(request.id(), 1, "Reason", LocalDate.now()));
    }

    @Test
    void marksRequestUrgentWithinSevenDays() {
        DataSubjectRequest request = storedRequest("lds", LocalDate.now().minusDays(28));
        TestUsers.signIn(users().user("lds", PortalRole.DPO));

        RequestSummary summary = requests.get(request.id());

        assertThat(summary.isUrgent(LocalDate.now())).isTrue();
        assertThat(summary.isUrgent(summary.dueOn().minusDays(8))).isFalse();
        assertThat(requests.list()).extracting(RequestSummary::id).contains(request.id());
    }

    private DataSubjectRequest storedRequest(String authorityCode, LocalDate receivedOn) {
        Authority authority = authorities.findAll().stream()
                .filter(candidate -> candidate.code().equals(authorityCode))
                .findFirst()
                .orElseThrow();
        return repository.save(new DataSubjectRequest(
                "DSR-T" + UUID.randomUUID().toString().substring(0, 6),
                RequestKind.ERASURE,
                authority.id(),
                authority.mspId(),
                "kid-" + UUID.randomUUID(),
                "test",
                requests.deadlines(authority.mspId()).deadlineFor(receivedOn),
                "Art. 17(1)(a) GDPR",
                null));
    }

    private TestUsers users() {
        return new TestUsers(authorities, boardMembers);
    }
}
