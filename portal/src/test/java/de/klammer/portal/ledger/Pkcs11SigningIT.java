package de.klammer.portal.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import de.klammer.ledger.ChannelAdmin;
import de.klammer.ledger.OrdererEndpoint;
import de.klammer.ledger.SigningIdentity;
import de.klammer.portal.browser.BoardSteps;
import de.klammer.portal.ledger.LedgerProperties.Pkcs11Properties;
import java.io.IOException;
import java.io.Reader;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.interfaces.ECPublicKey;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.ASN1Sequence;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The BAMF admin key on a SoftHSM2 token, chosen by the {@link AdminKeyStore} through its PKCS#11 settings, signs
 * config updates that the real orderer accepts together with the LDS admin's PKCS#12 signature.
 */
class Pkcs11SigningIT {

    private static final String LABEL = "bamf-admin";

    @TempDir
    static Path keyFolder;

    private static Properties network;
    private static SoftHsmToken token;
    private static AdminKeyStore keys;
    private static FabricLedgerGateway gateway;

    @BeforeAll
    static void storeBamfKeyOnToken() throws Exception {
        network = FabricPeerCommand.testNetwork();
        token = SoftHsmToken.initialise();
        token.store(LABEL, privateKey(identityFile("bamf-admin", "key")), certificate(identityFile("bamf-admin", "cert")));
        keys = new AdminKeyStore(keyFolder, "test-key-password", Map.of("BamfMSP",
                new Pkcs11Properties(SoftHsmToken.LIBRARY, token.slot(), token.pin(), LABEL)));
        keys.importPem("LdsMSP", identityFile("lds-admin", "cert"), identityFile("lds-admin", "key"));
        keys.importPem("OrdererMSP", identityFile("orderer-admin", "cert"), identityFile("orderer-admin", "key"));
        OrdererEndpoint orderer = new OrdererEndpoint(
                network.getProperty("orderer.host"),
                Integer.parseInt(network.getProperty("orderer.port")),
                Path.of(network.getProperty("orderer.tls.ca")),
                network.getProperty("orderer.tls.hostname"));
        gateway = new FabricLedgerGateway(new ChannelAdmin(orderer, keys.admin("OrdererMSP")), keys, null);
    }

    @AfterAll
    static void closeGateway() {
        if (gateway != null) {
            gateway.close();
        }
    }

    @Test
    void ordererAcceptsTokenSignedUpdate() {
        String channel = network.getProperty("channel");
        String previousRule = endorsementRule(channel);

        AppliedUpdate changed = signWithBothAndSubmit(channel, BoardSteps.endorsementFlip(gateway, channel));
        AppliedUpdate restored = signWithBothAndSubmit(channel, previousRule);

        assertThat(keys.usesToken("BamfMSP")).isTrue();
        assertThat(restored.blockNumber()).isGreaterThan(changed.blockNumber());
        assertThat(endorsementRule(channel)).isEqualTo(previousRule);
    }

    @Test
    void tokenSignaturesHaveLowS() throws Exception {
        SigningIdentity bamf = keys.admin("BamfMSP");
        X509Certificate certificate = certificate(identityFile("bamf-admin", "cert"));
        BigInteger halfOrder = ((ECPublicKey) certificate.getPublicKey()).getParams().getOrder().shiftRight(1);

        for (int i = 0; i < 32; i++) {
            byte[] der = bamf.sign(("message " + i).getBytes(StandardCharsets.UTF_8));
            BigInteger s = ASN1Integer.getInstance(ASN1Sequence.getInstance(der).getObjectAt(1)).getValue();

            assertThat(s).as("S of signature %d", i).isLessThanOrEqualTo(halfOrder);
        }
        assertThat(bamf.certificatePem().replaceAll("\\s", ""))
                .isEqualTo(Files.readString(identityFile("bamf-admin", "cert")).replaceAll("\\s", ""));
    }

    @Test
    void unknownKeyLabelListsEntries() {
        // PKCS#11 keeps one login state per process, so a wrong PIN goes unnoticed once the token is logged in.
        // An unknown label is the failure this test can provoke.
        AdminKeyStore unknownLabel = new AdminKeyStore(keyFolder, "test-key-password", Map.of("BamfMSP",
                new Pkcs11Properties(SoftHsmToken.LIBRARY, token.slot(), token.pin(), "no-such-key")));

        assertThatExceptionOfType(IllegalArgumentException.class)
                .isThrownBy(() -> unknownLabel.admin("BamfMSP"))
                .withMessageContaining("slot " + token.slot())
                .withMessageContaining("'no-such-key'")
                .withMessageContaining(LABEL)
                .withMessageNotContaining(token.pin());
    }

    private static AppliedUpdate signWithBothAndSubmit(String channel, String rule) {
        PreparedUpdate update = gateway.prepare(channel, new PolicyChange(BoardSteps.ENDORSEMENT, rule));
        List<AuthoritySignature> signatures = List.of(gateway.sign("BamfMSP", update), gateway.sign("LdsMSP", update));

        assertThat(gateway.evaluate(update, signatures).countedMspIds()).containsExactlyInAnyOrder("BamfMSP", "LdsMSP");
        gateway.submit(update, signatures);
        return gateway.awaitApplied(update, Duration.ofSeconds(60))
                .orElseThrow(() -> new AssertionError("update to " + rule + " not applied within 60 s"));
    }

    private static String endorsementRule(String channel) {
        return gateway.readChannel(channel).policies().stream()
                .filter(policy -> policy.path().equals(BoardSteps.ENDORSEMENT))
                .map(PolicyView::text)
                .findFirst()
                .orElseThrow();
    }

    private static Path identityFile(String identity, String kind) {
        return Path.of(network.getProperty("identity." + identity + "." + kind));
    }

    private static java.security.PrivateKey privateKey(Path pem) throws IOException {
        try (Reader reader = Files.newBufferedReader(pem); PEMParser parser = new PEMParser(reader)) {
            return new JcaPEMKeyConverter().getPrivateKey((PrivateKeyInfo) parser.readObject());
        }
    }

    private static X509Certificate certificate(Path pem) throws Exception {
        try (var in = Files.newInputStream(pem)) {
            return (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in);
        }
    }
}
