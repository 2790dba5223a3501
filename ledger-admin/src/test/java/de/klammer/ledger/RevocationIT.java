package de.klammer.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import de.klammer.ledger.ConfigChange.AddRevocationList;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** A CRL placed into BAMF's MSP definition makes the orderer refuse the revoked identity. */
class RevocationIT {

    private static TestNetwork network;
    private static ChannelAdmin admin;
    private static TestCertificates.Authority bamfCa;

    @BeforeAll
    static void connect() throws Exception {
        network = TestNetwork.get();
        admin = network.admin();
        bamfCa = TestCertificates.Authority.load(
                Path.of(network.value("org.BamfMSP.ca.cert")), Path.of(network.value("org.BamfMSP.ca.key")));
    }

    @AfterAll
    static void disconnect() {
        admin.close();
    }

    @Test
    void revokedClientIsRefusedByOrderer() throws Exception {
        TestCertificates.Issued clerk = TestCertificates.issue(bamfCa, "BamfMSP", "clerk-" + System.nanoTime(), "client");
        String crl = TestCertificates.crl(bamfCa, true, clerk.certificate().getSerialNumber());
        ChannelConfig before;
        try (ChannelAdmin asClerk = new ChannelAdmin(network.orderer(), clerk.signer())) {
            before = asClerk.readConfig(network.channel());
        }

        PreparedUpdate update = admin.prepare(network.channel(), List.of(new AddRevocationList("BamfMSP", crl)));
        byte[] bamfSignature = ChannelAdmin.sign(update.configUpdate(), network.identity("bamf-admin"));
        admin.submit(network.channel(), update.configUpdate(), List.of(bamfSignature));
        AppliedConfigUpdate applied = admin.awaitApplied(
                        network.channel(), update.configUpdate(), update.baseSequence(), Duration.ofSeconds(30))
                .orElseThrow();

        assertThat(before.organization("BamfMSP")).isPresent();
        assertThat(update.requiredSignatures()).singleElement()
                .satisfies(r -> assertThat(r.policyPath()).isEqualTo("/Channel/Application/BamfMSP/Admins"));
        assertThat(admin.readConfig(network.channel()).organization("BamfMSP").orElseThrow().msp().crlCount())
                .isEqualTo(before.organization("BamfMSP").orElseThrow().msp().crlCount() + 1);
        try (ChannelAdmin asClerk = new ChannelAdmin(network.orderer(), clerk.signer())) {
            assertThatExceptionOfType(DeliverRefusedException.class)
                    .isThrownBy(() -> asClerk.readConfig(network.channel()))
                    .satisfies(e -> assertThat(e.status()).isEqualTo("FORBIDDEN"));
            PreparedUpdate probe = admin.prepare(network.channel(), List.of(new ConfigChange.SetPolicy(
                    "/Channel/Application/Probe" + System.nanoTime(), PolicyRule.parse("OR('BamfMSP.admin')"))));
            assertThatExceptionOfType(ConfigUpdateRejectedException.class)
                    .isThrownBy(() -> asClerk.submit(network.channel(), probe.configUpdate(), List.of(), clerk.signer()))
                    .satisfies(e -> assertThat(e.status()).isEqualTo("FORBIDDEN"));
        }
        assertThat(applied.sequence()).isEqualTo(update.baseSequence() + 1);
    }

    @Test
    void rejectsCrlWithoutAuthorityKeyIdentifier() throws Exception {
        String crl = TestCertificates.crl(bamfCa, false, java.math.BigInteger.TEN);

        assertThatExceptionOfType(ConfigChangeRejectedException.class)
                .isThrownBy(() -> admin.prepare(network.channel(), List.of(new AddRevocationList("BamfMSP", crl))))
                .withMessageContaining("AuthorityKeyIdentifier");
    }

    @Test
    void rejectsCrlOfAnotherOrganisation() throws Exception {
        String crl = TestCertificates.crl(bamfCa, true, java.math.BigInteger.TEN);

        assertThatExceptionOfType(ConfigChangeRejectedException.class)
                .isThrownBy(() -> admin.prepare(network.channel(), List.of(new AddRevocationList("LdsMSP", crl))))
                .withMessageContaining("none of the CA certificates of LdsMSP");
    }
}
