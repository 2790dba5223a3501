package de.klammer.portal.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import de.klammer.identity.PersonRecord;
import de.klammer.identity.RoleAttribute;
import de.klammer.portal.LedgerIntegrationTest;
import de.klammer.portal.authority.AuthorityService;
import de.klammer.portal.authority.BoardMemberService;
import de.klammer.portal.identity.erasure.DataSubjectRequestService;
import de.klammer.portal.identity.erasure.RequestExecutionService;
import de.klammer.portal.identity.erasure.RequestStatus;
import de.klammer.portal.identity.erasure.RequestSummary;
import de.klammer.portal.security.PortalRole;
import de.klammer.portal.security.PortalUser;
import de.klammer.portal.security.TestUsers;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;

/**
 * A clerk requests a ledger identity only for themselves and files erasure and rectification requests only about an
 * identity they hold. The services are called directly, as a view or a crafted request would call them.
 */
@LedgerIntegrationTest
class ClerkRequestRulesIT {

    private static final LocalDate VALID_UNTIL = LocalDate.now().plusMonths(6);
    private static final Set<LedgerRole> ROLES = Set.of(LedgerRole.REGISTRATION_CLERK);

    @Autowired
    LedgerIdentityService identities;

    @Autowired
    DataSubjectRequestService requests;

    @Autowired
    RequestExecutionService execution;

    @Autowired
    AuthorityService authorityService;

    @Autowired
    BoardMemberService boardMembers;

    TestUsers users;
    PortalUser clerk;
    PortalUser otherClerk;

    @BeforeEach
    void createUsers() {
        users = new TestUsers(authorityService, boardMembers);
        clerk = IdentityTestSupport.user(users, "bamf", "clerk-" + UUID.randomUUID(), PortalRole.CLERK);
        otherClerk = IdentityTestSupport.user(users, "bamf", "clerk-" + UUID.randomUUID(), PortalRole.CLERK);
    }

    @AfterEach
    void signOut() {
        TestUsers.signOut();
    }

    @Test
    void deniesClerkRequestForOthers() {
        TestUsers.signIn(clerk);
        PersonRecord someoneElse = person(otherClerk);

        assertThatExceptionOfType(AccessDeniedException.class)
                .isThrownBy(() -> identities.requestForPerson(someoneElse, ROLES, VALID_UNTIL, KeySource.GENERATED));
        assertThatExceptionOfType(AccessDeniedException.class)
                .isThrownBy(() -> identities.requestForSystem(ROLES, VALID_UNTIL, KeySource.GENERATED));
        assertThat(identities.list()).as("nothing requested").isEmpty();
    }

    @Test
    void deniesClerkApprovingRequest() {
        LedgerIdentityDetails requested = requestAsAdmin(person(clerk));
        TestUsers.signIn(clerk);

        assertThatExceptionOfType(AccessDeniedException.class).isThrownBy(() -> identities.approve(requested.id()));
        TestUsers.signIn(admin());
        assertThat(identities.details(requested.id()).status()).isEqualTo(LedgerIdentityStatus.REQUESTED);
    }

    @Test
    void deniesClerkFilingAboutOtherIdentity() {
        LedgerIdentityDetails others = enrolFor(otherClerk);
        TestUsers.signIn(clerk);

        assertThatExceptionOfType(AccessDeniedException.class)
                .isThrownBy(() -> requests.fileErasure(others.enrollmentId(), "Art. 17(1)(a) GDPR", LocalDate.now()))
                .withMessageContaining(others.enrollmentId())
                .withMessageContaining("own ledger identity");
        assertThatExceptionOfType(AccessDeniedException.class)
                .isThrownBy(() -> requests.fileCorrection(others.enrollmentId(), "Art. 16 GDPR", LocalDate.now(),
                        List.of(new RoleAttribute("klammer.department", "hearing")), List.of()))
                .withMessageContaining(others.enrollmentId());
        TestUsers.signIn(users.user("bamf", PortalRole.DPO));
        assertThat(requests.list())
                .as("no request filed")
                .extracting(RequestSummary::enrollmentId)
                .doesNotContain(others.enrollmentId());
    }

    @Test
    void allowsClerkFilingAboutOwnIdentity() {
        LedgerIdentityDetails own = enrolFor(clerk);
        TestUsers.signIn(clerk);

        RequestSummary erasure = requests.fileErasure(own.enrollmentId(), "Art. 17(1)(a) GDPR", LocalDate.now());
        RequestSummary correction = requests.fileCorrection(own.enrollmentId(), "Art. 16 GDPR", LocalDate.now(),
                List.of(new RoleAttribute("klammer.department", "hearing")), List.of());

        assertThat(erasure.enrollmentId()).isEqualTo(own.enrollmentId());
        assertThat(erasure.status()).isEqualTo(RequestStatus.OPEN);
        assertThat(correction.enrollmentId()).isEqualTo(own.enrollmentId());
        assertThatExceptionOfType(AccessDeniedException.class)
                .as("the other clerk does not hold it")
                .isThrownBy(() -> {
                    TestUsers.signIn(otherClerk);
                    requests.fileErasure(own.enrollmentId(), "Art. 17(1)(a) GDPR", LocalDate.now());
                });
    }

    @Test
    void erasureForgetsHolderOfIdentity() {
        LedgerIdentityDetails own = enrolFor(clerk);
        TestUsers.signIn(clerk);
        RequestSummary filed = requests.fileErasure(own.enrollmentId(), "Art. 17(1)(a) GDPR", LocalDate.now());
        assertThat(identities.heldBySignedInUser(own.enrollmentId())).isTrue();

        TestUsers.signIn(users.user("bamf", PortalRole.DPO));
        execution.execute(filed.id());
        TestUsers.signIn(clerk);

        assertThat(identities.heldBySignedInUser(own.enrollmentId())).isFalse();
    }

    /** Requests an identity for the user as a person, approves it as a second administrator and returns it. */
    private LedgerIdentityDetails enrolFor(PortalUser holder) {
        LedgerIdentityDetails requested = requestAsAdmin(person(holder));
        TestUsers.signIn(admin());
        LedgerIdentityDetails enrolled = identities.approve(requested.id()).identity();
        assertThat(enrolled.status()).isEqualTo(LedgerIdentityStatus.ENROLLED);
        return enrolled;
    }

    private LedgerIdentityDetails requestAsAdmin(PersonRecord person) {
        TestUsers.signIn(admin());
        return identities.requestForPerson(person, ROLES, VALID_UNTIL, KeySource.GENERATED);
    }

    private PortalUser admin() {
        return IdentityTestSupport.user(users, "bamf", "admin-" + UUID.randomUUID(), PortalRole.AUTHORITY_ADMIN);
    }

    /** Returns the user as the identity provider would release them: test users carry their subject as name. */
    private static PersonRecord person(PortalUser user) {
        String unique = UUID.randomUUID().toString().substring(0, 8);
        String email = "person." + unique + "@bamf.example";
        return new PersonRecord("Vorname", "Nachname" + unique, email, user.issuer(), user.displayName());
    }
}
