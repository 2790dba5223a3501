package de.klammer.portal.ledger;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

/**
 * Fabric's {@code peer} command line, run as an organisation's admin would run it, outside any Klammer code. The
 * client configuration is rendered from the network's core.yaml template; only the local MSP, set per call, matters
 * for signing and for channel updates.
 */
public final class FabricPeerCommand {

    private static final long TIMEOUT_SECONDS = 60;

    private final Properties network;
    private final Path peer;
    private final Path configDir;

    private FabricPeerCommand(Properties network, Path peer, Path configDir) {
        this.network = network;
        this.peer = peer;
        this.configDir = configDir;
    }

    /**
     * Reads the descriptor of the running test network that {@code -Dklammer.network.descriptor} names.
     *
     * @throws IllegalStateException when the property is missing or names no file
     */
    public static Properties testNetwork() throws IOException {
        String location = System.getProperty("klammer.network.descriptor");
        if (location == null || !Files.isRegularFile(Path.of(location))) {
            throw new IllegalStateException("No running Fabric network: set -Dklammer.network.descriptor or run the"
                    + " tests with './klammer test'");
        }
        Properties network = new Properties();
        try (Reader reader = Files.newBufferedReader(Path.of(location))) {
            network.load(reader);
        }
        return network;
    }

    /** Creates the command for a network descriptor, with its client configuration in {@code workDir}. */
    public static FabricPeerCommand create(Properties network, Path workDir) throws IOException {
        // Maven runs the portal's tests in portal/, so the template lies one folder up.
        String template = Files.readString(Path.of("../network/config/core.yaml"), StandardCharsets.UTF_8);
        String rendered = template
                .replace("@PEER_ID@", "cli")
                .replace("@PEER_HOST@", "127.0.0.1")
                .replace("@PEER_PORT@", "7051")
                .replace("@PEER_CHAINCODE_PORT@", "7052")
                .replace("@PEER_OPERATIONS_PORT@", "9443")
                .replace("@PEER_NODE_DIR@", workDir.resolve("node").toString())
                .replace("@PEER_DATA_DIR@", workDir.resolve("data").toString())
                .replace("@MSP_ID@", "UnsetMSP")
                .replace("@NO_CHAINCODE_BUILDER@", workDir.resolve("builder").toString());
        Path configDir = Files.createDirectories(workDir.resolve("config"));
        Files.writeString(configDir.resolve("core.yaml"), rendered, StandardCharsets.UTF_8);
        return new FabricPeerCommand(network, Path.of(network.getProperty("fabric.bin"), "peer"), configDir);
    }

    /** Runs {@code peer channel signconfigtx}, which adds the admin's signature to the envelope file in place. */
    public void signConfigTx(Path envelope, String identity) throws IOException, InterruptedException {
        run(identity, List.of("channel", "signconfigtx", "-f", envelope.toString()));
    }

    /**
     * Runs {@code peer channel update}, which adds the admin's signature to the envelope and broadcasts it to the
     * orderer over TLS.
     */
    public void update(Path envelope, String channel, String identity) throws IOException, InterruptedException {
        run(identity, List.of(
                "channel", "update",
                "-f", envelope.toString(),
                "-c", channel,
                "-o", network.getProperty("orderer.host") + ":" + network.getProperty("orderer.port"),
                "--tls",
                "--cafile", network.getProperty("orderer.tls.ca"),
                "--ordererTLSHostnameOverride", network.getProperty("orderer.tls.hostname")));
    }

    private void run(String identity, List<String> arguments) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(peer.toString());
        command.addAll(arguments);
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().put("FABRIC_CFG_PATH", configDir.toString());
        builder.environment().put("CORE_PEER_LOCALMSPID", network.getProperty("identity." + identity + ".msp"));
        builder.environment().put("CORE_PEER_MSPCONFIGPATH", mspFolder(identity).toString());
        builder.redirectErrorStream(true);
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException("peer " + arguments.get(0) + " " + arguments.get(1) + " as " + identity
                    + " timed out after " + TIMEOUT_SECONDS + " s: " + output);
        }
        if (process.exitValue() != 0) {
            throw new IllegalStateException("peer " + arguments.get(0) + " " + arguments.get(1) + " as " + identity
                    + " failed with exit code " + process.exitValue() + ": " + output);
        }
    }

    /** Returns the MSP folder of a descriptor identity: the folder above its signcerts/ folder. */
    private Path mspFolder(String identity) {
        return Path.of(network.getProperty("identity." + identity + ".cert")).getParent().getParent();
    }
}
