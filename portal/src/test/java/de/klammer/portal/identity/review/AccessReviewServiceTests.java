package de.klammer.portal.identity.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import de.klammer.identity.EnrollmentIds;
import de.klammer.identity.PersonRecord;
import de.klammer.portal.IntegrationTest;
import de.klammer.portal.audit.AuditEvent;
import de.klammer.portal.audit.AuditService;
import de.klammer.portal.authority.Authority;
import de.klammer.portal.authority.AuthorityService;
import de.klammer.portal.authority.BoardMemberService;
import de.klammer.portal.identity.IdentityKind;
import de.klammer.portal.identity.IdentityVaultService;
import de.klammer.portal.identity.KeySource;
import de.klammer.portal.identity.LedgerIdentityStatus;
import de.klammer.portal.identity.LedgerRole;
import de.klammer.portal.identity.internal.LedgerIdentity;
import de.klammer.portal.identity.internal.LedgerIdentityRepository;
import de.klammer.portal.identity.review.internal.AccessReviewItem;
import de.klammer.portal.identity.review.internal.AccessReviewItemRepository;
import de.klammer.portal.security.PortalRole;
import de.klammer.portal.security.PortalUser;
import de.klammer.portal.security.TestUsers;
import java.time.Duration;
import java.time.Instant;
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
 * Rules of access reviews on the in-memory ledger, with identities stored as enrolled without a CA. Without a CA every
 * revocation fails, which shows that the withdrawal commits anyway and that retries pick it up. The successful
 * revocation runs against the real CA and orderer in {@link AccessReviewWithdrawalIT}.
 */
@IntegrationTest
class AccessReviewServiceTests {

    @Autowired
    AccessReviewService reviews;

    @Autowired
    LedgerIdentityRepository identities;

    @Autowired
    IdentityVaultService vault;

    @Autowired
    AccessReviewItemRepository items;

    @Autowired
    ReviewRevocationSchedule schedule;

    @Autowired
    AuditService audit;

    @Autowired
    AuthorityService authorityService;

    @Autowired
    BoardMemberService boardMembers;

    TestUsers users;
    PortalUser bamfAdmin;
    PortalUser secondBamfAdmin;

    @BeforeEach
    void closeOpenCampaigns() {
        users = new TestUsers(authorityService, boardMembers);
        bamfAdmin = admin("bamf");
        secondBamfAdmin = admin("bamf");
        closeOpenCampaign(bamfAdmin);
        closeOpenCampaign(admin("lds"));
    }

    @AfterEach
    void signOut() {
        TestUsers.signOut();
    }

    @Test
    void campaignListsOnlyEnrolledIdentitiesOfAuthority() {
        LedgerIdentity enrolled = enrolled("bamf", IdentityKind.PERSON);
        LedgerIdentity system = enrolled("bamf", IdentityKind.SYSTEM);
        LedgerIdentity requested = identities.save(newIdentity("bamf", IdentityKind.PERSON));
        LedgerIdentity otherAuthority = enrolled("lds", IdentityKind.PERSON);
        TestUsers.signIn(bamfAdmin);

        CampaignSummary campaign = reviews.open();

        List<ReviewItem> items = reviews.items(campaign.id());
        assertThat(items).extracting(ReviewItem::enrollmentId)
                .contains(enrolled.enrollmentId(), system.enrollmentId())
                .doesNotContain(requested.enrollmentId(), otherAuthority.enrollmentId());
        assertThat(items).allSatisfy(item -> assertThat(item.decision()).isEqualTo(ReviewDecision.PENDING));
        assertThat(item(campaign, enrolled).roles()).containsExactly(LedgerRole.REGISTRATION_CLERK);
        assertThat(item(campaign, system).kind()).isEqualTo(IdentityKind.SYSTEM);
        assertThat(campaign.open()).isTrue();
        assertThat(campaign.mspId()).isEqualTo("BamfMSP");
        assertThat(campaign.decided()).isZero();
        assertThat(campaign.items()).isEqualTo(items.size());
        assertThat(actions("access-review", campaign.reference())).containsExactly("access-review.opened");
    }

