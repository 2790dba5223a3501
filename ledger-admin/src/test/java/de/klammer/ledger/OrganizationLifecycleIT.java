package de.klammer.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import de.klammer.ledger.ConfigChange.AddOrganization;
import de.klammer.ledger.ConfigChange.RemoveOrganization;
import de.klammer.ledger.ConfigChange.SetPolicy;
import de.klammer.ledger.internal.Certificates;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A third organisation joins the real channel, takes part in a later update with its admin's signature, reads blocks
 * with a member identity, and leaves again. Its CA and identities are generated in the test.
 */
class OrganizationLifecycleIT {

    private static final String ENDORSEMENT = "/Channel/Application/Endorsement";

    private static TestNetwork network;
    private static ChannelAdmin admin;
    private static String addedMspId;

    @BeforeAll
    static void connect() {
        network = TestNetwork.get();
        admin = network.admin();
    }

    @AfterAll
    static void removeLeftoverAndDisconnect() {
        if (addedMspId != null && admin.readConfig(network.channel()).organization(addedMspId).isPresent()) {
            applyWith(admin.prepare(network.channel(), List.of(new RemoveOrganization(addedMspId))),
                    "bamf-admin", "lds-admin");
        }
        admin.close();
    }

    @Test
    void onboardsCoSignsAndOffboardsOrganization(@TempDir Path temp) throws Exception {
        String mspId = "Kommune" + Long.toString(System.nanoTime(), 36) + "MSP";
        TestOrganizations.NewOrganization kommune = TestOrganizations.create(mspId);
        ImportedMsp imported = MspDefinitions.fromFolder(writeMspFolder(temp, kommune), mspId);

        PreparedUpdate add = admin.prepare(network.channel(), List.of(new AddOrganization(imported)));
        SignatureVerdict bamfOnly =
                admin.evaluate(network.channel(), add.configUpdate(), List.of(sign(add, "bamf-admin")));
        addedMspId = mspId;
        AppliedConfigUpdate added = applyWith(add, "bamf-admin", "lds-admin");
        ChannelConfig withKommune = admin.readConfig(network.channel());

        assertThat(MspValidation.validate(imported, null)).isEmpty();
        assertThat(add.requiredSignatures()).extracting(RequiredSignature::policyPath)
                .containsExactly("/Channel/Application/Admins");
        assertThat(bamfOnly.satisfied()).isFalse();
        assertThat(added.sequence()).isEqualTo(add.baseSequence() + 1);
        assertThat(withKommune.applicationOrganizations()).extracting(Organization::mspId)
                .contains("BamfMSP", "LdsMSP", mspId);

        PreparedUpdate flip = prepareEndorsementFlip();
        List<byte[]> ldsAndKommune = List.of(sign(flip, "lds-admin"),
                ChannelAdmin.sign(flip.configUpdate(), kommune.admin().signer()));
        SignatureVerdict coSigned = admin.evaluate(network.channel(), flip.configUpdate(), ldsAndKommune);
        admin.submit(network.channel(), flip.configUpdate(), ldsAndKommune);
        var flipApplied = admin.awaitApplied(
                network.channel(), flip.configUpdate(), flip.baseSequence(), Duration.ofSeconds(30));

        assertThat(coSigned.satisfied()).isTrue();
        assertThat(coSigned.countedMspIds()).containsExactlyInAnyOrder("LdsMSP", mspId);
        assertThat(flipApplied).isPresent();

        try (ChannelAdmin member = new ChannelAdmin(network.orderer(), kommune.client().signer())) {
            assertThat(member.readConfig(network.channel()).sequence()).isEqualTo(flipApplied.get().sequence());
        }

        RemovalPreview preview = admin.previewRemoval(network.channel(), mspId);
        PreparedUpdate remove = admin.prepare(network.channel(), List.of(new RemoveOrganization(mspId)));
        applyWith(remove, "bamf-admin", "lds-admin");

        assertThat(preview.remainingCanSatisfyEveryPolicy()).isTrue();
        assertThat(preview.remainingOrganizations()).containsExactlyInAnyOrder("BamfMSP", "LdsMSP");
        assertThat(admin.readConfig(network.channel()).organization(mspId)).isEmpty();
        try (ChannelAdmin removedAdmin = new ChannelAdmin(network.orderer(), kommune.admin().signer())) {
            assertThatExceptionOfType(DeliverRefusedException.class)
                    .isThrownBy(() -> removedAdmin.readConfig(network.channel()))
                    .satisfies(e -> assertThat(e.status()).isEqualTo("FORBIDDEN"));
        }
    }

    /** Writes the organisation's MSP folder as cryptogen or fabric-ca-client would lay it out. */
    private static Path writeMspFolder(Path temp, TestOrganizations.NewOrganization organization) throws Exception {
        Path msp = temp.resolve("msp");
        String caPem = Certificates.toPem(organization.ca().certificate());
        Files.createDirectories(msp.resolve("cacerts"));
        Files.createDirectories(msp.resolve("tlscacerts"));
        Files.writeString(msp.resolve("cacerts/ca.pem"), caPem);
        Files.writeString(msp.resolve("tlscacerts/ca.pem"), caPem);
        StringBuilder config = new StringBuilder("NodeOUs:\n  Enable: true\n");
        for (String[] role : new String[][] {{"Client", "client"}, {"Peer", "peer"}, {"Admin", "admin"},
                {"Orderer", "orderer"}}) {
            config.append("  ").append(role[0]).append("OUIdentifier:\n")
                    .append("    Certificate: cacerts/ca.pem\n")
                    .append("    OrganizationalUnitIdentifier: ").append(role[1]).append('\n');
        }
        Files.writeString(msp.resolve("config.yaml"), config);
        return msp;
    }

    private PreparedUpdate prepareEndorsementFlip() {
        PolicyRule current = admin.readConfig(network.channel()).policy(ENDORSEMENT).orElseThrow().rule();
        PolicyRule target = current.equals(PolicyRule.parse("MAJORITY Endorsement"))
                ? PolicyRule.parse("ANY Endorsement")
                : PolicyRule.parse("MAJORITY Endorsement");
        return admin.prepare(network.channel(), List.of(new SetPolicy(ENDORSEMENT, target)));
    }

    private static AppliedConfigUpdate applyWith(PreparedUpdate update, String... identities) {
        List<byte[]> signatures = java.util.Arrays.stream(identities).map(identity -> sign(update, identity)).toList();
        admin.submit(network.channel(), update.configUpdate(), signatures);
        return admin.awaitApplied(
                        network.channel(), update.configUpdate(), update.baseSequence(), Duration.ofSeconds(30))
                .orElseThrow(() -> new AssertionError("update " + update.sha256() + " did not land within 30 s"));
    }

    private static byte[] sign(PreparedUpdate update, String identity) {
        return ChannelAdmin.sign(update.configUpdate(), network.identity(identity));
    }
}
