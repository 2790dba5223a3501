package de.klammer.portal.security;

import static de.klammer.portal.security.PortalRole.AUDITOR;
import static de.klammer.portal.security.PortalRole.AUTHORITY_ADMIN;
import static de.klammer.portal.security.PortalRole.DPO;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import de.klammer.identity.EnrollmentIds;
import de.klammer.identity.PersonRecord;
import de.klammer.portal.IntegrationTest;
import de.klammer.portal.authority.Authority;
import de.klammer.portal.authority.AuthorityService;
import de.klammer.portal.authority.BoardMemberService;
import de.klammer.portal.concept.AssignmentRequest;
import de.klammer.portal.concept.AssignmentService;
import de.klammer.portal.concept.ConceptAccessDeniedException;
import de.klammer.portal.concept.ConceptService;
import de.klammer.portal.concept.ConceptModel.Role;
import de.klammer.portal.identity.IdentityKind;
import de.klammer.portal.identity.IdentityVaultService;
import de.klammer.portal.identity.KeySource;
import de.klammer.portal.identity.LedgerIdentityDetails;
import de.klammer.portal.identity.LedgerIdentityNotFoundException;
import de.klammer.portal.identity.LedgerIdentityService;
import de.klammer.portal.identity.LedgerRole;
import de.klammer.portal.identity.erasure.DataSubjectRequestService;
import de.klammer.portal.identity.erasure.RequestExecutionService;
import de.klammer.portal.identity.erasure.RequestKind;
import de.klammer.portal.identity.erasure.RequestSummary;
import de.klammer.portal.identity.erasure.internal.DataSubjectRequest;
import de.klammer.portal.identity.erasure.internal.DataSubjectRequestRepository;
import de.klammer.portal.identity.erasure.internal.RequestRecipient;
import de.klammer.portal.identity.erasure.internal.RequestRecipientRepository;
import de.klammer.portal.identity.internal.LedgerIdentity;
import de.klammer.portal.identity.internal.LedgerIdentityRepository;
import de.klammer.portal.identity.review.AccessReviewService;
import de.klammer.portal.identity.review.AccessReviews;
import de.klammer.portal.identity.review.CampaignSummary;
import de.klammer.portal.identity.review.ReviewItem;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Stream;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * "Own authority" against "other authority" for every operation on a record that belongs to one authority: data
 * subject requests, their execution, the identity vault, access reviews, ledger identities and role assignments.
 *
 * <p>Each case runs in both directions (a BAMF record, then an LDS record) and for each portal role that the
 * operation admits. A user of the other authority with that role must be rejected with the named exception, and the
 * record's stored row must be unchanged afterwards. Then a user of the record's own authority with the same role
 * calls the same operation and must get past the authority check, which shows that the rejection came from that check
 * and not from the role or the arguments. {@link AuthorizationMatrixTests} covers the roles themselves.
 */
@IntegrationTest
class CrossAuthorityAccessTests {

    private static final List<String> AUTHORITIES = List.of("bamf", "lds");

    @Autowired
    DataSubjectRequestService requests;

    @Autowired
    RequestExecutionService execution;

    @Autowired
    DataSubjectRequestRepository requestRows;

    @Autowired
    RequestRecipientRepository recipientRows;

    @Autowired
    IdentityVaultService vault;

    @Autowired
    AccessReviewService reviews;

    @Autowired
    LedgerIdentityService ledgerIdentities;

    @Autowired
    LedgerIdentityRepository identityRows;

    @Autowired
    AssignmentService assignments;

    @Autowired
    ConceptService concept;

    @Autowired
    AuthorityService authorities;

    @Autowired
    BoardMemberService boardMembers;

    @Autowired
    JdbcClient jdbc;

    TestUsers users;

    @BeforeEach
    void createUsers() {
        users = new TestUsers(authorities, boardMembers);
    }

    @AfterEach
    void signOut() {
        TestUsers.signOut();
    }

    /** An operation on one authority's record, and the rejection that a user of another authority must get. */
    private record Case(
            String operation,
            Set<PortalRole> roles,
            Function<String, Target> target,
            Class<? extends RuntimeException> rejection,
            String rejectionText) {}

    /**
     * A record of one authority and a call on it.
     *
     * @param rowQuery SQL that returns the record's stored state as one text value, with one parameter
     * @param key the parameter of {@code rowQuery}
     * @param cleanUp runs after both calls, for state that would disturb later cases
     */
    private record Target(String rowQuery, Object key, ThrowingCallable call, Runnable cleanUp) {

