package de.klammer.ledger;

import static de.klammer.ledger.MspFinding.Severity.ERROR;
import static de.klammer.ledger.MspFinding.Severity.WARNING;
import static org.assertj.core.api.Assertions.assertThat;

import de.klammer.ledger.ImportedMsp.MspFile;
import de.klammer.ledger.internal.Certificates;
import java.io.IOException;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.junit.jupiter.api.Test;

/**
 * Validation of Fabric's own MSP test folders. The clock is fixed inside the validity of their certificates, so
 * that each case shows its own defect; expiry has its own case.
 */
class MspValidationTests {

    private static final Clock MID_2025 = Clock.fixed(Instant.parse("2025-06-01T00:00:00Z"), ZoneOffset.UTC);

    @Test
    void rejectsListedAdminWithPeerOu() {
        List<MspFinding> findings = validateCase("nodeous8");

        assertThat(errors(findings)).extracting(MspFinding::location).contains("admincerts/peer0-cert.pem");
        assertThat(errors(findings)).filteredOn(f -> f.location().equals("admincerts/peer0-cert.pem"))
                .singleElement().extracting(MspFinding::message).asString()
                .contains("OU_peer")
                .contains("client or admin");
    }

    @Test
    void warnsAboutMissingNodeOuCaFiles() {
        List<MspFinding> findings = validateCase("nodeous8");

        assertThat(findings).filteredOn(f -> f.severity() == WARNING).extracting(MspFinding::location)
                .contains("config.yaml NodeOUs.ClientOUIdentifier.Certificate",
                        "config.yaml NodeOUs.PeerOUIdentifier.Certificate");
    }

    @Test
    void rejectsEmptyClientOu() {
        List<MspFinding> findings = validateCase("nodeousbadconf1");

        assertThat(errors(findings)).extracting(MspFinding::location)
                .contains("config.yaml NodeOUs.ClientOUIdentifier.OrganizationalUnitIdentifier");
    }

    @Test
    void rejectsSigncertOutsideConfiguredOu() {
        List<MspFinding> findings = validateCase("badconfigou");

        assertThat(errors(findings)).singleElement()
                .satisfies(f -> assertThat(f.location()).isEqualTo("signcerts/peer.pem"))
                .satisfies(f -> assertThat(f.message()).contains("COP2").contains("COP1"));
    }

    @Test
    void acceptsAdminOuWithOrdererWarning() {
        List<MspFinding> findings = validateCase("nodeouadmin");

        assertThat(errors(findings)).isEmpty();
        assertThat(findings).filteredOn(f -> f.severity() == WARNING)
                .filteredOn(f -> f.location().equals("config.yaml NodeOUs.OrdererOUIdentifier.Certificate"))
                .singleElement().extracting(MspFinding::message).asString()
                .contains("cacerts/ca.example.com-cert.pem")
                .contains("any CA");
    }

    @Test
    void rejectsExpiredCertificates() {
        List<MspFinding> findings = validateCase("expired");

        assertThat(errors(findings)).extracting(MspFinding::location)
                .contains("cacerts/cacert.pem", "admincerts/admincert-expired.pem", "signcerts/peer-expired.pem");
        assertThat(errors(findings)).allSatisfy(f -> assertThat(f.message()).contains("expired on 1989-12-15"));
    }

    @Test
    void warnsAboutRevokedSigncert() {
        List<MspFinding> findings = validateCase("revocation");

        assertThat(errors(findings)).isEmpty();
        assertThat(findings).filteredOn(f -> f.location().equals("signcerts/signcert-revoked.pem"))
                .singleElement()
                .satisfies(f -> assertThat(f.severity()).isEqualTo(WARNING))
                .satisfies(f -> assertThat(f.message()).contains("revoked"));
    }

    @Test
    void rejectsRevokedIntermediateCa() {
        List<MspFinding> findings = validateCase("revokedica");

        assertThat(errors(findings)).filteredOn(f -> f.location().equals("intermediatecerts/intermidiatecert.pem"))
                .singleElement().extracting(MspFinding::message).asString().contains("revoked");
    }

    @Test
    void rejectsMspIdOrRootInUse() throws IOException {
        ChannelConfig channel = ChannelConfigs.decodeBlock(Files.readAllBytes(
                SharedCases.path("channel-config/fabric_orderer_etcdraft_testdata/mychannel.block")));
        String org1Root = channel.organization("Org1MSP").orElseThrow().msp().rootCerts().getFirst().pem();
        ImportedMsp copy = new ImportedMsp("Org2MSP", "test", List.of(new MspFile("cacerts/ca.pem", org1Root)),
                List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), null);

