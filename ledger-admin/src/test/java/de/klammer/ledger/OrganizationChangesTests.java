package de.klammer.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import de.klammer.ledger.ConfigChange.AddOrganization;
import de.klammer.ledger.ConfigChange.RemoveOrganization;
import de.klammer.ledger.ConfigChange.SetPolicy;
import de.klammer.ledger.internal.Blocks;
import de.klammer.ledger.internal.ConfigChanges;
import de.klammer.ledger.internal.ConfigDecoder;
import de.klammer.ledger.internal.OrganizationChanges;
import java.nio.file.Files;
import java.util.List;
import org.hyperledger.fabric.protos.common.Common.Block;
import org.hyperledger.fabric.protos.common.Configtx.Config;
import org.junit.jupiter.api.Test;

/** Adding and removing organisations on Fabric's etcdraft test channel with Org1MSP, Org2MSP and Org3MSP. */
class OrganizationChangesTests {

    @Test
    void addsOrganizationWithNodeOuPolicies() throws Exception {
        Config current = channel();
        ImportedMsp msp = TestOrganizations.create("KommuneMSP").msp();

        ChannelConfig after = decode(ConfigChanges.apply(current, List.of(new AddOrganization(msp))));

        Organization added = after.organization("KommuneMSP").orElseThrow();
        assertThat(added.path()).isEqualTo("/Channel/Application/KommuneMSP");
        assertThat(added.msp().nodeOus().adminOu()).isEqualTo("admin");
        assertThat(after.policy("/Channel/Application/KommuneMSP/Readers").orElseThrow().rule().text())
                .isEqualTo(PolicyRule.parse("OR('KommuneMSP.admin', 'KommuneMSP.peer', 'KommuneMSP.client')").text());
        assertThat(after.policy("/Channel/Application/KommuneMSP/Writers").orElseThrow().rule().text())
                .isEqualTo(PolicyRule.parse("OR('KommuneMSP.admin', 'KommuneMSP.client')").text());
        assertThat(after.policy("/Channel/Application/KommuneMSP/Admins").orElseThrow().rule().text())
                .isEqualTo(PolicyRule.parse("OR('KommuneMSP.admin')").text());
        assertThat(after.policy("/Channel/Application/KommuneMSP/Endorsement").orElseThrow().rule().text())
                .isEqualTo(PolicyRule.parse("OR('KommuneMSP.peer')").text());
    }

    @Test
    void rejectsInvalidMspOnAdd() {
        ImportedMsp invalid = MspDefinitions.fromFolder(
                SharedCases.path("msp/fabric_msp_testdata/nodeous8"), "KommuneMSP");

        assertThatExceptionOfType(ConfigChangeRejectedException.class)
                .isThrownBy(() -> ConfigChanges.apply(channel(), List.of(new AddOrganization(invalid))))
                .withMessageContaining("admincerts/peer0-cert.pem");
    }

    @Test
    void rejectsTakenMspId() throws Exception {
        ImportedMsp duplicate = TestOrganizations.create("Org2MSP").msp();

        assertThatExceptionOfType(ConfigChangeRejectedException.class)
                .isThrownBy(() -> ConfigChanges.apply(channel(), List.of(new AddOrganization(duplicate))))
                .withMessageContaining("'Org2MSP' is already used");
    }

    @Test
    void removesOrganizationByMspId() throws Exception {
        Config desired = ConfigChanges.apply(channel(), List.of(new RemoveOrganization("Org3MSP")));

        assertThat(decode(desired).applicationOrganizations()).extracting(Organization::mspId)
                .containsExactlyInAnyOrder("Org1MSP", "Org2MSP");
    }

    @Test
    void rejectsRemovingUnknownOrganization() {
        assertThatExceptionOfType(ConfigChangeRejectedException.class)
                .isThrownBy(() -> ConfigChanges.apply(channel(), List.of(new RemoveOrganization("Org9MSP"))))
                .withMessageContaining("'Org9MSP'")
                .withMessageContaining("Org1MSP, Org2MSP, Org3MSP");
    }

    @Test
    void previewsRemovalKeepingPoliciesSatisfiable() throws Exception {
        RemovalPreview preview = OrganizationChanges.previewRemoval(channel(), "Org3MSP");

        assertThat(preview.remainingOrganizations()).containsExactlyInAnyOrder("Org1MSP", "Org2MSP");
        assertThat(preview.unsatisfiablePolicies()).isEmpty();
        assertThat(preview.writersProblem()).isNull();
        assertThat(preview.remainingCanSatisfyEveryPolicy()).isTrue();
    }

    @Test
    void previewsPolicyThatNeedsRemovedOrganization() throws Exception {
        String path = "/Channel/Application/Endorsement";
        Config tied = ConfigChanges.apply(channel(),
                List.of(new SetPolicy(path, PolicyRule.parse("AND('Org1MSP.member', 'Org3MSP.member')"))));

        RemovalPreview preview = OrganizationChanges.previewRemoval(tied, "Org3MSP");
        List<ConfigChange> removal = List.of(new RemoveOrganization("Org3MSP"));
        Config desired = ConfigChanges.apply(tied, removal);

        assertThat(preview.unsatisfiablePolicies()).containsExactly(path);
        assertThat(preview.remainingCanSatisfyEveryPolicy()).isFalse();
        assertThatExceptionOfType(ConfigChangeRejectedException.class)
                .isThrownBy(() -> ConfigChanges.requireSatisfiable(desired, removal))
                .withMessageContaining(path);
    }

    @Test
    void rejectsRemovingLastOrganization() throws Exception {
        Config current = ConfigChanges.apply(channel(),
                List.of(new RemoveOrganization("Org2MSP"), new RemoveOrganization("Org3MSP")));

        RemovalPreview preview = OrganizationChanges.previewRemoval(current, "Org1MSP");

        assertThat(preview.remainingOrganizations()).isEmpty();
        assertThat(preview.writersProblem()).contains("/Channel/Writers");
        assertThat(preview.remainingCanSatisfyEveryPolicy()).isFalse();
        assertThatExceptionOfType(ConfigChangeRejectedException.class)
                .isThrownBy(() -> ConfigChanges.apply(current, List.of(new RemoveOrganization("Org1MSP"))))
                .withMessageContaining("last organisation");
    }

    private static Config channel() throws java.io.IOException {
        byte[] block = Files.readAllBytes(
                SharedCases.path("channel-config/fabric_orderer_etcdraft_testdata/mychannel.block"));
        return Blocks.configBlock(Block.parseFrom(block)).envelope().getConfig();
    }

    private static ChannelConfig decode(Config config) {
        return ConfigDecoder.decode("mychannel", 0, config);
    }
}