        Target(String rowQuery, Object key, ThrowingCallable call) {
            this(rowQuery, key, call, () -> {});
        }
    }

    @TestFactory
    Stream<DynamicTest> rejectsOtherAuthorityAndAdmitsOwn() {
        List<DynamicTest> tests = new ArrayList<>();
        for (Case operation : cases()) {
            for (String owner : AUTHORITIES) {
                for (PortalRole role : operation.roles()) {
                    tests.add(DynamicTest.dynamicTest(
                            operation.operation() + " on a record of " + owner + " as " + role,
                            () -> check(operation, owner, role)));
                }
            }
        }
        return tests.stream();
    }

    private void check(Case operation, String owner, PortalRole role) {
        Target target = operation.target().apply(owner);
        String other = owner.equals("bamf") ? "lds" : "bamf";
        String before = row(target);

        TestUsers.signIn(users.user(other, role));
        assertThatThrownBy(target.call())
                .as("%s by a %s of %s", operation.operation(), role, other)
                .isInstanceOf(operation.rejection())
                .hasMessageContaining(operation.rejectionText());
        assertThat(row(target)).as("stored row after the rejected call").isEqualTo(before);

        TestUsers.signIn(users.user(owner, role));
        Throwable own = catchThrowable(target.call());
        target.cleanUp().run();
        assertThat(isRejection(own, operation))
                .as("%s by a %s of %s itself was rejected like another authority: %s",
                        operation.operation(), role, owner, own)
                .isFalse();
    }

    private static boolean isRejection(Throwable thrown, Case operation) {
        return operation.rejection().isInstance(thrown)
                && thrown.getMessage() != null
                && thrown.getMessage().contains(operation.rejectionText());
    }

