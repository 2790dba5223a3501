package de.klammer.portal.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import de.klammer.identity.InputMutations;
import de.klammer.ledger.ChannelConfigDecodingException;
import de.klammer.ledger.ChannelConfigs;
import de.klammer.ledger.ImportedMsp;
import de.klammer.ledger.MspDefinitions;
import de.klammer.ledger.MspImportException;
import de.klammer.ledger.MspValidation;
import de.klammer.ledger.PolicyRule;
import de.klammer.portal.concept.SharedCases;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Fuzz tests of ledger-admin's parsers of outside data, on seeded mutations of the real files in the shared cases:
 * config blocks, configtxlator JSON of an organisation, MSP folders and zips with their certificates and CRLs,
 * configtx.yaml, and policy text. Every imported MSP also goes through {@link MspValidation}, which must report
 * findings instead of throwing. The tests live in the portal module because the portal reads these inputs from users.
 */
class LedgerInputFuzzTests {

    private static final int ITERATIONS = 200;
    private static final String MSP_FOLDER = "msp/fabric_msp_testdata/";
    private static final List<String> MSP_NAMES = List.of("nodeouadmin", "revocation", "revokedica", "nodeous8");

    @ParameterizedTest
    @ValueSource(strings = {
        "channel-config/fabric_orderer_etcdraft_testdata/mychannel.block",
        "channel-config/fabric_orderer_etcdraft_testdata/etcdraftgenesis.block",
        "channel-config/fabric-config_protolator_testdata/block.pb"
    })
    void rejectsMutatedConfigBlocksCleanly(String file) throws IOException {
        byte[] block = Files.readAllBytes(SharedCases.path(file));
        InputMutations mutations = new InputMutations(5101 + file.hashCode());

        int rejected = mutations.assertRejectsCleanly(file, block, ITERATIONS, mutations::mutate,
                ChannelConfigs::decodeBlock, ChannelConfigDecodingException.class);

        assertThat(rejected).isPositive();
    }

    @Test
    void rejectsMutatedConfigtxlatorJsonCleanly() throws IOException {
        JsonNode block = JsonMapper.builder().build().readTree(
                SharedCases.path("channel-config/fabric_common_channelconfig_testdata/test_configblock.json").toFile());
        byte[] organization = block.at("/data/data/0/payload/data/config/channel_group/groups/Application/groups/Org1")
                .toString()
                .getBytes(StandardCharsets.UTF_8);
        InputMutations mutations = new InputMutations(5102);

        int rejected = mutations.assertRejectsCleanly("configtxlator JSON", organization, ITERATIONS, mutations::mutate,
                input -> validate(MspDefinitions.fromConfigtxlatorJson(new String(input, StandardCharsets.UTF_8))),
                MspImportException.class);

        assertThat(rejected).isPositive();
    }

    @Test
    void rejectsMutatedMspZipsCleanly() throws IOException {
        InputMutations mutations = new InputMutations(5103);
        for (String name : MSP_NAMES) {
            byte[] zip = zip(SharedCases.path(MSP_FOLDER + name));

            int rejected = mutations.assertRejectsCleanly(name + " zip", zip, ITERATIONS, mutations::mutate,
                    input -> validate(MspDefinitions.fromZip(new ByteArrayInputStream(input), 1_000_000, "FuzzMSP")),
                    MspImportException.class);

            assertThat(rejected).as("rejected mutations of %s", name).isPositive();
        }
    }

    @Test
    void validatesMutatedMspFilesCleanly(@TempDir Path temp) throws IOException {
        InputMutations mutations = new InputMutations(5104);
        for (String name : MSP_NAMES) {
            Path original = SharedCases.path(MSP_FOLDER + name);
            List<Path> files = regularFiles(original);
            Path copy = temp.resolve(name);

            for (int iteration = 0; iteration < ITERATIONS / 4; iteration++) {
                copyFolder(original, copy);
                Path target = copy.resolve(original.relativize(files.get(iteration % files.size())));
                byte[] content = Files.readAllBytes(target);
                String label = name + "/" + copy.relativize(target) + " round " + iteration;

                mutations.assertRejectsCleanly(label, content, 1, mutations::mutatePemContent, input -> {
                    Files.write(target, input);
                    validate(MspDefinitions.fromFolder(copy, "FuzzMSP"));
                }, MspImportException.class);
            }
        }
    }

    @Test
    void rejectsMutatedConfigtxCleanly(@TempDir Path temp) throws IOException {
        Path yaml = temp.resolve("addOrg3/configtx.yaml");
        Files.createDirectories(yaml.getParent());
        copyFolder(SharedCases.path(MSP_FOLDER + "nodeouadmin"),
                temp.resolve("organizations/peerOrganizations/org3.example.com/msp"));
        byte[] configtx = Files.readAllBytes(SharedCases.path("configtx/fabric-samples_test-network_addOrg3/configtx.yaml"));
        InputMutations mutations = new InputMutations(5105);

        int rejected = mutations.assertRejectsCleanly("configtx.yaml", configtx, ITERATIONS, mutations::mutate, input -> {
            Files.write(yaml, input);
            validate(MspDefinitions.fromConfigtxOrganization(yaml, "Org3MSP"));
        }, MspImportException.class);

        assertThat(rejected).isPositive();
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "OutOf(2, 'BamfMSP.admin', 'LdsMSP.OU(decision)', AND('BamfMSP.peer', OR('LdsMSP.member', 'X.client')))",
        "MAJORITY Admins"
    })
    void rejectsMutatedPolicyTextCleanly(String policy) {
        InputMutations mutations = new InputMutations(5106 + policy.hashCode());

        int rejected = mutations.assertRejectsCleanly("policy text", policy.getBytes(StandardCharsets.UTF_8),
                ITERATIONS * 5, mutations::mutate,
                input -> PolicyRule.parse(new String(input, StandardCharsets.UTF_8)),
                IllegalArgumentException.class);

        assertThat(rejected).isPositive();
    }

    private static void validate(ImportedMsp msp) {
        MspValidation.validate(msp, null);
    }

    private static byte[] zip(Path folder) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            for (Path file : regularFiles(folder)) {
                zip.putNextEntry(new ZipEntry(folder.relativize(file).toString()));
                zip.write(Files.readAllBytes(file));
                zip.closeEntry();
            }
        }
        return bytes.toByteArray();
    }

    private static List<Path> regularFiles(Path folder) throws IOException {
        try (Stream<Path> files = Files.walk(folder)) {
            return files.filter(Files::isRegularFile).sorted().toList();
        }
    }

    private static void copyFolder(Path source, Path target) throws IOException {
        for (Path file : regularFiles(source)) {
            Path copy = target.resolve(source.relativize(file).toString());
            Files.createDirectories(copy.getParent());
            Files.copy(file, copy, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
