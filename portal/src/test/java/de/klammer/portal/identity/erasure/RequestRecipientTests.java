package de.klammer.portal.identity.erasure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import de.klammer.portal.IntegrationTest;
import de.klammer.portal.authority.Authority;
import de.klammer.portal.authority.AuthorityService;
import de.klammer.portal.authority.BoardMemberService;
import de.klammer.portal.identity.erasure.internal.DataSubjectRequest;
import de.klammer.portal.identity.erasure.internal.DataSubjectRequestRepository;
import de.klammer.portal.identity.erasure.internal.RequestRecipient;
import de.klammer.portal.identity.erasure.internal.RequestRecipientRepository;
import de.klammer.portal.security.PortalRole;
import de.klammer.portal.security.TestUsers;
import java.time.LocalDate;
import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Notification of recipients (Art. 19 GDPR): a recipient authority sees the request and acknowledges it once. */
@IntegrationTest
class RequestRecipientTests {

    @Autowired
    DataSubjectRequestService requests;

    @Autowired
    DataSubjectRequestRepository repository;

    @Autowired
    RequestRecipientRepository recipients;

    @Autowired
    AuthorityService authorities;

    @Autowired
    BoardMemberService boardMembers;

    @AfterEach
    void signOut() {
        TestUsers.signOut();
    }

    @Test
    void recipientAcknowledgesNotification() {
        DataSubjectRequest request = storedRequest("bamf");
        recipients.save(new RequestRecipient(request.id(), "LdsMSP"));
        TestUsers.signIn(new TestUsers(authorities, boardMembers).user("lds", PortalRole.AUTHORITY_ADMIN));
        assertThat(requests.listReceived()).extracting(RequestSummary::id).contains(request.id());

        RequestSummary acknowledged = requests.acknowledge(request.id());

        assertThat(acknowledged.recipients()).singleElement().satisfies(recipient -> {
            assertThat(recipient.mspId()).isEqualTo("LdsMSP");
            assertThat(recipient.acknowledgedAt()).isNotNull();
        });
        assertThat(requests.listReceived()).extracting(RequestSummary::id).doesNotContain(request.id());
    }

    @Test
    void rejectsAcknowledgementByNonRecipient() {
        DataSubjectRequest request = storedRequest("bamf");
        TestUsers.signIn(new TestUsers(authorities, boardMembers).user("lds", PortalRole.DPO));

        assertThatExceptionOfType(IllegalArgumentException.class)
                .isThrownBy(() -> requests.acknowledge(request.id()))
                .withMessageContaining("no recipient");
    }

    private DataSubjectRequest storedRequest(String authorityCode) {
        Authority authority = authorities.findAll().stream()
                .filter(candidate -> candidate.code().equals(authorityCode))
                .findFirst()
                .orElseThrow();
        return repository.save(new DataSubjectRequest(
                "DSR-R" + UUID.randomUUID().toString().substring(0, 6).toUpperCase(Locale.ROOT),
                RequestKind.ERASURE,
                authority.id(),
                authority.mspId(),
                "kid-" + UUID.randomUUID(),
                "test",
                requests.deadlines(authority.mspId()).deadlineFor(LocalDate.now()),
                "Art. 17(1)(a) GDPR",
                null));
    }
}