        List<MspFinding> findings = MspValidation.validate(copy, channel, MID_2025);

        assertThat(errors(findings)).filteredOn(f -> f.location().equals("MSP ID")).singleElement()
                .extracting(MspFinding::message).asString().contains("already used");
        assertThat(errors(findings)).filteredOn(f -> f.location().equals("cacerts/ca.pem")).singleElement()
                .extracting(MspFinding::message).asString().contains("root CA of Org1MSP");
    }

    @Test
    void rejectsClientAuthOnlyExtendedKeyUsage() throws Exception {
        TestCertificates.Authority ca = TestCertificates.rootCa("eku-test");
        TestCertificates.Issued admin = TestCertificates.issueWithExtendedKeyUsage(
                ca, "EkuMSP", "admin", "admin", KeyPurposeId.id_kp_clientAuth);
        TestCertificates.Issued server = TestCertificates.issueWithExtendedKeyUsage(
                ca, "EkuMSP", "admin2", "admin", KeyPurposeId.id_kp_clientAuth, KeyPurposeId.id_kp_serverAuth);
        ImportedMsp msp = new ImportedMsp("EkuMSP", "test",
                List.of(new MspFile("cacerts/ca.pem", Certificates.toPem(ca.certificate()))), List.of(),
                List.of(new MspFile("admincerts/client-only.pem", Certificates.toPem(admin.certificate())),
                        new MspFile("admincerts/with-server.pem", Certificates.toPem(server.certificate()))),
                List.of(), List.of(), List.of(), List.of(), List.of(), null);

        List<MspFinding> findings = MspValidation.validate(msp, null);

        assertThat(errors(findings)).singleElement()
                .satisfies(f -> assertThat(f.location()).isEqualTo("admincerts/client-only.pem"))
                .satisfies(f -> assertThat(f.message()).contains("serverAuth"));
    }

    @Test
    void rejectsIdentityCertificateInCacerts() throws Exception {
        TestCertificates.Authority ca = TestCertificates.rootCa("misplaced");
        TestCertificates.Issued admin = TestCertificates.issue(ca, "MisplacedMSP", "admin", "admin");
        ImportedMsp msp = new ImportedMsp("MisplacedMSP", "test",
                List.of(new MspFile("cacerts/admin.pem", Certificates.toPem(admin.certificate()))), List.of(),
                List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), null);

        List<MspFinding> findings = MspValidation.validate(msp, null);

        assertThat(errors(findings)).extracting(MspFinding::location).contains("cacerts/admin.pem", "admincerts/");
        assertThat(errors(findings)).filteredOn(f -> f.location().equals("cacerts/admin.pem"))
                .extracting(MspFinding::message).anySatisfy(m -> assertThat(m).contains("not a CA certificate"));
    }

    @Test
    void rejectsAdminFromForeignCa() throws Exception {
        TestCertificates.Authority ca = TestCertificates.rootCa("own");
        TestCertificates.Authority foreign = TestCertificates.rootCa("foreign");
        TestCertificates.Issued admin = TestCertificates.issue(foreign, "OwnMSP", "admin", "admin");
        ImportedMsp msp = new ImportedMsp("OwnMSP", "test",
                List.of(new MspFile("cacerts/ca.pem", Certificates.toPem(ca.certificate()))), List.of(),
                List.of(new MspFile("admincerts/admin.pem", Certificates.toPem(admin.certificate()))),
                List.of(), List.of(), List.of(), List.of(), List.of(), null);

        List<MspFinding> findings = MspValidation.validate(msp, null);

        assertThat(errors(findings)).singleElement()
                .satisfies(f -> assertThat(f.location()).isEqualTo("admincerts/admin.pem"))
                .satisfies(f -> assertThat(f.message()).contains("CN=ca.foreign"));
    }

    private static List<MspFinding> validateCase(String name) {
        ImportedMsp msp = MspDefinitions.fromFolder(SharedCases.path("msp/fabric_msp_testdata/" + name), "TestMSP");
        return MspValidation.validate(msp, null, MID_2025);
    }

    private static List<MspFinding> errors(List<MspFinding> findings) {
        return findings.stream().filter(f -> f.severity() == ERROR).toList();
    }
}
