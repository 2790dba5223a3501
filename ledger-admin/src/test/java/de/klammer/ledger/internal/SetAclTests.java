package de.klammer.ledger.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import com.google.protobuf.InvalidProtocolBufferException;
import de.klammer.ledger.ConfigChange;
import de.klammer.ledger.ConfigChange.SetAcl;
import de.klammer.ledger.ConfigChange.SetPolicy;
import de.klammer.ledger.ConfigChangeRejectedException;
import de.klammer.ledger.PolicyRule;
import java.util.List;
import org.hyperledger.fabric.protos.common.Configtx.Config;
import org.hyperledger.fabric.protos.common.Configuration.Capabilities;
import org.hyperledger.fabric.protos.common.Configuration.Capability;
import org.hyperledger.fabric.protos.common.Configtx.ConfigGroup;
import org.hyperledger.fabric.protos.common.Configtx.ConfigPolicy;
import org.hyperledger.fabric.protos.common.Configtx.ConfigValue;
import org.hyperledger.fabric.protos.peer.Configuration.ACLs;
import org.hyperledger.fabric.protos.peer.Configuration.APIResource;
import org.junit.jupiter.api.Test;

class SetAclTests {

    private static final String READERS = "/Channel/Application/Readers";

    @Test
    void setAclCreatesAclsValue() throws InvalidProtocolBufferException {
        Config desired = ConfigChanges.apply(channel(null), List.of(new SetAcl("qscc/GetChainInfo", READERS)));

        ConfigValue value = application(desired).getValuesOrThrow("ACLs");
        assertThat(value.getModPolicy()).isEqualTo("Admins");
        assertThat(ACLs.parseFrom(value.getValue()).getAclsMap())
                .containsOnlyKeys("qscc/GetChainInfo")
                .extractingByKey("qscc/GetChainInfo")
                .extracting(APIResource::getPolicyRef)
                .isEqualTo(READERS);
    }

    @Test
    void setAclResolvesRelativePolicyName() {
        Config desired = ConfigChanges.apply(channel(null), List.of(new SetAcl("event/Block", "Writers")));

        assertThat(AclChanges.read(desired.getChannelGroup()))
                .containsExactlyEntriesOf(java.util.Map.of("event/Block", "/Channel/Application/Writers"));
    }

    @Test
    void setAclKeepsOtherEntriesAndModPolicy() {
        ACLs existing = ACLs.newBuilder()
                .putAcls("event/Block", APIResource.newBuilder().setPolicyRef(READERS).build())
                .build();
        Config current = channel(ConfigValue.newBuilder()
                .setModPolicy("Readers")
                .setValue(existing.toByteString())
                .build());

        Config desired = ConfigChanges.apply(current, List.of(new SetAcl("qscc/GetChainInfo", "Admins")));

        assertThat(AclChanges.read(desired.getChannelGroup()))
                .containsEntry("event/Block", READERS)
                .containsEntry("qscc/GetChainInfo", "/Channel/Application/Admins")
                .hasSize(2);
        assertThat(application(desired).getValuesOrThrow("ACLs").getModPolicy()).isEqualTo("Readers");
        assertThat(AclChanges.read(current.getChannelGroup())).containsOnlyKeys("event/Block");
    }

    @Test
    void setAclRejectsUnknownResource() {
        assertThatExceptionOfType(ConfigChangeRejectedException.class)
                .isThrownBy(() -> ConfigChanges.apply(channel(null), List.of(new SetAcl("qscc/GetChainInf", READERS))))
                .withMessageContaining("Unknown ACL resource 'qscc/GetChainInf'")
                .withMessageContaining("qscc/GetChainInfo");
    }

    @Test
    void setAclRejectsResourceWithoutPrefixMatch() {
        assertThatExceptionOfType(ConfigChangeRejectedException.class)
                .isThrownBy(() -> ConfigChanges.apply(channel(null), List.of(new SetAcl("GetChainInfo", READERS))))
                .withMessageContaining("'GetChainInfo'")
                .withMessageContaining("for example qscc/GetChainInfo or event/Block");
    }

    @Test
    void setAclRejectsPeerLocalResource() {
        assertThatExceptionOfType(ConfigChangeRejectedException.class)
                .isThrownBy(() -> ConfigChanges.apply(channel(null), List.of(new SetAcl("cscc/JoinChain", READERS))))
                .withMessageContaining("cscc/JoinChain")
                .withMessageContaining("local MSP");
    }

    @Test
    void setAclRejectsMissingPolicy() {
        assertThatExceptionOfType(ConfigChangeRejectedException.class)
                .isThrownBy(() -> ConfigChanges.apply(
                        channel(null), List.of(new SetAcl("event/Block", "/Channel/Application/Nobody"))))
                .withMessageContaining("/Channel/Application/Nobody")
                .withMessageContaining("Admins, Readers, Writers");
    }

