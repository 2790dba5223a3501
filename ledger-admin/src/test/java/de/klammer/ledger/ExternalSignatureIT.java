package de.klammer.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import de.klammer.ledger.ConfigChange.SetPolicy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Signatures made with Fabric's own {@code peer channel signconfigtx}, imported and submitted to the real orderer. */
class ExternalSignatureIT {

    private static TestNetwork network;
    private static ChannelAdmin admin;
    private static PeerCli peer;

    @TempDir
    static Path temp;

    @BeforeAll
    static void connect() throws Exception {
        network = TestNetwork.get();
        admin = network.admin();
        peer = PeerCli.create(network, temp.resolve("peer-cli"));
    }

    @AfterAll
    static void disconnect() {
        admin.close();
    }

    @Test
    void countsLdsSignatureFromPeerCli() throws Exception {
        PreparedUpdate update = prepareProbe();
        Path file = export(update, "lds-signed.pb");
        peer.signConfigTx(file, "LdsMSP", mspFolder("lds-admin"));

        byte[] envelope = Files.readAllBytes(file);
        List<byte[]> imported = admin.importSignatures(network.channel(), update.configUpdate(), envelope);
        List<byte[]> signatures = new ArrayList<>(imported);
        signatures.add(ChannelAdmin.sign(update.configUpdate(), network.identity("bamf-admin")));
        SignatureVerdict ldsOnly = admin.evaluate(network.channel(), update.configUpdate(), imported);
        SignatureVerdict both = admin.evaluate(network.channel(), update.configUpdate(), signatures);
        admin.submit(network.channel(), update.configUpdate(), signatures);
        Optional<AppliedConfigUpdate> applied = admin.awaitApplied(
                network.channel(), update.configUpdate(), update.baseSequence(), Duration.ofSeconds(30));

        assertThat(imported).hasSize(1);
        assertThat(ldsOnly.countedMspIds()).containsExactly("LdsMSP");
        assertThat(ldsOnly.satisfied()).isFalse();
        assertThat(both.satisfied()).isTrue();
        assertThat(applied).isPresent();
    }

    @Test
    void rejectsSignatureOverOtherUpdate() throws Exception {
        PreparedUpdate signed = prepareProbe();
        PreparedUpdate expected = prepareProbe();
        Path file = export(signed, "other-update.pb");
        peer.signConfigTx(file, "LdsMSP", mspFolder("lds-admin"));
        byte[] envelope = Files.readAllBytes(file);

        assertThatExceptionOfType(SignatureImportException.class)
                .isThrownBy(() -> admin.importSignatures(network.channel(), expected.configUpdate(), envelope))
                .withMessageContaining("another config update")
                .withMessageContaining(signed.sha256());
    }

    @Test
    void rejectsCertificateOfAnotherOrganization() throws Exception {
        PreparedUpdate update = prepareProbe();
        Path file = export(update, "foreign-certificate.pb");
        peer.signConfigTx(file, "LdsMSP", mspFolder("bamf-admin"));
        byte[] envelope = Files.readAllBytes(file);

        assertThatExceptionOfType(SignatureImportException.class)
                .isThrownBy(() -> admin.importSignatures(network.channel(), update.configUpdate(), envelope))
                .satisfies(e -> assertThat(e.reasons()).singleElement().asString()
                        .contains("claims LdsMSP")
                        .contains("does not chain to a root CA of LdsMSP"));
    }

    @Test
    void rejectsOrganizationNotOnChannel() throws Exception {
        PreparedUpdate update = prepareProbe();
        Path file = export(update, "unknown-organization.pb");
        peer.signConfigTx(file, "StrangerMSP", mspFolder("bamf-admin"));
        byte[] envelope = Files.readAllBytes(file);

        assertThatExceptionOfType(SignatureImportException.class)
                .isThrownBy(() -> admin.importSignatures(network.channel(), update.configUpdate(), envelope))
                .withMessageContaining("'StrangerMSP' is not on the channel");
    }

    @Test
    void rejectsClientSignature() throws Exception {
        PreparedUpdate update = prepareProbe();
        Path file = export(update, "client-signed.pb");
        peer.signConfigTx(file, "LdsMSP", mspFolder("lds-client"));
        byte[] envelope = Files.readAllBytes(file);

        assertThatExceptionOfType(SignatureImportException.class)
                .isThrownBy(() -> admin.importSignatures(network.channel(), update.configUpdate(), envelope))
                .withMessageContaining("is not an admin of LdsMSP");
    }

    @Test
    void rejectsUnsignedExport() throws Exception {
        PreparedUpdate update = prepareProbe();
        byte[] unsigned = ChannelAdmin.exportForSigning(network.channel(), update.configUpdate(), List.of());

        assertThatExceptionOfType(SignatureImportException.class)
                .isThrownBy(() -> admin.importSignatures(network.channel(), update.configUpdate(), unsigned))
                .withMessageContaining("no signatures");
    }

    @Test
    void rendersExportAsConfigtxlatorJson() {
        String probe = "Probe" + System.nanoTime();
        PreparedUpdate update = admin.prepare(network.channel(),
                List.of(new SetPolicy("/Channel/Application/" + probe, PolicyRule.parse("OR('LdsMSP.admin')"))));
        byte[] exported = ChannelAdmin.exportForSigning(network.channel(), update.configUpdate(), List.of());

        String json = SigningExports.configtxlatorJson(network.binaries(), exported);

        assertThat(json).contains("\"channel_id\": \"" + network.channel() + "\"");
        assertThat(json).contains("\"type\": 2");
        assertThat(json).contains("\"" + probe + "\"");
        assertThat(json).contains("LdsMSP");
    }

    private static PreparedUpdate prepareProbe() {
        return admin.prepare(network.channel(), List.of(new SetPolicy(
                "/Channel/Application/Probe" + System.nanoTime(), PolicyRule.parse("OR('LdsMSP.admin')"))));
    }

    private static Path export(PreparedUpdate update, String name) throws Exception {
        Path file = temp.resolve(name);
        Files.write(file, ChannelAdmin.exportForSigning(network.channel(), update.configUpdate(), List.of()));
        return file;
    }

    /** Returns the MSP folder of a network identity: the folder above its signcerts/. */
    private static Path mspFolder(String identity) {
        return Path.of(network.value("identity." + identity + ".cert")).getParent().getParent();
    }
}
