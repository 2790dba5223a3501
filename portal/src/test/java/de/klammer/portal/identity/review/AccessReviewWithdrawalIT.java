package de.klammer.portal.identity.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import de.klammer.identity.PersonRecord;
import de.klammer.ledger.ChannelAdmin;
import de.klammer.ledger.DeliverRefusedException;
import de.klammer.ledger.OrdererEndpoint;
import de.klammer.ledger.SigningIdentities;
import de.klammer.ledger.SigningIdentity;
import de.klammer.portal.LedgerIntegrationTest;
import de.klammer.portal.audit.AuditEvent;
import de.klammer.portal.audit.AuditService;
import de.klammer.portal.authority.AuthorityService;
import de.klammer.portal.authority.BoardMemberService;
import de.klammer.portal.identity.EnrollmentOutcome;
import de.klammer.portal.identity.HandedOverKeyStore;
import de.klammer.portal.identity.IdentityVaultService;
import de.klammer.portal.identity.KeySource;
import de.klammer.portal.identity.LedgerIdentityDetails;
import de.klammer.portal.identity.LedgerIdentityService;
import de.klammer.portal.identity.LedgerIdentityStatus;
import de.klammer.portal.identity.LedgerRole;
import de.klammer.portal.security.PortalRole;
import de.klammer.portal.security.PortalUser;
import de.klammer.portal.security.TestUsers;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * An access review withdraws the roles of an identity enrolled at the real BAMF CA. Without any step by a DPO, the
 * real orderer then refuses a Deliver signed with that identity's own key, while the person's vault entry stays.
 */
@LedgerIntegrationTest
class AccessReviewWithdrawalIT {

    private static final String MSP_ID = "BamfMSP";

    @Autowired
    AccessReviewService reviews;

    @Autowired
    LedgerIdentityService identities;

    @Autowired
    IdentityVaultService vault;

    @Autowired
    AuditService audit;

    @Autowired
    AuthorityService authorityService;

    @Autowired
    BoardMemberService boardMembers;

    @TempDir
    Path directory;

    @AfterEach
    void signOut() {
        TestUsers.signOut();
    }

    @Test
    void withdrawnIdentityIsRefusedByOrderer() throws Exception {
        TestUsers users = new TestUsers(authorityService, boardMembers);
        PortalUser requester = admin(users);
        PortalUser reviewer = admin(users);
        String unique = UUID.randomUUID().toString().substring(0, 8);
        PersonRecord person = new PersonRecord("Reinhild", "Familienname" + unique, "reinhild." + unique
                + "@bamf.example", "http://127.0.0.1/bamf", "subject-" + unique);
        EnrollmentOutcome enrolled = enrol(person, requester, admin(users));
        SigningIdentity identity = signingIdentity(enrolled.keyStore());
        try (ChannelAdmin asIdentity = new ChannelAdmin(orderer(), identity)) {
            assertThat(asIdentity.readConfig(channel()).channelId()).isEqualTo(channel());
        }
        String enrollmentId = enrolled.identity().enrollmentId();
        closeOpenCampaign(admin(users));

        TestUsers.signIn(reviewer);
        CampaignSummary campaign = reviews.open();
        ReviewItem item = reviews.items(campaign.id()).stream()
                .filter(candidate -> candidate.enrollmentId().equals(enrollmentId))
                .findFirst()
                .orElseThrow();
        ReviewItem withdrawn = reviews.withdraw(item.id(), "Moved to another department");

        assertThat(withdrawn.decision()).isEqualTo(ReviewDecision.WITHDRAWN);
        assertThat(withdrawn.reason()).isEqualTo("Moved to another department");
        assertThat(withdrawn.revocationState()).isEqualTo(RevocationState.PENDING);
        ReviewItem after = reviews.items(campaign.id()).stream()
                .filter(candidate -> candidate.id().equals(item.id()))
                .findFirst()
                .orElseThrow();
        assertThat(after.revocationState())
                .as("revocation state, error %s", after.revocationError())
                .isEqualTo(RevocationState.DONE);
        assertThat(after.revocationError()).isNull();
        try (ChannelAdmin asIdentity = new ChannelAdmin(orderer(), identity)) {
            assertThatExceptionOfType(DeliverRefusedException.class)
                    .isThrownBy(() -> asIdentity.readConfig(channel()))
                    .satisfies(refused -> assertThat(refused.status()).isEqualTo("FORBIDDEN"));
        }
        assertThat(identities.details(enrolled.identity().id()).status()).isEqualTo(LedgerIdentityStatus.REVOKED);
        assertThat(vault.contains(enrollmentId)).isTrue();
        assertThat(vault.resolve(enrollmentId, "test: the vault entry outlives a role withdrawal").familyName())
                .isEqualTo(person.familyName());
        List<AuditEvent> trail = audit.findBySubject("ledger-identity", enrollmentId);
        assertThat(trail).extracting(AuditEvent::action)
                .containsSubsequence("access-review.withdrawn", "access-review.revoked");
        assertThat(trail).allSatisfy(event -> {
            assertThat(event.actor()).doesNotContain(unique, "Reinhild");
            assertThat(event.details()).doesNotContain(unique, "Reinhild", "Moved to another department");
        });
    }

