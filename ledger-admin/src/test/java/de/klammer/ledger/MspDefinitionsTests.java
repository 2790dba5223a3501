package de.klammer.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MspDefinitionsTests {

    private static final String NODEOUADMIN = "msp/fabric_msp_testdata/nodeouadmin";
    private static final String ADD_ORG3 = "configtx/fabric-samples_test-network_addOrg3/configtx.yaml";

    @Test
    void readsFolderWithNodeOus() {
        ImportedMsp msp = MspDefinitions.fromFolder(SharedCases.path(NODEOUADMIN), "Org1MSP");

        assertThat(msp.mspId()).isEqualTo("Org1MSP");
        assertThat(msp.rootCerts()).extracting(ImportedMsp.MspFile::name)
                .containsExactly("cacerts/ca.org1.example.com-cert.pem");
        assertThat(msp.tlsRootCerts()).hasSize(1);
        assertThat(msp.admins()).isEmpty();
        assertThat(msp.nodeOus()).isNotNull();
        assertThat(msp.nodeOus().enable()).isTrue();
        assertThat(msp.nodeOus().admin().organizationalUnit()).isEqualTo("admin");
        assertThat(msp.nodeOus().admin().certificatePem()).contains("BEGIN CERTIFICATE");
        assertThat(msp.nodeOus().orderer().certificateFile()).isEqualTo("cacerts/ca.example.com-cert.pem");
        assertThat(msp.nodeOus().orderer().certificatePem()).isNull();
    }

    @Test
    void neverReadsKeystore() {
        ImportedMsp msp = MspDefinitions.fromFolder(SharedCases.path(NODEOUADMIN), "Org1MSP");

        assertThat(msp.toString()).doesNotContain("PRIVATE KEY");
    }

    @Test
    void readsOrganizationalUnitIdentifiers() {
        ImportedMsp msp = MspDefinitions.fromFolder(SharedCases.path("msp/fabric_msp_testdata/badconfigou"), "CopMSP");

        assertThat(msp.organizationalUnitIdentifiers()).singleElement()
                .satisfies(id -> assertThat(id.organizationalUnit()).isEqualTo("COP1"))
                .satisfies(id -> assertThat(id.certificatePem()).contains("BEGIN CERTIFICATE"));
    }

    @Test
    void readsZipInsideTopFolder() throws IOException {
        byte[] zip = zipOf(SharedCases.path(NODEOUADMIN), "org1/msp/");

        ImportedMsp msp = MspDefinitions.fromZip(new ByteArrayInputStream(zip), 1_000_000, "Org1MSP");

        assertThat(msp.rootCerts()).extracting(ImportedMsp.MspFile::name)
                .containsExactly("cacerts/ca.org1.example.com-cert.pem");
        assertThat(msp.nodeOus().admin().organizationalUnit()).isEqualTo("admin");
        assertThat(msp.toString()).doesNotContain("PRIVATE KEY");
    }

    @Test
    void rejectsZipPathTraversal() throws IOException {
        byte[] zip = zipWith("cacerts/../../etc/passwd", "x");

        assertThatExceptionOfType(MspImportException.class)
                .isThrownBy(() -> MspDefinitions.fromZip(new ByteArrayInputStream(zip), 1_000_000, "Org1MSP"))
                .withMessageContaining("'cacerts/../../etc/passwd'")
                .withMessageContaining("outside the MSP folder");
    }

    @Test
    void rejectsAbsoluteZipEntry() throws IOException {
        byte[] zip = zipWith("/cacerts/ca.pem", "x");

        assertThatExceptionOfType(MspImportException.class)
                .isThrownBy(() -> MspDefinitions.fromZip(new ByteArrayInputStream(zip), 1_000_000, "Org1MSP"))
                .withMessageContaining("'/cacerts/ca.pem'");
    }

    @Test
    void rejectsZipOverSizeLimit() throws IOException {
        byte[] zip = zipWith("cacerts/big.pem", "A".repeat(5000));

        assertThatExceptionOfType(MspImportException.class)
                .isThrownBy(() -> MspDefinitions.fromZip(new ByteArrayInputStream(zip), 4096, "Org1MSP"))
                .withMessageContaining("more than 4096 bytes")
                .withMessageContaining("'cacerts/big.pem'");
    }

    @Test
    void rejectsUploadThatIsNoZip() {
        byte[] notZip = "just text".getBytes(StandardCharsets.UTF_8);

        assertThatExceptionOfType(MspImportException.class)
                .isThrownBy(() -> MspDefinitions.fromZip(new ByteArrayInputStream(notZip), 4096, "Org1MSP"))
                .withMessageContaining("no files");
    }

    @Test
    void namesMissingMspDirOfConfigtx() {
        Path yaml = SharedCases.path(ADD_ORG3);

        assertThatExceptionOfType(MspImportException.class)
                .isThrownBy(() -> MspDefinitions.fromConfigtxOrganization(yaml, "Org3MSP"))
                .withMessageContaining("MSPDir '../organizations/peerOrganizations/org3.example.com/msp'")
                .withMessageContaining("does not exist");
    }

    @Test
    void readsConfigtxOrganizationFromMspDir(@TempDir Path temp) throws IOException {
        Path yaml = temp.resolve("addOrg3/configtx.yaml");
        Files.createDirectories(yaml.getParent());
        Files.copy(SharedCases.path(ADD_ORG3), yaml);
        copyFolder(SharedCases.path(NODEOUADMIN), temp.resolve("organizations/peerOrganizations/org3.example.com/msp"));

        ImportedMsp msp = MspDefinitions.fromConfigtxOrganization(yaml, "Org3MSP");

        assertThat(msp.mspId()).isEqualTo("Org3MSP");
        assertThat(msp.rootCerts()).hasSize(1);
        assertThat(msp.nodeOus().enable()).isTrue();
    }

    @Test
    void namesUnknownConfigtxOrganization() {
        Path yaml = SharedCases.path(ADD_ORG3);

        assertThatExceptionOfType(MspImportException.class)
                .isThrownBy(() -> MspDefinitions.fromConfigtxOrganization(yaml, "Org9MSP"))
                .withMessageContaining("'Org9MSP'")
                .withMessageContaining("Org3MSP");
    }

    @Test
    void readsConfigtxlatorOrganizationGroup() throws IOException {
        String json = organizationGroupJson("Org1");

        ImportedMsp msp = MspDefinitions.fromConfigtxlatorJson(json);

        assertThat(msp.mspId()).isEqualTo("Org1MSP");
        assertThat(msp.rootCerts()).singleElement()
                .satisfies(file -> assertThat(file.name()).isEqualTo("values.MSP.value.config.root_certs[0]"))
                .satisfies(file -> assertThat(file.pem()).startsWith("-----BEGIN CERTIFICATE-----"));
        assertThat(msp.nodeOus().enable()).isTrue();
        assertThat(msp.nodeOus().admin().organizationalUnit()).isEqualTo("admin");
        assertThat(msp.nodeOus().admin().certificatePem()).startsWith("-----BEGIN CERTIFICATE-----");
    }

    @Test
    void rejectsJsonWithoutMspValue() {
        assertThatExceptionOfType(MspImportException.class)
                .isThrownBy(() -> MspDefinitions.fromConfigtxlatorJson("{\"values\": {}}"))
                .withMessageContaining("values.MSP.value.config");
    }

    static String organizationGroupJson(String group) throws IOException {
        String block = Files.readString(
                SharedCases.path("channel-config/fabric_common_channelconfig_testdata/test_configblock.json"));
        JsonObject config = JsonParser.parseString(block).getAsJsonObject()
                .getAsJsonObject("data").getAsJsonArray("data").get(0).getAsJsonObject()
                .getAsJsonObject("payload").getAsJsonObject("data").getAsJsonObject("config");
        return config.getAsJsonObject("channel_group").getAsJsonObject("groups").getAsJsonObject("Application")
                .getAsJsonObject("groups").getAsJsonObject(group).toString();
    }

    static byte[] zipOf(Path folder, String prefix) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes); var files = Files.walk(folder)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                zip.putNextEntry(new ZipEntry(prefix + folder.relativize(file).toString().replace('\\', '/')));
                zip.write(Files.readAllBytes(file));
                zip.closeEntry();
            }
        }
        return bytes.toByteArray();
    }

    private static byte[] zipWith(String name, String content) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            zip.putNextEntry(new ZipEntry(name));
            zip.write(content.getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
        }
        return bytes.toByteArray();
    }

    static void copyFolder(Path source, Path target) throws IOException {
        try (var files = Files.walk(source)) {
            for (Path file : files.toList()) {
                Path destination = target.resolve(source.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(destination);
                } else {
                    Files.copy(file, destination);
                }
            }
        }
    }
}