    private List<Case> cases() {
        return List.of(
                new Case("DataSubjectRequestService.get", Set.of(AUTHORITY_ADMIN, DPO, AUDITOR),
                        owner -> onRequest(owner, request -> () -> requests.get(request.id())),
                        AccessDeniedException.class, "only users of that authority"),
                new Case("DataSubjectRequestService.extend", Set.of(DPO),
                        owner -> onRequest(owner, request -> () -> requests.extend(
                                request.id(), 1, "Several systems to search", LocalDate.now())),
                        AccessDeniedException.class, "only users of that authority"),
                new Case("DataSubjectRequestService.retain", Set.of(DPO),
                        owner -> onRequest(owner, request -> () -> requests.retain(
                                request.id(), "Records must be kept under section 8 AsylG")),
                        AccessDeniedException.class, "only users of that authority"),
                new Case("DataSubjectRequestService.acknowledge", Set.of(AUTHORITY_ADMIN, DPO),
                        this::acknowledgement,
                        IllegalArgumentException.class, "is no recipient of request"),
                new Case("RequestExecutionService.execute", Set.of(DPO),
                        owner -> onRequest(owner, request -> () -> execution.execute(request.id())),
                        AccessDeniedException.class, "only a DPO of that authority may execute it"),
                new Case("DataSubjectRequestService.correctPersonRecord", Set.of(AUTHORITY_ADMIN, DPO),
                        owner -> onVaultRecord(owner, pseudonym -> () -> requests.correctPersonRecord(
                                pseudonym, person("Corrected"))),
                        AccessDeniedException.class, "belongs to another authority"),
                new Case("DataSubjectRequestService.correctPersonNames", Set.of(AUTHORITY_ADMIN, DPO),
                        owner -> onVaultRecord(owner, pseudonym -> () -> requests.correctPersonNames(
                                pseudonym, "Corrected", "Name", null)),
                        AccessDeniedException.class, "belongs to another authority"),
                new Case("IdentityVaultService.resolve", Set.of(AUTHORITY_ADMIN, DPO),
                        owner -> onVaultRecord(owner, pseudonym -> () -> vault.resolve(
                                pseudonym, "test: resolve across authorities")),
                        AccessDeniedException.class, "belongs to another authority"),
                new Case("AccessReviewService.items", Set.of(AUTHORITY_ADMIN, DPO, AUDITOR),
                        owner -> onReviewItem(owner, item -> () -> reviews.items(item.campaignId())),
                        IllegalArgumentException.class, "No access review campaign"),
                new Case("AccessReviewService.confirm", Set.of(AUTHORITY_ADMIN),
                        owner -> onReviewItem(owner, item -> () -> reviews.confirm(item.id())),
                        IllegalArgumentException.class, "No access review campaign"),
                new Case("AccessReviewService.withdraw", Set.of(AUTHORITY_ADMIN),
                        owner -> onReviewItem(owner, item -> () -> reviews.withdraw(
                                item.id(), "Left the department")),
                        IllegalArgumentException.class, "No access review campaign"),
                new Case("AccessReviewService.retryRevocation", Set.of(AUTHORITY_ADMIN),
                        owner -> onReviewItem(owner, item -> () -> reviews.retryRevocation(item.id())),
                        IllegalArgumentException.class, "No access review campaign"),
                new Case("LedgerIdentityService.details", Set.of(AUTHORITY_ADMIN, DPO, AUDITOR),
                        owner -> onIdentity(owner, identity -> () -> ledgerIdentities.details(identity.id())),
                        LedgerIdentityNotFoundException.class, "in your authority"),
                new Case("LedgerIdentityService.approve", Set.of(AUTHORITY_ADMIN),
                        owner -> onIdentity(owner, identity -> () -> ledgerIdentities.approve(identity.id())),
                        LedgerIdentityNotFoundException.class, "in your authority"),
                new Case("LedgerIdentityService.resume", Set.of(AUTHORITY_ADMIN),
                        owner -> onIdentity(owner, identity -> () -> ledgerIdentities.resume(identity.id())),
                        LedgerIdentityNotFoundException.class, "in your authority"),
                new Case("LedgerIdentityService.renew", Set.of(AUTHORITY_ADMIN),
                        owner -> onIdentity(owner, identity -> () -> ledgerIdentities.renew(identity.id())),
                        LedgerIdentityNotFoundException.class, "in your authority"),
                new Case("LedgerIdentityService.withdraw", Set.of(AUTHORITY_ADMIN),
                        owner -> onIdentity(owner, identity -> () -> ledgerIdentities.withdraw(identity.id())),
                        LedgerIdentityNotFoundException.class, "in your authority"),
                new Case("LedgerIdentityService.attachCsr", Set.of(AUTHORITY_ADMIN),
                        owner -> onIdentity(owner, identity -> () -> ledgerIdentities.attachCsr(
                                identity.id(), "not a CSR")),
                        LedgerIdentityNotFoundException.class, "in your authority"),
                new Case("AssignmentService.assign", Set.of(AUTHORITY_ADMIN),
                        this::assignment,
                        ConceptAccessDeniedException.class, "may assign roles for their own authority only"));
    }

    @Test
    void listsShowOnlyOwnAuthority() {
        DataSubjectRequest bamfRequest = storedRequest("bamf");
        LedgerIdentity bamfIdentity = storedIdentity("bamf", false);
        ReviewItem bamfItem = reviewItem("bamf");

        TestUsers.signIn(users.user("lds", AUTHORITY_ADMIN, DPO, AUDITOR));
        assertThat(requests.list()).extracting(RequestSummary::id).doesNotContain(bamfRequest.id());
        assertThat(ledgerIdentities.list()).extracting(LedgerIdentityDetails::id).doesNotContain(bamfIdentity.id());
        assertThat(reviews.list()).extracting(CampaignSummary::id).doesNotContain(bamfItem.campaignId());

        TestUsers.signIn(users.user("bamf", AUTHORITY_ADMIN, DPO, AUDITOR));
        assertThat(requests.list()).extracting(RequestSummary::id).contains(bamfRequest.id());
        assertThat(ledgerIdentities.list()).extracting(LedgerIdentityDetails::id).contains(bamfIdentity.id());
        assertThat(reviews.list()).extracting(CampaignSummary::id).contains(bamfItem.campaignId());
        closeOpenCampaign("bamf");
    }

    private Target onRequest(String owner, Function<DataSubjectRequest, ThrowingCallable> call) {
        DataSubjectRequest request = storedRequest(owner);
        return new Target("select row_to_json(r)::text from data_subject_request r where id = ?", request.id(),
                call.apply(request));
    }

