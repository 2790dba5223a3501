package de.klammer.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** Steps that the peer ACL tests share: applying an update with both authorities' admins and waiting for a peer. */
final class PeerAclSteps {

    static final Duration LANDING_TIMEOUT = Duration.ofSeconds(30);

    private PeerAclSteps() {}

    /** Signs the update with the BAMF and LDS admins, checks the signatures, submits it and waits for its block. */
    static AppliedConfigUpdate applyWithBothAdmins(TestNetwork network, ChannelAdmin admin, PreparedUpdate update) {
        List<byte[]> signatures = List.of(
                ChannelAdmin.sign(update.configUpdate(), network.identity("bamf-admin")),
                ChannelAdmin.sign(update.configUpdate(), network.identity("lds-admin")));
        assertThat(admin.evaluate(network.channel(), update.configUpdate(), signatures).satisfied()).isTrue();
        admin.submit(network.channel(), update.configUpdate(), signatures);
        return admin.awaitApplied(network.channel(), update.configUpdate(), update.baseSequence(), LANDING_TIMEOUT)
                .orElseThrow(() -> new AssertionError("update " + update.sha256() + " did not land within "
                        + LANDING_TIMEOUT.toSeconds() + " s"));
    }

    /** Waits until the peer has committed {@code height} blocks, so that it enforces the newest config. */
    static void awaitPeerHeight(TestNetwork network, PeerQueries peer, long height, SigningIdentity reader) {
        Instant deadline = Instant.now().plus(LANDING_TIMEOUT);
        long seen = peer.chainInfo(network.channel(), reader).height();
        while (seen < height) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("The peer reached height " + seen + ", not " + height + ", within "
                        + LANDING_TIMEOUT.toSeconds() + " s");
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("Interrupted while waiting for the peer", e);
            }
            seen = peer.chainInfo(network.channel(), reader).height();
        }
    }
}
