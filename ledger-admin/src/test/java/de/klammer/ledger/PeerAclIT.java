package de.klammer.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import de.klammer.ledger.ConfigChange.SetAcl;
import de.klammer.ledger.ConfigChange.SetPolicy;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Channel ACL changes against the real orderer and the real LDS peer. An update that points an ACL at a new policy
 * takes effect on the peer: it rejects an identity that does not satisfy the policy and still serves one that does.
 * Each test restores the default ACL, and {@link #restoreDefaultAcls()} repairs the channel after a failure.
 */
class PeerAclIT {

    private static final String CHAIN_INFO = "qscc/GetChainInfo";
    private static final String BLOCK_EVENTS = "event/Block";
    private static final String READERS = "/Channel/Application/Readers";

    private static TestNetwork network;
    private static ChannelAdmin admin;
    private static PeerQueries ldsPeer;

    @BeforeAll
    static void connect() {
        network = TestNetwork.get();
        admin = network.admin();
        ldsPeer = new PeerQueries(network.peer("LdsMSP"));
    }

    @AfterAll
    static void restoreDefaultAcls() {
        try {
            List<ConfigChange> repairs = new ArrayList<>();
            Map<String, String> acls = admin.readAcls(network.channel());
            for (String resource : List.of(CHAIN_INFO, BLOCK_EVENTS)) {
                if (acls.containsKey(resource) && !acls.get(resource).equals(READERS)) {
                    repairs.add(new SetAcl(resource, READERS));
                }
            }
            if (!repairs.isEmpty()) {
                applyWithBothAdmins(admin.prepare(network.channel(), repairs));
            }
        } finally {
            ldsPeer.close();
            admin.close();
        }
    }

    @Test
    void chainInfoFollowsAclChange() {
        SigningIdentity ldsClient = network.identity("lds-client");
        SigningIdentity ldsAdmin = network.identity("lds-admin");
        SigningIdentity bamfAdmin = network.identity("bamf-admin");
        resetToReaders(CHAIN_INFO);

        ChainInfo before = ldsPeer.chainInfo(network.channel(), ldsClient);
        String policy = "/Channel/Application/ChainInfoProbe" + System.nanoTime();
        AppliedConfigUpdate restricted = applyWithBothAdmins(admin.prepare(network.channel(), List.of(
                new SetPolicy(policy, PolicyRule.parse("OR('BamfMSP.admin')")),
                new SetAcl(CHAIN_INFO, policy))));
        awaitPeerHeight(restricted.blockNumber() + 1, bamfAdmin);

        assertThat(before.height()).isPositive();
        assertThat(admin.readAcls(network.channel())).containsEntry(CHAIN_INFO, policy);
        assertThatExceptionOfType(PeerRequestRejectedException.class)
                .isThrownBy(() -> ldsPeer.chainInfo(network.channel(), ldsClient))
                .satisfies(e -> assertThat(e.resource()).isEqualTo(CHAIN_INFO))
                .satisfies(e -> assertThat(e.status()).isEqualTo("500"))
                .satisfies(e -> assertThat(e.peerMessage()).contains("access denied for [GetChainInfo]"))
                .satisfies(e -> assertThat(e.peerMessage()).contains(policy));
        assertThatExceptionOfType(PeerRequestRejectedException.class)
                .isThrownBy(() -> ldsPeer.chainInfo(network.channel(), ldsAdmin))
                .satisfies(e -> assertThat(e.status()).isEqualTo("500"));
        assertThat(ldsPeer.chainInfo(network.channel(), bamfAdmin).height())
                .isGreaterThan(restricted.blockNumber());

        AppliedConfigUpdate restored = applyWithBothAdmins(
                admin.prepare(network.channel(), List.of(new SetAcl(CHAIN_INFO, READERS))));
        awaitPeerHeight(restored.blockNumber() + 1, bamfAdmin);

        assertThat(ldsPeer.chainInfo(network.channel(), ldsClient).height()).isGreaterThan(restored.blockNumber());
    }

    @Test
    void blockEventsFollowAclChange() {
        SigningIdentity ldsClient = network.identity("lds-client");
        SigningIdentity bamfAdmin = network.identity("bamf-admin");
        resetToReaders(BLOCK_EVENTS);

        long newestBefore = ldsPeer.newestBlockNumber(network.channel(), ldsClient);
        String policy = "/Channel/Application/BlockEventsProbe" + System.nanoTime();
        AppliedConfigUpdate restricted = applyWithBothAdmins(admin.prepare(network.channel(), List.of(
                new SetPolicy(policy, PolicyRule.parse("OR('BamfMSP.admin')")),
                new SetAcl(BLOCK_EVENTS, policy))));
        awaitPeerHeight(restricted.blockNumber() + 1, bamfAdmin);

        assertThat(newestBefore).isLessThan(restricted.blockNumber());
        assertThatExceptionOfType(PeerRequestRejectedException.class)
                .isThrownBy(() -> ldsPeer.newestBlockNumber(network.channel(), ldsClient))
                .satisfies(e -> assertThat(e.resource()).isEqualTo(BLOCK_EVENTS))
                .satisfies(e -> assertThat(e.status()).isEqualTo("FORBIDDEN"));
        assertThat(ldsPeer.newestBlockNumber(network.channel(), bamfAdmin))
                .isGreaterThanOrEqualTo(restricted.blockNumber());

        AppliedConfigUpdate restored = applyWithBothAdmins(
                admin.prepare(network.channel(), List.of(new SetAcl(BLOCK_EVENTS, READERS))));
        awaitPeerHeight(restored.blockNumber() + 1, bamfAdmin);

        assertThat(ldsPeer.newestBlockNumber(network.channel(), ldsClient))
                .isGreaterThanOrEqualTo(restored.blockNumber());
    }

    @Test
    void aclUpdateNeedsBothAuthorities() {
        PreparedUpdate update = admin.prepare(
                network.channel(), List.of(new SetAcl(CHAIN_INFO, toggledPolicy(CHAIN_INFO))));

        SignatureVerdict bamfOnly = admin.evaluate(
                network.channel(), update.configUpdate(), List.of(sign(update, "bamf-admin")));

        assertThat(update.signingMspIds()).containsExactlyInAnyOrder("BamfMSP", "LdsMSP");
        assertThat(update.writeSet()).anySatisfy(line -> assertThat(line).contains("ACLs"));
        assertThat(bamfOnly.satisfied()).isFalse();
        assertThat(bamfOnly.missing()).singleElement().asString().contains("/Channel/Application/Admins");
        assertThatExceptionOfType(ConfigUpdateRejectedException.class)
                .isThrownBy(() -> admin.submit(network.channel(), update.configUpdate(), List.of(sign(update, "bamf-admin"))));
    }

    /** Returns a policy other than the one the resource's ACL points at now. */
    private static String toggledPolicy(String resource) {
        String writers = "/Channel/Application/Writers";
        return writers.equals(admin.readAcls(network.channel()).get(resource)) ? READERS : writers;
    }

    /** Points the ACL back at the default Readers policy when an earlier run left it elsewhere. */
    private static void resetToReaders(String resource) {
        String current = admin.readAcls(network.channel()).get(resource);
        if (current != null && !current.equals(READERS)) {
            AppliedConfigUpdate applied = applyWithBothAdmins(
                    admin.prepare(network.channel(), List.of(new SetAcl(resource, READERS))));
            awaitPeerHeight(applied.blockNumber() + 1, network.identity("bamf-admin"));
        }
    }

    private static void awaitPeerHeight(long height, SigningIdentity reader) {
        PeerAclSteps.awaitPeerHeight(network, ldsPeer, height, reader);
    }

    private static AppliedConfigUpdate applyWithBothAdmins(PreparedUpdate update) {
        return PeerAclSteps.applyWithBothAdmins(network, admin, update);
    }

    private static byte[] sign(PreparedUpdate update, String identity) {
        return ChannelAdmin.sign(update.configUpdate(), network.identity(identity));
    }
}
