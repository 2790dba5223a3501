package de.klammer.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import de.klammer.ledger.ConfigChange.AddOrganization;
import de.klammer.ledger.ImportedMsp.MspFile;
import de.klammer.ledger.internal.Blocks;
import de.klammer.ledger.internal.ConfigChanges;
import de.klammer.ledger.internal.ExternalSignatures;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import org.hyperledger.fabric.protos.common.Common.Block;
import org.hyperledger.fabric.protos.common.Common.Envelope;
import org.hyperledger.fabric.protos.common.Common.Payload;
import org.hyperledger.fabric.protos.common.Configtx.Config;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Import checks of external signatures against a channel config that contains a generated organisation whose CRL
 * revokes one of its two admins. The update bytes are arbitrary, because the checks only need them to be signed.
 */
class ExternalSignaturesTests {

    private static final byte[] UPDATE = "config update bytes".getBytes(StandardCharsets.UTF_8);
    private static final String MSP_ID = "KommuneMSP";

    private static Config config;
    private static TestOrganizations.NewOrganization kommune;
    private static TestCertificates.Issued revokedAdmin;

    @BeforeAll
    static void buildChannel() throws Exception {
        kommune = TestOrganizations.create(MSP_ID);
        revokedAdmin = TestCertificates.issue(kommune.ca(), MSP_ID, "Admin2@" + MSP_ID, "admin");
        String crl = TestCertificates.crl(kommune.ca(), true, revokedAdmin.certificate().getSerialNumber());
        ImportedMsp base = kommune.msp();
        ImportedMsp withCrl = new ImportedMsp(MSP_ID, base.source(), base.rootCerts(), base.intermediateCerts(),
                base.admins(), base.tlsRootCerts(), base.tlsIntermediateCerts(),
                List.of(new MspFile("crls/crl.pem", crl)), base.signCerts(), base.organizationalUnitIdentifiers(), base.nodeOus());
        byte[] block = Files.readAllBytes(
                SharedCases.path("channel-config/fabric_orderer_etcdraft_testdata/mychannel.block"));
        Config channel = Blocks.configBlock(Block.parseFrom(block)).envelope().getConfig();
        config = ConfigChanges.apply(channel, List.of(new AddOrganization(withCrl)));
    }

    @Test
    void acceptsSignatureOfValidAdmin() {
        byte[] envelope = envelopeSignedBy(kommune.admin().signer());

        List<byte[]> accepted = ExternalSignatures.importSignatures(config, UPDATE, envelope);

        assertThat(accepted).hasSize(1);
    }

    @Test
    void rejectsRevokedAdmin() {
        byte[] envelope = envelopeSignedBy(revokedAdmin.signer());

        assertThatExceptionOfType(SignatureImportException.class)
                .isThrownBy(() -> ExternalSignatures.importSignatures(config, UPDATE, envelope))
                .satisfies(e -> assertThat(e.reasons()).singleElement().asString()
                        .contains("signature 1")
                        .contains("revoked"));
    }

    @Test
    void rejectsClientOfOrganization() {
        byte[] envelope = envelopeSignedBy(kommune.client().signer());

        assertThatExceptionOfType(SignatureImportException.class)
                .isThrownBy(() -> ExternalSignatures.importSignatures(config, UPDATE, envelope))
                .withMessageContaining("is not an admin of KommuneMSP");
    }

    @Test
    void listsEveryFailingSignature() {
        byte[] envelope = ExternalSignatures.exportEnvelope("mychannel", UPDATE, List.of(
                ChannelAdmin.sign(UPDATE, kommune.admin().signer()),
                ChannelAdmin.sign(UPDATE, revokedAdmin.signer()),
                ChannelAdmin.sign("other bytes".getBytes(StandardCharsets.UTF_8), kommune.admin().signer())));

        assertThatExceptionOfType(SignatureImportException.class)
                .isThrownBy(() -> ExternalSignatures.importSignatures(config, UPDATE, envelope))
                .satisfies(e -> assertThat(e.reasons()).hasSize(2))
                .satisfies(e -> assertThat(e.reasons().get(0)).startsWith("signature 2").contains("revoked"))
                .satisfies(e -> assertThat(e.reasons().get(1)).startsWith("signature 3").contains("does not verify"));
    }

    @Test
    void rejectsEnvelopeOfOtherType() throws Exception {
        Envelope exported = Envelope.parseFrom(envelopeSignedBy(kommune.admin().signer()));
        Payload payload = Payload.parseFrom(exported.getPayload());
        var header = org.hyperledger.fabric.protos.common.Common.ChannelHeader.parseFrom(
                payload.getHeader().getChannelHeader()).toBuilder().setType(3).build();
        byte[] endorserTransaction = exported.toBuilder().setPayload(payload.toBuilder()
                .setHeader(payload.getHeader().toBuilder().setChannelHeader(header.toByteString()))
                .build().toByteString()).build().toByteArray();

        assertThatExceptionOfType(SignatureImportException.class)
                .isThrownBy(() -> ExternalSignatures.importSignatures(config, UPDATE, endorserTransaction))
                .withMessageContaining("header type 3");
    }

    @Test
    void rejectsMalformedEnvelopeBytes() {
        byte[] garbage = {(byte) 0xff, 0x01, 0x02};

        assertThatExceptionOfType(SignatureImportException.class)
                .isThrownBy(() -> ExternalSignatures.importSignatures(config, UPDATE, garbage))
                .withMessageContaining("not a marshalled Fabric envelope");
    }

    private static byte[] envelopeSignedBy(SigningIdentity signer) {
        List<byte[]> signatures = new ArrayList<>();
        signatures.add(ChannelAdmin.sign(UPDATE, signer));
        return ExternalSignatures.exportEnvelope("mychannel", UPDATE, signatures);
    }
}
