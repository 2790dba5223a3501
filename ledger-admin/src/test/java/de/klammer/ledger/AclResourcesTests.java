package de.klammer.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class AclResourcesTests {

    @Test
    void channelAndPeerLocalResourcesDiffer() {
        for (String resource : AclResources.channelDefaults().keySet()) {
            assertThat(AclResources.isPeerLocal(resource)).as(resource).isFalse();
        }
    }

    @Test
    void defaultsMatchFabricForProbedResources() {
        assertThat(AclResources.channelDefaults())
                .containsEntry("qscc/GetChainInfo", "/Channel/Application/Readers")
                .containsEntry("event/Block", "/Channel/Application/Readers")
                .containsEntry("peer/Propose", "/Channel/Application/Writers");
        assertThat(AclResources.isChannelResource("qscc/GetChainInfo")).isTrue();
        assertThat(AclResources.isPeerLocal("cscc/JoinChain")).isTrue();
        assertThat(AclResources.isChannelResource("cscc/JoinChain")).isFalse();
    }
}
