package de.klammer.portal.identity.erasure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import de.klammer.ledger.ChannelAdmin;
import de.klammer.ledger.DeliverRefusedException;
import de.klammer.ledger.SigningIdentity;
import de.klammer.portal.LedgerIntegrationTest;
import de.klammer.portal.authority.AuthorityService;
import de.klammer.portal.authority.BoardMemberService;
import de.klammer.portal.identity.CertificateSummary;
import de.klammer.portal.identity.EnrollmentOutcome;
import de.klammer.portal.identity.KeySource;
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
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Identities past their validity are revoked at the real BAMF CA and refused by the real orderer, because the CA
 * issues certificates for its fixed expiry whatever validity was requested.
 */
@LedgerIntegrationTest
class ValidityEndRevocationIT {

    private static final String MSP_ID = "BamfMSP";

    @Autowired
    LedgerIdentityService identities;

    @Autowired
    ValidityEndRevocation revocation;

    @Autowired
    AuthorityService authorityService;

    @Autowired
    BoardMemberService boardMembers;

    @AfterEach
    void signOut() {
        TestUsers.signOut();
    }

    @Test
    void revokesIdentityAfterValidityEnds() {
        LocalDate validUntil = LocalDate.now().plusDays(2);
        EnrollmentOutcome ending = enrol(validUntil);
        EnrollmentOutcome continuing = enrol(validUntil.plusDays(30));
        SigningIdentity endingIdentity = signingIdentity(ending);
        try (ChannelAdmin asIdentity = ErasureTestSupport.channelAdmin(endingIdentity)) {
            // A fresh channel has config sequence 0, so a successful read, not the sequence, shows access.
            assertThat(asIdentity.readConfig(ErasureTestSupport.channel()).channelId())
                    .as("readable before the validity ends")
                    .isEqualTo(ErasureTestSupport.channel());
        }

        List<String> onLastDay = revocation.revokePastValidity(validUntil);
        List<String> dayAfter = revocation.revokePastValidity(validUntil.plusDays(1));

        assertThat(onLastDay).doesNotContain(ending.identity().enrollmentId());
        assertThat(dayAfter)
                .contains(ending.identity().enrollmentId())
                .doesNotContain(continuing.identity().enrollmentId());
        var revoked = identities.details(ending.identity().id());
        assertThat(revoked.status()).isEqualTo(LedgerIdentityStatus.REVOKED);
        assertThat(revoked.failureReason()).contains("validity ended on " + validUntil);
        assertThat(revoked.certificates()).extracting(CertificateSummary::status).containsOnly("revoked");
        assertThat(identities.details(continuing.identity().id()).status()).isEqualTo(LedgerIdentityStatus.ENROLLED);
        try (ChannelAdmin asIdentity = ErasureTestSupport.channelAdmin(endingIdentity)) {
            assertThatExceptionOfType(DeliverRefusedException.class)
                    .isThrownBy(() -> asIdentity.readConfig(ErasureTestSupport.channel()))
                    .satisfies(refused -> assertThat(refused.status()).isEqualTo("FORBIDDEN"));
        }
        try (ChannelAdmin asContinuing = ErasureTestSupport.channelAdmin(signingIdentity(continuing))) {
            assertThat(asContinuing.readConfig(ErasureTestSupport.channel()).channelId())
                    .as("the identity still within its validity stays readable")
                    .isEqualTo(ErasureTestSupport.channel());
        }
    }

    private EnrollmentOutcome enrol(LocalDate validUntil) {
        TestUsers users = new TestUsers(authorityService, boardMembers);
        TestUsers.signIn(admin(users));
        var requested = identities.requestForSystem(
                Set.of(LedgerRole.ENFORCEMENT_CLERK), validUntil, KeySource.GENERATED);
        TestUsers.signIn(admin(users));
        EnrollmentOutcome outcome = identities.approve(requested.id());
        assertThat(outcome.identity().status()).isEqualTo(LedgerIdentityStatus.ENROLLED);
        return outcome;
    }

    private static SigningIdentity signingIdentity(EnrollmentOutcome outcome) {
        return ErasureTestSupport.signingIdentity(
                MSP_ID, outcome.keyStore().pkcs12(), outcome.keyStore().password());
    }

    private static PortalUser admin(TestUsers users) {
        PortalUser base = users.user("bamf", PortalRole.AUTHORITY_ADMIN);
        return new PortalUser(base.issuer(), base.authority(), base.roles(), null, "admin-" + UUID.randomUUID());
    }
}