    private EnrollmentOutcome enrol(PersonRecord person, PortalUser requester, PortalUser approver) {
        TestUsers.signIn(requester);
        LedgerIdentityDetails requested = identities.requestForPerson(person,
                Set.of(LedgerRole.DECISION_CLERK), LocalDate.now().plusYears(1), KeySource.GENERATED);
        TestUsers.signIn(approver);
        EnrollmentOutcome outcome = identities.approve(requested.id());
        assertThat(outcome.identity().status())
                .as("status after approval, failure %s", outcome.identity().failureReason())
                .isEqualTo(LedgerIdentityStatus.ENROLLED);
        assertThat(outcome.keyStore()).isNotNull();
        return outcome;
    }

    private SigningIdentity signingIdentity(HandedOverKeyStore keyStore) throws IOException {
        Path file = directory.resolve(keyStore.fileName());
        Files.write(file, keyStore.pkcs12());
        return SigningIdentities.fromPkcs12(MSP_ID, file, keyStore.password().toCharArray());
    }

    /** Decides every pending item of an open BAMF campaign left by another test, so that a new one can open. */
    private void closeOpenCampaign(PortalUser admin) {
        TestUsers.signIn(admin);
        reviews.list().stream().filter(CampaignSummary::open).forEach(campaign -> reviews.items(campaign.id()).stream()
                .filter(item -> item.decision() == ReviewDecision.PENDING)
                .forEach(item -> reviews.confirm(item.id())));
    }

    private static PortalUser admin(TestUsers users) {
        PortalUser base = users.user("bamf", PortalRole.AUTHORITY_ADMIN);
        return new PortalUser(base.issuer(), base.authority(), base.roles(), null, "admin-" + UUID.randomUUID());
    }

    private static OrdererEndpoint orderer() {
        Properties network = network();
        return new OrdererEndpoint(
                network.getProperty("orderer.host"),
                Integer.parseInt(network.getProperty("orderer.port")),
                Path.of(network.getProperty("orderer.tls.ca")),
                network.getProperty("orderer.tls.hostname"));
    }

    private static String channel() {
        return network().getProperty("channel");
    }

    private static Properties network() {
        String location = System.getProperty("klammer.network.descriptor");
        if (location == null || location.isBlank()) {
            throw new IllegalStateException("No running Fabric network: set -Dklammer.network.descriptor or run the"
                    + " tests with ./klammer test");
        }
        Properties network = new Properties();
        try (Reader reader = Files.newBufferedReader(Path.of(location))) {
            network.load(reader);
        } catch (IOException e) {
            throw new IllegalStateException("Cannot read the network descriptor " + location, e);
        }
        return network;
    }
}