    @Test
    void setAclRejectsPolicyInMissingGroup() {
        assertThatExceptionOfType(ConfigChangeRejectedException.class)
                .isThrownBy(() -> ConfigChanges.apply(
                        channel(null), List.of(new SetAcl("event/Block", "/Channel/Nowhere/Readers"))))
                .withMessageContaining("/Channel/Nowhere/Readers")
                .withMessageContaining("the group does not exist");
    }

    @Test
    void setAclRejectsMalformedPolicyReferences() {
        for (String reference : List.of("", " ", "/Orderer/Readers", "/Channel/Application/", "/Channel//Readers")) {
            assertThatExceptionOfType(ConfigChangeRejectedException.class)
                    .as("policy reference '%s'", reference)
                    .isThrownBy(() -> ConfigChanges.apply(channel(null), List.of(new SetAcl("event/Block", reference))))
                    .withMessageContaining("/Channel/Application/Readers");
        }
    }

    @Test
    void setAclAcceptsPolicyCreatedInSameUpdate() {
        SetPolicy newPolicy = new SetPolicy("/Channel/Application/ChainInfoReaders", PolicyRule.parse("ANY Readers"));
        SetAcl acl = new SetAcl("qscc/GetChainInfo", "ChainInfoReaders");

        List<List<ConfigChange>> orders = List.of(List.of(newPolicy, acl), List.of(acl, newPolicy));
        for (List<ConfigChange> changes : orders) {
            Config desired = ConfigChanges.apply(channel(null), changes);

            assertThat(application(desired).getPoliciesMap()).containsKey("ChainInfoReaders");
            assertThat(AclChanges.read(desired.getChannelGroup()))
                    .containsEntry("qscc/GetChainInfo", "/Channel/Application/ChainInfoReaders");
        }
    }

    @Test
    void setAclRejectsChannelWithoutApplication() {
        Config ordererOnly = Config.newBuilder().setChannelGroup(ConfigGroup.getDefaultInstance()).build();

        assertThatExceptionOfType(ConfigChangeRejectedException.class)
                .isThrownBy(() -> ConfigChanges.apply(ordererOnly, List.of(new SetAcl("event/Block", READERS))))
                .withMessageContaining("no /Channel/Application group");
    }

    @Test
    void setAclRejectsChannelWithoutAclCapability() {
        Config current = channel(null);
        ConfigGroup application = application(current).toBuilder()
                .putValues("Capabilities", capabilities("V1_1"))
                .build();
        Config oldChannel = current.toBuilder()
                .setChannelGroup(current.getChannelGroup().toBuilder().putGroups("Application", application))
                .build();

        assertThatExceptionOfType(ConfigChangeRejectedException.class)
                .isThrownBy(() -> ConfigChanges.apply(oldChannel, List.of(new SetAcl("event/Block", READERS))))
                .withMessageContaining("(V1_1)")
                .withMessageContaining("do not allow ACLs");
    }

    @Test
    void setAclRejectsNullArguments() {
        assertThatExceptionOfType(NullPointerException.class).isThrownBy(() -> new SetAcl(null, READERS));
        assertThatExceptionOfType(NullPointerException.class).isThrownBy(() -> new SetAcl("event/Block", null));
    }

    /**
     * Returns a channel whose Application group has capability V2_5, the policies Readers, Writers and Admins, and
     * an optional ACLs value.
     */
    private static Config channel(ConfigValue acls) {
        ConfigGroup.Builder application = ConfigGroup.newBuilder()
                .setModPolicy("Admins")
                .putValues("Capabilities", capabilities("V2_5"))
                .putPolicies("Readers", policy("ANY Readers"))
                .putPolicies("Writers", policy("ANY Writers"))
                .putPolicies("Admins", policy("MAJORITY Admins"));
        if (acls != null) {
            application.putValues("ACLs", acls);
        }
        return Config.newBuilder()
                .setSequence(3)
                .setChannelGroup(ConfigGroup.newBuilder().putGroups("Application", application.build()))
                .build();
    }

    private static ConfigValue capabilities(String name) {
        Capabilities capabilities = Capabilities.newBuilder()
                .putCapabilities(name, Capability.getDefaultInstance())
                .build();
        return ConfigValue.newBuilder().setModPolicy("Admins").setValue(capabilities.toByteString()).build();
    }

    private static ConfigPolicy policy(String rule) {
        return ConfigPolicy.newBuilder()
                .setModPolicy("Admins")
                .setPolicy(PolicyProtos.toProto(PolicyRule.parse(rule)))
                .build();
    }

    private static ConfigGroup application(Config config) {
        return config.getChannelGroup().getGroupsOrThrow("Application");
    }
}
