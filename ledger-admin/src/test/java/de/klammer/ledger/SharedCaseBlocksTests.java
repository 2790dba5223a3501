package de.klammer.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import java.io.IOException;
import java.nio.file.Files;
import org.junit.jupiter.api.Test;

class SharedCaseBlocksTests {

    @Test
    void decodesEtcdraftChannelBlock() throws IOException {
        byte[] block = Files.readAllBytes(SharedCases.path("channel-config/fabric_orderer_etcdraft_testdata/mychannel.block"));

        ChannelConfig config = ChannelConfigs.decodeBlock(block);

        assertThat(config.channelId()).isEqualTo("mychannel");
        assertThat(config.applicationOrganizations()).extracting(Organization::mspId)
                .containsExactlyInAnyOrder("Org1MSP", "Org2MSP", "Org3MSP");
        assertThat(config.organization("Org3MSP").orElseThrow().msp().type()).isEqualTo("IDEMIX");
        assertThat(config.consensusType()).isEqualTo("kafka");
        assertThat(config.consenters()).isEmpty();
        assertThat(config.policy("/Channel/Application/Admins").orElseThrow().text()).isEqualTo("MAJORITY of Admins");
    }

    @Test
    void decodesEtcdraftGenesisBlock() throws IOException {
        byte[] block = Files.readAllBytes(SharedCases.path("channel-config/fabric_orderer_etcdraft_testdata/etcdraftgenesis.block"));

        ChannelConfig config = ChannelConfigs.decodeBlock(block);

        assertThat(config.channelId()).isEqualTo("testchannel");
        assertThat(config.blockNumber()).isZero();
        assertThat(config.organizations()).isNotEmpty();
        assertThat(config.policies()).allSatisfy(policy -> assertThat(policy.text()).isNotBlank());
    }

    @Test
    void protolatorBlockMatchesItsJson() throws IOException {
        byte[] block = Files.readAllBytes(SharedCases.path("channel-config/fabric-config_protolator_testdata/block.pb"));
        String json = Files.readString(SharedCases.path("channel-config/fabric-config_protolator_testdata/block.json"));

        ChannelConfig config = ChannelConfigs.decodeBlock(block);

        ModelJsonComparison.assertMatches(config, json);
    }

    @Test
    void rejectsBytesThatAreNoBlock() {
        assertThatExceptionOfType(ChannelConfigDecodingException.class)
                .isThrownBy(() -> ChannelConfigs.decodeBlock(new byte[] {1, 2, 3, 4, 5}));
    }
}
