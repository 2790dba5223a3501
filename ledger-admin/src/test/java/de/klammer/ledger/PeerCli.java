package de.klammer.ledger;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs Fabric's {@code peer} command line as an organisation member would, outside any Klammer code. */
final class PeerCli {

    private final Path peer;
    private final Path configDir;

    private PeerCli(Path peer, Path configDir) {
        this.peer = peer;
        this.configDir = configDir;
    }

    /**
     * Prepares a client configuration from the network's core.yaml template. Only the local MSP matters for
     * {@code signconfigtx}, so the peer's own addresses and folders get placeholder values.
     */
    static PeerCli create(TestNetwork network, Path workDir) throws IOException {
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
        return new PeerCli(network.binaries().resolve("peer"), configDir);
    }

    /**
     * Runs {@code peer channel signconfigtx -f file} with the given local MSP, which adds a signature to the file in
     * place.
     */
    void signConfigTx(Path envelopeFile, String localMspId, Path mspFolder) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(List.of(
                peer.toString(), "channel", "signconfigtx", "-f", envelopeFile.toString()));
        builder.environment().put("FABRIC_CFG_PATH", configDir.toString());
        builder.environment().put("CORE_PEER_LOCALMSPID", localMspId);
        builder.environment().put("CORE_PEER_MSPCONFIGPATH", mspFolder.toString());
        builder.redirectErrorStream(true);
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
            process.destroyForcibly();
            throw new IllegalStateException("peer channel signconfigtx failed for " + localMspId + ": " + output);
        }
    }
}
