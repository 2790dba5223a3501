package de.klammer.ledger.internal;

import static org.assertj.core.api.Assertions.assertThat;

import de.klammer.ledger.ConfigChange;
import de.klammer.ledger.ConfigChange.SetPolicy;
import de.klammer.ledger.PolicyRule;
import de.klammer.ledger.SharedCases;
import de.klammer.ledger.TestNetwork;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.hyperledger.fabric.protos.common.Common.Block;
import org.hyperledger.fabric.protos.common.Configtx.Config;
import org.hyperledger.fabric.protos.common.Configtx.ConfigUpdate;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The computed update equals what Fabric's {@code configtxlator compute_update} makes of the same two configs. */
class ComputeUpdateParityIT {

    static List<List<ConfigChange>> changes() {
        return List.of(
                List.of(new SetPolicy("/Channel/Application/Endorsement", PolicyRule.parse("ANY Endorsement"))),
                List.of(new SetPolicy("/Channel/Application/StatusWriters", PolicyRule.parse("OR('Org1MSP.admin','Org2MSP.client')"))),
                List.of(new SetPolicy("/Channel/Application/Org1MSP/Writers", PolicyRule.parse("OR('Org1MSP.admin')"))),
                List.of(
                        new SetPolicy("/Channel/Application/Readers", PolicyRule.parse("MAJORITY Readers")),
                        new SetPolicy("/Channel/Orderer/BatchPolicy", PolicyRule.parse("ANY Writers")),
                        new SetPolicy("/Channel/Application/Org2MSP/Admins", PolicyRule.parse("AND('Org2MSP.admin','Org2MSP.admin')"))));
    }

    @ParameterizedTest
    @MethodSource("changes")
    void matchesConfigtxlatorOnSharedBlock(List<ConfigChange> changes) throws Exception {
        Path blockFile = SharedCases.path("channel-config/fabric_orderer_etcdraft_testdata/mychannel.block");
        Config original = Blocks.configBlock(Block.parseFrom(Files.readAllBytes(blockFile))).envelope().getConfig();
        Config updated = ConfigChanges.apply(original, changes);

        ConfigUpdate ours = ConfigUpdateCalculator.compute("mychannel", original, updated);
        ConfigUpdate fabric = configtxlatorComputeUpdate("mychannel", original, updated);

        assertThat(ours).isEqualTo(fabric);
    }

    private static ConfigUpdate configtxlatorComputeUpdate(String channel, Config original, Config updated)
            throws IOException, InterruptedException {
        Path folder = Files.createTempDirectory("klammer-compute");
        Path originalFile = Files.write(folder.resolve("original.pb"), original.toByteArray());
        Path updatedFile = Files.write(folder.resolve("updated.pb"), updated.toByteArray());
        Path output = folder.resolve("update.pb");
        Process process = new ProcessBuilder(
                        TestNetwork.get().binaries().resolve("configtxlator").toString(),
                        "compute_update",
                        "--channel_id", channel,
                        "--original", originalFile.toString(),
                        "--updated", updatedFile.toString(),
                        "--output", output.toString())
                .redirectErrorStream(true)
                .start();
        String console = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new IOException("configtxlator compute_update failed: " + console);
        }
        return ConfigUpdate.parseFrom(Files.readAllBytes(output));
    }
}