    /**
     * Returns a target on a request of the other authority that names the owner as recipient, so that only the
     * owner may acknowledge it.
     */
    private Target acknowledgement(String owner) {
        String filer = owner.equals("bamf") ? "lds" : "bamf";
        DataSubjectRequest request = storedRequest(filer);
        recipientRows.save(new RequestRecipient(request.id(), authority(owner).mspId()));
        return new Target("select coalesce(json_agg(r order by msp_id)::text, '') from data_subject_request_recipient r"
                + " where request_id = ?", request.id(), () -> requests.acknowledge(request.id()));
    }

    private Target onVaultRecord(String owner, Function<String, ThrowingCallable> call) {
        String pseudonym = EnrollmentIds.random();
        vault.store(pseudonym, authority(owner).id(), person("Original"));
        return new Target("select encode(ciphertext, 'hex') || ':' || authority_id from person_vault"
                + " where pseudonym = ?", pseudonym, call.apply(pseudonym));
    }

    private Target onReviewItem(String owner, Function<ReviewItem, ThrowingCallable> call) {
        ReviewItem item = reviewItem(owner);
        // A campaign left open would block the next one of this authority.
        return new Target("select row_to_json(i)::text from access_review_item i where id = ?", item.id(),
                call.apply(item), () -> closeOpenCampaign(owner));
    }

    private Target onIdentity(String owner, Function<LedgerIdentity, ThrowingCallable> call) {
        LedgerIdentity identity = storedIdentity(owner, false);
        return new Target("select row_to_json(i)::text from ledger_identity i where id = ?", identity.id(),
                call.apply(identity));
    }

    private Target assignment(String owner) {
        String role = "cross-" + UUID.randomUUID().toString().substring(0, 8);
        TestUsers.signIn(users.boardMember("bamf"));
        concept.saveRole(new Role(role, "Querschnitt", null, owner, List.of()));
        String holder = "holder-" + role;
        return new Target("select count(*)::text from role_assignment where holder = ?", holder,
                () -> assignments.assign(new AssignmentRequest(holder, owner, role, LocalDate.now(), null)));
    }

    private DataSubjectRequest storedRequest(String owner) {
        Authority authority = authority(owner);
        return requestRows.save(new DataSubjectRequest(
                "DSR-X" + UUID.randomUUID().toString().substring(0, 6).toUpperCase(Locale.ROOT),
                RequestKind.ERASURE,
                authority.id(),
                authority.mspId(),
                EnrollmentIds.random(),
                "user-filer",
                requests.deadlines(authority.mspId()).deadlineFor(LocalDate.now()),
                "Art. 17(1)(a) GDPR",
                null));
    }

    private LedgerIdentity storedIdentity(String owner, boolean enrolled) {
        LedgerIdentity identity = new LedgerIdentity(authority(owner).id(), EnrollmentIds.random(), IdentityKind.SYSTEM,
                Set.of(LedgerRole.REGISTRATION_CLERK), LocalDate.now().plusYears(1), KeySource.GENERATED,
                "user-requester");
        if (enrolled) {
            identity.approve("user-approver");
            identity.markRegistered();
            identity.markEnrolled();
        }
        return identityRows.save(identity);
    }

    /** Opens a campaign of the authority with a fresh enrolled identity and returns that identity's item. */
    private ReviewItem reviewItem(String owner) {
        closeOpenCampaign(owner);
        LedgerIdentity identity = storedIdentity(owner, true);
        TestUsers.signIn(users.user(owner, AUTHORITY_ADMIN));
        CampaignSummary campaign = reviews.open();
        ReviewItem item = reviews.items(campaign.id()).stream()
                .filter(candidate -> candidate.enrollmentId().equals(identity.enrollmentId()))
                .findFirst()
                .orElseThrow();
        TestUsers.signOut();
        return item;
    }

    /** Closes the authority's open campaign as its administrator and signs the previous user in again. */
    private void closeOpenCampaign(String owner) {
        Authentication previous = SecurityContextHolder.getContext().getAuthentication();
        TestUsers.signIn(users.user(owner, AUTHORITY_ADMIN));
        AccessReviews.closeOpenCampaign(reviews);
        SecurityContextHolder.getContext().setAuthentication(previous);
    }

    private String row(Target target) {
        return jdbc.sql(target.rowQuery()).param(target.key()).query(String.class).optional().orElse("");
    }

    private Authority authority(String code) {
        return users.authority(code);
    }

    private static PersonRecord person(String givenName) {
        return new PersonRecord(givenName, "Muster", null, "https://idp.example", "subject-" + givenName);
    }
}
