package de.klammer.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import de.klammer.ledger.ConfigChange.AddAdmin;
import de.klammer.ledger.ConfigChange.RemoveAdmin;
import de.klammer.ledger.internal.Certificates;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Lists a certificate among BAMF's MSP admins on the real channel and removes it again. */
class AdminListIT {

    private static final String MSP_ID = "BamfMSP";

    private static TestNetwork network;
    private static ChannelAdmin admin;
    private static TestCertificates.Authority bamfCa;
    private static TestCertificates.Authority ldsCa;

    @BeforeAll
    static void connect() throws Exception {
        network = TestNetwork.get();
        admin = network.admin();
        bamfCa = TestCertificates.Authority.load(
                Path.of(network.value("org.BamfMSP.ca.cert")), Path.of(network.value("org.BamfMSP.ca.key")));
        ldsCa = TestCertificates.Authority.load(
                Path.of(network.value("org.LdsMSP.ca.cert")), Path.of(network.value("org.LdsMSP.ca.key")));
    }

    @AfterAll
    static void disconnect() {
        admin.close();
    }

    @Test
    void addsAndRemovesListedAdmin() throws Exception {
        TestCertificates.Issued clerk = TestCertificates.issue(bamfCa, MSP_ID, "listed-" + System.nanoTime(), "client");
        String sha256 = Certificates.fingerprint(clerk.certificate());
        int adminsBefore = listedAdmins().size();

        apply(List.of(new AddAdmin(MSP_ID, Certificates.toPem(clerk.certificate()))));
        List<String> afterAdd = listedAdmins();
        apply(List.of(new RemoveAdmin(MSP_ID, sha256)));
        List<String> afterRemove = listedAdmins();

        assertThat(afterAdd).hasSize(adminsBefore + 1).contains(sha256);
        assertThat(afterRemove).hasSize(adminsBefore).doesNotContain(sha256);
    }

    @Test
    void rejectsAdminOfAnotherOrganisation() throws Exception {
        TestCertificates.Issued ldsClerk =
                TestCertificates.issue(ldsCa, "LdsMSP", "foreign-" + System.nanoTime(), "client");
        String pem = Certificates.toPem(ldsClerk.certificate());

        assertThatExceptionOfType(ConfigChangeRejectedException.class)
                .isThrownBy(() -> admin.prepare(network.channel(), List.of(new AddAdmin(MSP_ID, pem))))
                .withMessageContaining("none of the CA certificates of " + MSP_ID);
    }

    @Test
    void rejectsAdminListedTwice() throws Exception {
        TestCertificates.Issued clerk = TestCertificates.issue(bamfCa, MSP_ID, "twice-" + System.nanoTime(), "client");
        String pem = Certificates.toPem(clerk.certificate());
        List<ConfigChange> twice = List.of(new AddAdmin(MSP_ID, pem), new AddAdmin(MSP_ID, pem));

        assertThatExceptionOfType(ConfigChangeRejectedException.class)
                .isThrownBy(() -> admin.prepare(network.channel(), twice))
                .withMessageContaining("already lists the admin certificate");
    }

    private void apply(List<ConfigChange> changes) {
        PreparedUpdate update = admin.prepare(network.channel(), changes);
        byte[] bamfSignature = ChannelAdmin.sign(update.configUpdate(), network.identity("bamf-admin"));
        admin.submit(network.channel(), update.configUpdate(), List.of(bamfSignature));
        assertThat(admin.awaitApplied(
                        network.channel(), update.configUpdate(), update.baseSequence(), Duration.ofSeconds(30)))
                .as("config update applied")
                .isPresent();
    }

    private List<String> listedAdmins() {
        return admin.readConfig(network.channel()).organization(MSP_ID).orElseThrow().msp().admins().stream()
                .map(CertificateInfo::sha256Fingerprint)
                .map(fingerprint -> fingerprint.replace(":", "").toLowerCase(Locale.ROOT))
                .toList();
    }
}
