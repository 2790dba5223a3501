package de.klammer.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import de.klammer.ledger.ConfigChange.SetPolicy;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Config updates against the real orderer; each test reads the live state first, so they run in any order. */
class ConfigUpdateIT {

    private static final String ENDORSEMENT = "/Channel/Application/Endorsement";

    private static TestNetwork network;
    private static ChannelAdmin admin;

    @BeforeAll
    static void connect() {
        network = TestNetwork.get();
        admin = network.admin();
    }

    @AfterAll
    static void disconnect() {
        admin.close();
    }

    @Test
    void acceptsUpdateSignedByBothAuthorities() {
        PreparedUpdate update = prepareEndorsementFlip();
        List<byte[]> signatures = List.of(sign(update, "bamf-admin"), sign(update, "lds-admin"));

        SignatureVerdict verdict = admin.evaluate(network.channel(), update.configUpdate(), signatures);
        admin.submit(network.channel(), update.configUpdate(), signatures);
        Optional<AppliedConfigUpdate> applied = admin.awaitApplied(
                network.channel(), update.configUpdate(), update.baseSequence(), Duration.ofSeconds(30));

        assertThat(verdict.satisfied()).isTrue();
        assertThat(verdict.countedMspIds()).containsExactlyInAnyOrder("BamfMSP", "LdsMSP");
        assertThat(applied).isPresent();
        assertThat(applied.get().sequence()).isEqualTo(update.baseSequence() + 1);
        ChannelConfig after = admin.readConfig(network.channel());
        assertThat(after.sequence()).isEqualTo(applied.get().sequence());
        assertThat(after.blockNumber()).isEqualTo(applied.get().blockNumber());
        assertThat(after.policy(ENDORSEMENT).orElseThrow().rule()).isEqualTo(targetRule(update));
    }

    @Test
    void rejectsUpdateSignedOnlyByBamf() {
        PreparedUpdate update = prepareEndorsementFlip();
        List<byte[]> signatures = List.of(sign(update, "bamf-admin"));

        SignatureVerdict verdict = admin.evaluate(network.channel(), update.configUpdate(), signatures);

        assertThat(verdict.satisfied()).isFalse();
        assertThat(verdict.missing()).singleElement().asString().contains(ENDORSEMENT);
        assertThatExceptionOfType(ConfigUpdateRejectedException.class)
                .isThrownBy(() -> admin.submit(network.channel(), update.configUpdate(), signatures))
                .satisfies(e -> assertThat(e.ordererMessage()).contains("not satisfied"))
                .satisfies(e -> assertThat(e.explanation()).contains("signatures"));
    }

    @Test
    void countsTwoBamfAdminsOnce() {
        PreparedUpdate update = prepareEndorsementFlip();
        List<byte[]> signatures = List.of(sign(update, "bamf-admin"), sign(update, "bamf-admin2"));

        SignatureVerdict verdict = admin.evaluate(network.channel(), update.configUpdate(), signatures);

        assertThat(verdict.satisfied()).isFalse();
        assertThat(verdict.countedMspIds()).containsExactly("BamfMSP");
        assertThatExceptionOfType(ConfigUpdateRejectedException.class)
                .isThrownBy(() -> admin.submit(network.channel(), update.configUpdate(), signatures));
    }

    @Test
    void doesNotCountClientAsAdmin() {
        PreparedUpdate update = prepareEndorsementFlip();
        List<byte[]> signatures = List.of(sign(update, "bamf-client"), sign(update, "lds-admin"));

        SignatureVerdict verdict = admin.evaluate(network.channel(), update.configUpdate(), signatures);

        assertThat(verdict.satisfied()).isFalse();
        assertThatExceptionOfType(ConfigUpdateRejectedException.class)
                .isThrownBy(() -> admin.submit(network.channel(), update.configUpdate(), signatures));
    }

    @Test
    void ignoresSignatureOverOtherBytes() {
        PreparedUpdate update = prepareEndorsementFlip();
        PreparedUpdate other = admin.prepare(network.channel(),
                List.of(new SetPolicy("/Channel/Application/Probe" + System.nanoTime(), PolicyRule.parse("OR('BamfMSP.admin')"))));

        SignatureVerdict verdict = admin.evaluate(network.channel(), update.configUpdate(),
                List.of(sign(other, "bamf-admin"), sign(update, "lds-admin")));

        assertThat(verdict.satisfied()).isFalse();
        assertThat(verdict.ignored()).singleElement().asString().contains("does not verify");
    }