    @Test
    void rejectsSecondOpenCampaignOfAuthority() {
        enrolled("bamf", IdentityKind.PERSON);
        TestUsers.signIn(bamfAdmin);
        CampaignSummary first = reviews.open();

        assertThatExceptionOfType(IllegalStateException.class)
                .isThrownBy(() -> reviews.open())
                .withMessageContaining(first.reference())
                .withMessageContaining("still open");
        assertThat(reviews.list()).filteredOn(CampaignSummary::open).hasSize(1);
    }

    @Test
    void lastDecisionClosesCampaign() {
        LedgerIdentity identity = enrolled("bamf", IdentityKind.PERSON);
        TestUsers.signIn(bamfAdmin);
        CampaignSummary campaign = reviews.open();
        List<ReviewItem> items = reviews.items(campaign.id());

        ReviewItem confirmed = reviews.confirm(item(campaign, identity).id());
        for (ReviewItem other : items) {
            if (!other.id().equals(confirmed.id())) {
                reviews.confirm(other.id());
            }
        }

        assertThat(confirmed.decision()).isEqualTo(ReviewDecision.CONFIRMED);
        assertThat(confirmed.decidedBy()).startsWith("user-");
        assertThat(confirmed.decidedAt()).isNotNull();
        CampaignSummary closed = summary(campaign);
        assertThat(closed.open()).isFalse();
        assertThat(closed.closedAt()).isNotNull();
        assertThat(closed.decided()).isEqualTo(items.size());
        assertThat(closed.confirmed()).isEqualTo(items.size());
        assertThat(closed.percentDecided()).isEqualTo(100);
        assertThat(actions("access-review", campaign.reference()))
                .containsExactly("access-review.opened", "access-review.closed");
        List<AuditEvent> decisions = audit.findBySubject("ledger-identity", identity.enrollmentId());
        assertThat(decisions).extracting(AuditEvent::action).containsExactly("access-review.confirmed");
        assertThat(decisions.getFirst().actor()).isEqualTo(confirmed.decidedBy());
        assertThat(decisions.getFirst().details()).contains(campaign.reference(), "registration-clerk");
    }

    @Test
    void showsProgressWhileItemsRemain() {
        enrolled("bamf", IdentityKind.PERSON);
        enrolled("bamf", IdentityKind.PERSON);
        TestUsers.signIn(bamfAdmin);
        CampaignSummary campaign = reviews.open();

        reviews.confirm(reviews.items(campaign.id()).getFirst().id());

        CampaignSummary progress = summary(campaign);
        assertThat(progress.open()).isTrue();
        assertThat(progress.decided()).isEqualTo(1);
        assertThat(progress.items()).isGreaterThanOrEqualTo(2);
        assertThat(progress.percentDecided()).isEqualTo(100 / progress.items());
    }

    @Test
    void rejectsReviewOfOwnIdentity() {
        LedgerIdentity own = enrolled("bamf", IdentityKind.PERSON);
        Authority bamf = authorityService.findByMspId("BamfMSP").orElseThrow();
        vault.store(own.enrollmentId(), bamf.id(), new PersonRecord(
                "Adelheid", "Prüferin", "adelheid@bamf.example", bamfAdmin.issuer(), bamfAdmin.displayName()));
        TestUsers.signIn(bamfAdmin);
        CampaignSummary campaign = reviews.open();
        UUID itemId = item(campaign, own).id();

        assertThatExceptionOfType(AccessDeniedException.class)
                .isThrownBy(() -> reviews.confirm(itemId))
                .withMessageContaining(own.enrollmentId())
                .withMessageContaining("your own ledger identity");
        assertThatExceptionOfType(AccessDeniedException.class)
                .isThrownBy(() -> reviews.withdraw(itemId, "left the team"));
        assertThat(item(campaign, own).decision()).isEqualTo(ReviewDecision.PENDING);

        TestUsers.signIn(secondBamfAdmin);
        assertThat(reviews.confirm(itemId).decision()).isEqualTo(ReviewDecision.CONFIRMED);
    }

