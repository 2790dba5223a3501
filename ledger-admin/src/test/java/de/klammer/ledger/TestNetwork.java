package de.klammer.ledger;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

/**
 * The local Fabric network started by {@code ./klammer network start}, read from the descriptor file that the
 * script writes. Tests that need it fail, never skip, when it is missing, because CI must not pass without it.
 */
public final class TestNetwork {

    private static TestNetwork instance;

    private final Properties properties;

    private TestNetwork(Properties properties) {
        this.properties = properties;
    }

    /** Returns the running network; fails with the command that starts it when its descriptor is missing. */
    public static synchronized TestNetwork get() {
        if (instance == null) {
            String location = System.getProperty("klammer.network.descriptor", ".run/network/network.properties");
            Path descriptor = Path.of(location);
            if (!Files.isRegularFile(descriptor)) {
                throw new IllegalStateException("No running Fabric network: descriptor " + descriptor.toAbsolutePath()
                        + " is missing. Start it with './klammer network start' or run the tests with './klammer test'");
            }
            Properties properties = new Properties();
            try (Reader reader = Files.newBufferedReader(descriptor)) {
                properties.load(reader);
            } catch (IOException e) {
                throw new IllegalStateException("Cannot read network descriptor " + descriptor, e);
            }
            instance = new TestNetwork(properties);
        }
        return instance;
    }

    public String channel() {
        return value("channel");
    }

    public OrdererEndpoint orderer() {
        return new OrdererEndpoint(
                value("orderer.host"),
                Integer.parseInt(value("orderer.port")),
                Path.of(value("orderer.tls.ca")),
                value("orderer.tls.hostname"));
    }

    /** Returns the peer of an organisation, for example {@code LdsMSP}, as the network descriptor names it. */
    public PeerEndpoint peer(String mspId) {
        return PeerEndpoint.parse(
                value("peer." + mspId + ".address"),
                Path.of(value("peer." + mspId + ".tls.ca")),
                value("peer." + mspId + ".host-override"));
    }

    /**
     * Loads a named identity such as {@code bamf-admin}, {@code bamf-admin2}, {@code bamf-client}, {@code lds-admin}
     * or {@code lds-client}.
     */
    public SigningIdentity identity(String name) {
        return SigningIdentities.fromPem(
                value("identity." + name + ".msp"),
                Path.of(value("identity." + name + ".cert")),
                Path.of(value("identity." + name + ".key")));
    }

    /** Returns the folder of the Fabric binaries. */
    public Path binaries() {
        return Path.of(value("fabric.bin"));
    }

    /** Opens an admin client that reads and submits as the BAMF admin. */
    public ChannelAdmin admin() {
        return new ChannelAdmin(orderer(), identity("bamf-admin"));
    }

    public String value(String key) {
        String value = properties.getProperty(key);
        if (value == null) {
            throw new IllegalStateException("Network descriptor has no entry '" + key + "'");
        }
        return value;
    }
}
