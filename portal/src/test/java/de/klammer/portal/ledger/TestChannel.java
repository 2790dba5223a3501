package de.klammer.portal.ledger;

import de.klammer.ledger.AppliedConfigUpdate;
import de.klammer.ledger.ChannelAdmin;
import de.klammer.ledger.OrdererEndpoint;
import de.klammer.ledger.SigningIdentities;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;

/** The running test network's channel, read with the orderer admin's identity and without the portal. */
public final class TestChannel {

    private TestChannel() {}

    /**
     * Returns the descriptor of the running network, from {@code -Dklammer.network.descriptor}.
     *
     * @throws IllegalStateException when no network runs
     */
    public static Path descriptor() {
        String location = System.getProperty("klammer.network.descriptor");
        if (location == null || !Files.isRegularFile(Path.of(location))) {
            throw new IllegalStateException("No running Fabric network: set -Dklammer.network.descriptor or run the"
                    + " tests with './klammer test'");
        }
        return Path.of(location);
    }

    /** Reads the properties of the running network's descriptor. */
    public static Properties network() throws IOException {
        Properties network = new Properties();
        try (Reader reader = Files.newBufferedReader(descriptor())) {
            network.load(reader);
        }
        return network;
    }

    /** Returns the orderer endpoint named in the descriptor's properties. */
    public static OrdererEndpoint orderer(Properties network) {
        return new OrdererEndpoint(
                network.getProperty("orderer.host"),
                Integer.parseInt(network.getProperty("orderer.port")),
                Path.of(network.getProperty("orderer.tls.ca")),
                network.getProperty("orderer.tls.hostname"));
    }

    /** Returns every config block on the channel that carries exactly this update. */
    public static List<AppliedConfigUpdate> listApplied(String channel, byte[] configUpdate, long baseSequence)
            throws IOException {
        Properties network = network();
        OrdererEndpoint orderer = orderer(network);
        var reader = SigningIdentities.fromPem(
                "OrdererMSP",
                Path.of(network.getProperty("identity.orderer-admin.cert")),
                Path.of(network.getProperty("identity.orderer-admin.key")));
        try (ChannelAdmin admin = new ChannelAdmin(orderer, reader)) {
            return admin.listApplied(channel, configUpdate, baseSequence);
        }
    }
}