    @Test
    void withdrawalNeedsReason() {
        LedgerIdentity identity = enrolled("bamf", IdentityKind.SYSTEM);
        TestUsers.signIn(bamfAdmin);
        CampaignSummary campaign = reviews.open();
        UUID itemId = item(campaign, identity).id();

        assertThatExceptionOfType(IllegalArgumentException.class)
                .isThrownBy(() -> reviews.withdraw(itemId, "  "))
                .withMessageContaining("reason");
        assertThatExceptionOfType(IllegalArgumentException.class)
                .isThrownBy(() -> reviews.withdraw(itemId, "x".repeat(AccessReviewService.MAX_REASON_LENGTH + 1)))
                .withMessageContaining(Integer.toString(AccessReviewService.MAX_REASON_LENGTH + 1));

        ReviewItem unchanged = item(campaign, identity);
        assertThat(unchanged.decision()).isEqualTo(ReviewDecision.PENDING);
        assertThat(unchanged.revocationState()).isNull();
        assertThat(audit.findBySubject("ledger-identity", identity.enrollmentId())).isEmpty();
    }

    @Test
    void rejectsSecondDecisionOnItem() {
        LedgerIdentity identity = enrolled("bamf", IdentityKind.PERSON);
        enrolled("bamf", IdentityKind.PERSON);
        TestUsers.signIn(bamfAdmin);
        CampaignSummary campaign = reviews.open();
        UUID itemId = item(campaign, identity).id();
        reviews.confirm(itemId);

        TestUsers.signIn(secondBamfAdmin);
        assertThatExceptionOfType(IllegalStateException.class)
                .isThrownBy(() -> reviews.confirm(itemId))
                .withMessageContaining(identity.enrollmentId())
                .withMessageContaining("confirmed");
        assertThatExceptionOfType(IllegalStateException.class)
                .isThrownBy(() -> reviews.withdraw(itemId, "left the team"))
                .withMessageContaining("confirmed");
        assertThat(item(campaign, identity).decidedBy()).isNotNull();
    }

    @Test
    void rejectsDecisionAfterCampaignClosed() {
        LedgerIdentity identity = enrolled("bamf", IdentityKind.PERSON);
        TestUsers.signIn(bamfAdmin);
        CampaignSummary campaign = reviews.open();
        reviews.items(campaign.id()).forEach(item -> reviews.confirm(item.id()));

        assertThatExceptionOfType(IllegalStateException.class)
                .isThrownBy(() -> reviews.confirm(item(campaign, identity).id()))
                .withMessageContaining(campaign.reference())
                .withMessageContaining("closed");
    }

    @Test
    void hidesCampaignFromOtherAuthority() {
        LedgerIdentity identity = enrolled("bamf", IdentityKind.PERSON);
        TestUsers.signIn(bamfAdmin);
        CampaignSummary campaign = reviews.open();
        UUID itemId = item(campaign, identity).id();

        TestUsers.signIn(admin("lds"));
        assertThatExceptionOfType(IllegalArgumentException.class)
                .isThrownBy(() -> reviews.items(campaign.id()))
                .withMessageContaining(campaign.id().toString());
        assertThatExceptionOfType(IllegalArgumentException.class)
                .isThrownBy(() -> reviews.confirm(itemId));
        assertThat(reviews.list()).extracting(CampaignSummary::id).doesNotContain(campaign.id());
    }

