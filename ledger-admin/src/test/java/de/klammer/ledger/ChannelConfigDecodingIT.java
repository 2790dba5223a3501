package de.klammer.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class ChannelConfigDecodingIT {

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
    void decodedLiveBlockMatchesConfigtxlator() throws Exception {
        byte[] block = admin.readConfigBlock(network.channel());

        ChannelConfig model = ChannelConfigs.decodeBlock(block);
        String json = Configtxlator.protoDecode(network.binaries(), block, "common.Block");

        ModelJsonComparison.assertMatches(model, json);
    }

    @Test
    void decodesSharedJsonBlockEncodedByConfigtxlator() throws Exception {
        java.nio.file.Path json = SharedCases.path("channel-config/fabric_common_channelconfig_testdata/test_configblock.json");
        byte[] block = Configtxlator.protoEncode(network.binaries(), json, "common.Block");

        ChannelConfig model = ChannelConfigs.decodeBlock(block);

        ModelJsonComparison.assertMatches(model, java.nio.file.Files.readString(json));
        assertThat(model.sequence()).isEqualTo(3);
        assertThat(model.applicationOrganizations()).extracting(Organization::mspId).contains("Org1MSP", "Org2MSP");
    }

    @Test
    void liveModelHasPilotOrganisations() {
        ChannelConfig config = admin.readConfig(network.channel());

        assertThat(config.applicationOrganizations()).extracting(Organization::mspId)
                .containsExactlyInAnyOrder("BamfMSP", "LdsMSP");
        assertThat(config.organization("OrdererMSP")).isPresent();
        assertThat(config.organization("BamfMSP").orElseThrow().msp().nodeOus().enabled()).isTrue();
        assertThat(config.policy("/Channel/Application/Admins").orElseThrow().text()).isEqualTo("MAJORITY of Admins");
        assertThat(config.policy("/Channel/Application/BamfMSP/Admins").orElseThrow().text())
                .isEqualTo("1 of {BamfMSP.admin}");
        assertThat(config.consensusType()).isEqualTo("etcdraft");
        assertThat(config.consenters()).hasSize(1);
    }
}