    @Test
    void refusesWritersChangeThatShutsAuthoritiesOut() {
        SetPolicy allWriters = new SetPolicy("/Channel/Application/Writers", PolicyRule.parse("ALL Writers"));

        assertThatExceptionOfType(ConfigChangeRejectedException.class)
                .isThrownBy(() -> admin.prepare(network.channel(), List.of(allWriters)))
                .withMessageContaining("/Channel/Writers")
                .withMessageContaining("BamfMSP")
                .withMessageContaining("OrdererMSP");
    }

    @Test
    void refusesPolicyNamingUnknownOrganisation() {
        SetPolicy unknown = new SetPolicy(ENDORSEMENT, PolicyRule.parse("OutOf(1, 'FooMSP.admin')"));

        assertThatExceptionOfType(ConfigChangeRejectedException.class)
                .isThrownBy(() -> admin.prepare(network.channel(), List.of(unknown)))
                .withMessageContaining("FooMSP")
                .withMessageContaining("BamfMSP, LdsMSP, OrdererMSP");
    }

    @Test
    void refusesPolicyNoIdentitiesCanSatisfy() {
        SetPolicy impossible = new SetPolicy(
                ENDORSEMENT, PolicyRule.parse("OutOf(2, 'BamfMSP.admin', 'BamfMSP.admin', 'BamfMSP.admin')"));
        SetPolicy possible = new SetPolicy(
                "/Channel/Application/Probe" + System.nanoTime(), PolicyRule.parse("AND('BamfMSP.admin', 'BamfMSP.peer')"));

        assertThatExceptionOfType(ConfigChangeRejectedException.class)
                .isThrownBy(() -> admin.prepare(network.channel(), List.of(impossible)))
                .withMessageContaining("no combination of identities");
        assertThat(admin.prepare(network.channel(), List.of(possible)).writeSet()).isNotEmpty();
    }

    @Test
    void detectsStaleUpdateAndRecomputes() {
        PreparedUpdate stale = prepareEndorsementFlip();
        PreparedUpdate addsPolicy = admin.prepare(network.channel(), List.of(
                new SetPolicy("/Channel/Application/Probe" + System.nanoTime(), PolicyRule.parse("OR('LdsMSP.admin')"))));
        applyWithBothAdmins(addsPolicy);

        Optional<String> staleness = admin.staleness(network.channel(), stale.configUpdate());
        PreparedUpdate recomputed = admin.prepare(network.channel(),
                List.of(new SetPolicy(ENDORSEMENT, targetRule(stale))));
        AppliedConfigUpdate applied = applyWithBothAdmins(recomputed);

        assertThat(staleness).get().asString().contains("/Channel/Application").contains("version");
        assertThat(recomputed.sha256()).isNotEqualTo(stale.sha256());
        assertThat(applied.sequence()).isEqualTo(recomputed.baseSequence() + 1);
        assertThat(admin.staleness(network.channel(), recomputed.configUpdate())).isPresent();
    }

    private AppliedConfigUpdate applyWithBothAdmins(PreparedUpdate update) {
        admin.submit(network.channel(), update.configUpdate(), List.of(sign(update, "bamf-admin"), sign(update, "lds-admin")));
        return admin.awaitApplied(network.channel(), update.configUpdate(), update.baseSequence(), Duration.ofSeconds(30))
                .orElseThrow(() -> new AssertionError("update " + update.sha256() + " did not land within 30 s"));
    }

    private PreparedUpdate prepareEndorsementFlip() {
        PolicyRule current = admin.readConfig(network.channel()).policy(ENDORSEMENT).orElseThrow().rule();
        PolicyRule target = current.equals(PolicyRule.parse("MAJORITY Endorsement"))
                ? PolicyRule.parse("ANY Endorsement")
                : PolicyRule.parse("MAJORITY Endorsement");
        return admin.prepare(network.channel(), List.of(new SetPolicy(ENDORSEMENT, target)));
    }

    /** Returns the Endorsement rule that the update writes. */
    private static PolicyRule targetRule(PreparedUpdate update) {
        try {
            var writeSet = org.hyperledger.fabric.protos.common.Configtx.ConfigUpdate.parseFrom(update.configUpdate())
                    .getWriteSet();
            var policy = writeSet.getGroupsOrThrow("Application").getPoliciesOrThrow("Endorsement").getPolicy();
            return de.klammer.ledger.internal.PolicyProtos.toRule(policy);
        } catch (com.google.protobuf.InvalidProtocolBufferException e) {
            throw new AssertionError(e);
        }
    }

    private static byte[] sign(PreparedUpdate update, String identity) {
        return ChannelAdmin.sign(update.configUpdate(), network.identity(identity));
    }
}