    @Test
    void onlyAdministratorsOpenAndDecide() {
        LedgerIdentity identity = enrolled("bamf", IdentityKind.PERSON);
        TestUsers.signIn(users.user("bamf", PortalRole.AUDITOR));
        assertThatExceptionOfType(AccessDeniedException.class).isThrownBy(() -> reviews.open());
        TestUsers.signIn(bamfAdmin);
        CampaignSummary campaign = reviews.open();
        UUID itemId = item(campaign, identity).id();

        for (PortalRole role : List.of(PortalRole.DPO, PortalRole.AUDITOR, PortalRole.CLERK)) {
            TestUsers.signIn(users.user("bamf", role));
            assertThatExceptionOfType(AccessDeniedException.class)
                    .as("confirm as %s", role)
                    .isThrownBy(() -> reviews.confirm(itemId));
        }
        TestUsers.signIn(users.user("bamf", PortalRole.AUDITOR));
        assertThat(reviews.items(campaign.id())).extracting(ReviewItem::id).contains(itemId);
        TestUsers.signIn(users.user("bamf", PortalRole.CLERK));
        assertThatExceptionOfType(AccessDeniedException.class).isThrownBy(() -> reviews.list());
    }

    @Test
    void withdrawalCommitsWhenCaIsMissing() {
        LedgerIdentity identity = enrolled("bamf", IdentityKind.SYSTEM);
        TestUsers.signIn(bamfAdmin);
        CampaignSummary campaign = reviews.open();
        UUID itemId = item(campaign, identity).id();

        ReviewItem returned = reviews.withdraw(itemId, "Service retired by Frau Beispiel");

        assertThat(returned.decision()).isEqualTo(ReviewDecision.WITHDRAWN);
        assertThat(returned.revocationState()).isEqualTo(RevocationState.PENDING);
        ReviewItem stored = item(campaign, identity);
        assertThat(stored.decision()).isEqualTo(ReviewDecision.WITHDRAWN);
        assertThat(stored.reason()).isEqualTo("Service retired by Frau Beispiel");
        assertThat(stored.revocationState()).isEqualTo(RevocationState.FAILED);
        assertThat(stored.revocationError()).isNotBlank();
        assertThat(stored.revocationUpdatedAt()).isNotNull();
        assertThat(identities.findById(identity.id()).orElseThrow().status()).isEqualTo(LedgerIdentityStatus.ENROLLED);
        List<AuditEvent> trail = audit.findBySubject("ledger-identity", identity.enrollmentId());
        assertThat(trail).extracting(AuditEvent::action)
                .containsExactly("access-review.withdrawn", "access-review.revocation-failed");
        assertThat(trail).allSatisfy(event -> assertThat(event.details()).doesNotContain("Beispiel"));
        assertThat(trail.getFirst().details()).contains("revocation pending");
    }

    @Test
    void adminRetriesFailedRevocation() {
        LedgerIdentity identity = enrolled("bamf", IdentityKind.SYSTEM);
        TestUsers.signIn(bamfAdmin);
        CampaignSummary campaign = reviews.open();
        UUID itemId = item(campaign, identity).id();
        reviews.withdraw(itemId, "Service retired");

        TestUsers.signIn(users.user("bamf", PortalRole.DPO));
        assertThatExceptionOfType(AccessDeniedException.class).isThrownBy(() -> reviews.retryRevocation(itemId));
        TestUsers.signIn(secondBamfAdmin);
        ReviewItem retried = reviews.retryRevocation(itemId);

        assertThat(retried.revocationState()).isEqualTo(RevocationState.PENDING);
        assertThat(retried.revocationError()).isNull();
        assertThat(item(campaign, identity).revocationState()).isEqualTo(RevocationState.FAILED);
        assertThat(actions("ledger-identity", identity.enrollmentId())).containsExactly("access-review.withdrawn",
                "access-review.revocation-failed", "access-review.revocation-retried",
                "access-review.revocation-failed");
    }

    @Test
    void retryNeedsFailedRevocation() {
        LedgerIdentity identity = enrolled("bamf", IdentityKind.PERSON);
        TestUsers.signIn(bamfAdmin);
        CampaignSummary campaign = reviews.open();
        UUID itemId = item(campaign, identity).id();
        reviews.confirm(itemId);

        assertThatExceptionOfType(IllegalStateException.class)
                .isThrownBy(() -> reviews.retryRevocation(itemId))
                .withMessageContaining(identity.enrollmentId())
                .withMessageContaining("not started");
        assertThat(actions("ledger-identity", identity.enrollmentId())).containsExactly("access-review.confirmed");
    }

    @Test
    void scheduleResumesPendingRevocation() {
        LedgerIdentity identity = enrolled("bamf", IdentityKind.SYSTEM);
        TestUsers.signIn(bamfAdmin);
        CampaignSummary campaign = reviews.open();
        UUID itemId = item(campaign, identity).id();
        reviews.withdraw(itemId, "Service retired");
        TestUsers.signOut();
        // Stands in for a portal that stopped after the withdrawal committed and before its revocation ended.
        AccessReviewItem stored = items.findById(itemId).orElseThrow();
        stored.retryRevocation();
        items.save(stored);

        schedule.runPending(Instant.now());
        TestUsers.signIn(bamfAdmin);
        RevocationState withinGrace = item(campaign, identity).revocationState();
        TestUsers.signOut();
        schedule.runPending(Instant.now().plus(Duration.ofMinutes(10)));

        assertThat(withinGrace).isEqualTo(RevocationState.PENDING);
        TestUsers.signIn(bamfAdmin);
        assertThat(item(campaign, identity).revocationState()).isEqualTo(RevocationState.FAILED);
        List<AuditEvent> trail = audit.findBySubject("ledger-identity", identity.enrollmentId());
        assertThat(trail).extracting(AuditEvent::action).containsExactly("access-review.withdrawn",
                "access-review.revocation-failed", "access-review.revocation-failed");
        assertThat(trail.getLast().actor()).isEqualTo(ReviewRevocation.SYSTEM_ACTOR);
    }

    private LedgerIdentity enrolled(String authorityCode, IdentityKind kind) {
        LedgerIdentity identity = newIdentity(authorityCode, kind);
        identity.approve("user-approver");
        identity.markRegistered();
        identity.markEnrolled();
        return identities.save(identity);
    }

    private LedgerIdentity newIdentity(String authorityCode, IdentityKind kind) {
        Authority authority = authorityService.findAll().stream()
                .filter(candidate -> candidate.code().equals(authorityCode))
                .findFirst()
                .orElseThrow();
        return new LedgerIdentity(authority.id(), EnrollmentIds.random(), kind, Set.of(LedgerRole.REGISTRATION_CLERK),
                LocalDate.now().plusYears(1), KeySource.GENERATED, "user-requester");
    }

    private ReviewItem item(CampaignSummary campaign, LedgerIdentity identity) {
        return reviews.items(campaign.id()).stream()
                .filter(item -> item.enrollmentId().equals(identity.enrollmentId()))
                .findFirst()
                .orElseThrow(() -> new AssertionError(identity.enrollmentId() + " is not in " + campaign.reference()));
    }

    private CampaignSummary summary(CampaignSummary campaign) {
        return reviews.list().stream().filter(c -> c.id().equals(campaign.id())).findFirst().orElseThrow();
    }

    private List<String> actions(String subjectType, String subjectId) {
        return audit.findBySubject(subjectType, subjectId).stream().map(AuditEvent::action).toList();
    }

    /** Returns an administrator with a subject of their own, so that two administrators get two pseudonyms. */
    private PortalUser admin(String authorityCode) {
        PortalUser base = users.user(authorityCode, PortalRole.AUTHORITY_ADMIN);
        return new PortalUser(base.issuer(), base.authority(), base.roles(), null, "admin-" + UUID.randomUUID());
    }

    /** Decides every pending item of an open campaign left by an earlier test, so that a new one can open. */
    private void closeOpenCampaign(PortalUser admin) {
        TestUsers.signIn(admin);
        reviews.list().stream().filter(CampaignSummary::open).forEach(campaign -> reviews.items(campaign.id()).stream()
                .filter(item -> item.decision() == ReviewDecision.PENDING)
                .forEach(item -> reviews.confirm(item.id())));
        TestUsers.signOut();
    }
}
