package de.klammer.ledger;

import de.klammer.ledger.ImportedMsp.MspFile;
import de.klammer.ledger.ImportedMsp.NodeOuSettings;
import de.klammer.ledger.ImportedMsp.OuIdentifier;
import de.klammer.ledger.internal.MspZips;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.YAMLException;

/**
 * Imports MSP definitions from the forms Fabric's tools write: an MSP folder, a zip of one, the organisation section
 * of a configtx.yaml, and configtxlator JSON of an organisation group. Private keys ({@code keystore/}) are never
 * read. The result is not validated yet, see {@link MspValidation}.
 */
public final class MspDefinitions {

    /** Default limit for the bytes read from an MSP folder or zip; MSP folders are a few kilobytes. */
    public static final long DEFAULT_SIZE_LIMIT = 4L * 1024 * 1024;

    private static final int MAX_ENTRIES = 1000;
    private static final String CONFIG_YAML = "config.yaml";
    private static final List<String> FOLDERS = List.of("cacerts", "intermediatecerts", "admincerts", "tlscacerts",
            "tlsintermediatecerts", "crls", "signcerts", "keystore", "users");

    private MspDefinitions() {}

    /**
     * Reads an MSP folder such as {@code crypto/peerOrganizations/org1/msp}.
     *
     * @throws MspImportException when the folder is missing or larger than {@link #DEFAULT_SIZE_LIMIT}
     */
    public static ImportedMsp fromFolder(Path folder, String mspId) {
        Objects.requireNonNull(mspId, "mspId must not be null");
        if (!Files.isDirectory(folder)) {
            throw new MspImportException("MSP folder " + folder + " does not exist or is not a folder");
        }
        Map<String, byte[]> files = new TreeMap<>();
        long total = 0;
        try (Stream<Path> walk = Files.walk(folder)) {
            for (Path file : walk.filter(Files::isRegularFile).toList()) {
                String name = folder.relativize(file).toString().replace('\\', '/');
                if (isKeystore(name)) {
                    continue;
                }
                total += Files.size(file);
                if (total > DEFAULT_SIZE_LIMIT) {
                    throw new MspImportException("MSP folder " + folder + " is larger than " + DEFAULT_SIZE_LIMIT
                            + " bytes at " + name + "; an MSP folder holds only certificates, CRLs and config.yaml");
                }
                files.put(name, Files.readAllBytes(file));
            }
        } catch (IOException e) {
            throw new MspImportException("Cannot read MSP folder " + folder + ": " + e.getMessage(), e);
        }
        return fromFiles(mspId, folder.toString(), files);
    }

    /**
     * Reads a zip of an MSP folder. The folders may sit at the top of the zip or inside one top-level folder.
     *
     * @param sizeLimit maximum uncompressed bytes read from the zip, in bytes
     * @throws MspImportException when an entry escapes the folder, the zip is too large or cannot be read
     */
    public static ImportedMsp fromZip(InputStream zip, long sizeLimit, String mspId) {
        Objects.requireNonNull(mspId, "mspId must not be null");
        Map<String, byte[]> files = MspZips.read(zip, sizeLimit, MAX_ENTRIES);
        Map<String, byte[]> stripped = stripTopFolder(files);
        stripped.keySet().removeIf(MspDefinitions::isKeystore);
        return fromFiles(mspId, "zip", stripped);
    }

    /**
     * Reads one organisation of a configtx.yaml, found by its {@code Name} or {@code ID}, and its MSP folder from
     * {@code MSPDir}, which Fabric resolves relative to the folder of the yaml file.
     *
     * @throws MspImportException when the file, the organisation or its MSP folder is missing
     */
    public static ImportedMsp fromConfigtxOrganization(Path configtxYaml, String organizationName) {
        Map<?, ?> organization = findOrganization(configtxYaml, organizationName);
        String mspId = text(organization.get("ID"));
        String mspDir = text(organization.get("MSPDir"));
        if (mspId == null || mspDir == null) {
            throw new MspImportException("Organisation " + organizationName + " in " + configtxYaml
                    + " has no ID or no MSPDir; configtxgen needs both");
        }
        Path folder = configtxYaml.toAbsolutePath().getParent().resolve(mspDir).normalize();
        if (!Files.isDirectory(folder)) {
            throw new MspImportException("MSPDir '" + mspDir + "' of organisation " + organizationName + " in "
                    + configtxYaml + " resolves to " + folder + ", which does not exist. Put the MSP folder there,"
                    + " or import it directly as a folder or zip");
        }
        return fromFolder(folder, mspId);
    }

    /**
     * Reads configtxlator JSON of an organisation group, as {@code configtxlator proto_decode} writes it for
     * {@code channel_group.groups.Application.groups.<org>}.
     *
     * @throws MspImportException when the text is not JSON of an organisation group
     */
    public static ImportedMsp fromConfigtxlatorJson(String json) {
        Object root;
        try {
            // SnakeYAML parses configtxlator's JSON as YAML flow style, so no second parser is needed.
            root = safeYaml().load(json);
        } catch (YAMLException e) {
            throw new MspImportException("The configtxlator JSON cannot be parsed: " + e.getMessage(), e);
        }
        Map<?, ?> config = mspConfigOf(root);
        String mspId = text(config.get("name"));
        if (mspId == null) {
            throw new MspImportException("The configtxlator JSON has no values.MSP.value.config.name (the MSP ID)");
        }
        String prefix = "values.MSP.value.config.";
        NodeOuSettings nodeOus = null;
        if (config.get("fabric_node_ous") instanceof Map<?, ?> ous) {
            String field = prefix + "fabric_node_ous.";
            nodeOus = new NodeOuSettings(Boolean.TRUE.equals(ous.get("enable")),
                    jsonOu(ous.get("client_ou_identifier"), field + "client_ou_identifier"),
                    jsonOu(ous.get("peer_ou_identifier"), field + "peer_ou_identifier"),
                    jsonOu(ous.get("admin_ou_identifier"), field + "admin_ou_identifier"),
                    jsonOu(ous.get("orderer_ou_identifier"), field + "orderer_ou_identifier"));
        }
        List<OuIdentifier> ouIdentifiers = new ArrayList<>();
        if (config.get("organizational_unit_identifiers") instanceof List<?> list) {
            for (int i = 0; i < list.size(); i++) {
                OuIdentifier identifier = jsonOu(list.get(i), prefix + "organizational_unit_identifiers[" + i + "]");
                if (identifier != null) {
                    ouIdentifiers.add(identifier);
                }
            }
        }
        return new ImportedMsp(mspId, "configtxlator JSON",
                jsonPems(config, prefix, "root_certs"),
                jsonPems(config, prefix, "intermediate_certs"),
                jsonPems(config, prefix, "admins"),
                jsonPems(config, prefix, "tls_root_certs"),
                jsonPems(config, prefix, "tls_intermediate_certs"),
                jsonPems(config, prefix, "revocation_list"),
                List.of(),
                ouIdentifiers,
                nodeOus);
    }

    /** Builds the definition from the files of an MSP folder, keyed by their path inside it. */
    static ImportedMsp fromFiles(String mspId, String source, Map<String, byte[]> files) {
        Map<String, String> texts = new TreeMap<>();
        files.forEach((name, bytes) -> texts.put(name, new String(bytes, StandardCharsets.UTF_8)));
        List<OuIdentifier> ouIdentifiers = new ArrayList<>();
        NodeOuSettings nodeOus = null;
        String configYaml = texts.get(CONFIG_YAML);
        if (configYaml != null) {
            Map<?, ?> config = loadConfigYaml(configYaml);
            if (config.get("OrganizationalUnitIdentifiers") instanceof List<?> list) {
                for (int i = 0; i < list.size(); i++) {
                    ouIdentifiers.add(yamlOu(list.get(i), "config.yaml OrganizationalUnitIdentifiers[" + i + "]",
                            texts));
                }
            }
            if (config.get("NodeOUs") instanceof Map<?, ?> ous) {
                nodeOus = new NodeOuSettings(Boolean.TRUE.equals(ous.get("Enable")),
                        yamlNodeOu(ous, "ClientOUIdentifier", texts),
                        yamlNodeOu(ous, "PeerOUIdentifier", texts),
                        yamlNodeOu(ous, "AdminOUIdentifier", texts),
                        yamlNodeOu(ous, "OrdererOUIdentifier", texts));
            }
        }
        return new ImportedMsp(mspId, source,
                folder(texts, "cacerts"),
                folder(texts, "intermediatecerts"),
                folder(texts, "admincerts"),
                folder(texts, "tlscacerts"),
                folder(texts, "tlsintermediatecerts"),
                folder(texts, "crls"),
                folder(texts, "signcerts"),
                ouIdentifiers,
                nodeOus);
    }

    private static List<MspFile> folder(Map<String, String> texts, String folder) {
        List<MspFile> result = new ArrayList<>();
        texts.forEach((name, text) -> {
            if (name.startsWith(folder + "/")) {
                result.add(new MspFile(name, text));
            }
        });
        return result;
    }

    private static Map<?, ?> loadConfigYaml(String text) {
        try {
            Object loaded = safeYaml().load(text);
            if (loaded == null) {
                return Map.of();
            }
            if (loaded instanceof Map<?, ?> map) {
                return map;
            }
            throw new MspImportException("config.yaml is not a YAML mapping; it must contain NodeOUs or"
                    + " OrganizationalUnitIdentifiers at the top level");
        } catch (YAMLException e) {
            throw new MspImportException("config.yaml cannot be parsed: " + e.getMessage(), e);
        }
    }

    private static @Nullable OuIdentifier yamlNodeOu(Map<?, ?> nodeOus, String key, Map<String, String> texts) {
        Object value = nodeOus.get(key);
        return value == null ? null : yamlOu(value, "config.yaml NodeOUs." + key, texts);
    }

    private static OuIdentifier yamlOu(Object value, String field, Map<String, String> texts) {
        if (!(value instanceof Map<?, ?> map)) {
            throw new MspImportException(field + " is not a mapping; write Certificate and OrganizationalUnitIdentifier"
                    + " below it");
        }
        String certificateFile = text(map.get("Certificate"));
        String certificatePem = certificateFile == null ? null : texts.get(normalize(certificateFile));
        String organizationalUnit = text(map.get("OrganizationalUnitIdentifier"));
        return new OuIdentifier(field, certificateFile, certificatePem,
                organizationalUnit == null ? "" : organizationalUnit);
    }

    private static String normalize(String relative) {
        String result = relative.replace('\\', '/');
        return result.startsWith("./") ? result.substring(2) : result;
    }

    private static Map<?, ?> findOrganization(Path configtxYaml, String organizationName) {
        Object loaded;
        try (Reader reader = Files.newBufferedReader(configtxYaml, StandardCharsets.UTF_8)) {
            loaded = safeYaml().load(reader);
        } catch (IOException e) {
            throw new MspImportException("Cannot read " + configtxYaml + ": " + e.getMessage(), e);
        } catch (YAMLException e) {
            throw new MspImportException(configtxYaml + " cannot be parsed: " + e.getMessage(), e);
        }
        List<String> names = new ArrayList<>();
        if (loaded instanceof Map<?, ?> root && root.get("Organizations") instanceof List<?> organizations) {
            for (Object organization : organizations) {
                if (organization instanceof Map<?, ?> map) {
                    boolean matches = organizationName.equals(text(map.get("Name")))
                            || organizationName.equals(text(map.get("ID")));
                    if (matches) {
                        return map;
                    }
                    names.add(String.valueOf(map.get("Name")));
                }
            }
        }
        throw new MspImportException("No organisation '" + organizationName + "' in the Organizations section of "
                + configtxYaml + "; it defines " + (names.isEmpty() ? "none" : String.join(", ", names)));
    }

    private static Map<?, ?> mspConfigOf(@Nullable Object root) {
        if (root instanceof Map<?, ?> group
                && group.get("values") instanceof Map<?, ?> values
                && values.get("MSP") instanceof Map<?, ?> msp
                && msp.get("value") instanceof Map<?, ?> value
                && value.get("config") instanceof Map<?, ?> config) {
            if (value.get("type") instanceof Number type && type.intValue() != 0) {
                throw new MspImportException("values.MSP.value.type is " + type + ", an identity-mixer MSP; only"
                        + " X.509 MSPs (type 0) can be imported");
            }
            return config;
        }
        throw new MspImportException("The JSON is not a configtxlator organisation group because"
                + " values.MSP.value.config is missing. Export the group with configtxlator proto_decode --type common.Config and take"
                + " channel_group.groups.Application.groups.<organisation>");
    }

    private static List<MspFile> jsonPems(Map<?, ?> config, String prefix, String key) {
        List<MspFile> result = new ArrayList<>();
        if (config.get(key) instanceof List<?> list) {
            for (int i = 0; i < list.size(); i++) {
                String field = prefix + key + "[" + i + "]";
                result.add(new MspFile(field, base64Pem(list.get(i), field)));
            }
        }
        return result;
    }

    private static @Nullable OuIdentifier jsonOu(@Nullable Object value, String field) {
        if (!(value instanceof Map<?, ?> map)) {
            return null;
        }
        Object certificate = map.get("certificate");
        String pem = certificate == null || text(certificate) == null ? null : base64Pem(certificate, field);
        String organizationalUnit = text(map.get("organizational_unit_identifier"));
        return new OuIdentifier(field, pem == null ? null : field + ".certificate", pem,
                organizationalUnit == null ? "" : organizationalUnit);
    }

    private static String base64Pem(Object value, String field) {
        try {
            return new String(Base64.getDecoder().decode(String.valueOf(value)), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new MspImportException(field + " is not valid Base64, but configtxlator writes each PEM as Base64"
                    + " text");
        }
    }

    /** Strips enclosing folders such as {@code org1/msp/} until the MSP folders sit at the top. */
    private static Map<String, byte[]> stripTopFolder(Map<String, byte[]> files) {
        Map<String, byte[]> result = files;
        for (int depth = 0; depth < 5; depth++) {
            boolean rootLevel = result.keySet().stream()
                    .anyMatch(name -> name.equals(CONFIG_YAML) || FOLDERS.contains(name.split("/")[0]));
            List<String> tops = result.keySet().stream().map(name -> name.split("/")[0]).distinct().toList();
            if (rootLevel || tops.size() != 1 || result.keySet().stream().noneMatch(name -> name.contains("/"))) {
                return result;
            }
            String prefix = tops.getFirst() + "/";
            Map<String, byte[]> stripped = new TreeMap<>();
            result.forEach((name, bytes) -> stripped.put(name.substring(prefix.length()), bytes));
            result = stripped;
        }
        return result;
    }

    private static boolean isKeystore(String name) {
        return name.startsWith("keystore/") || name.contains("/keystore/");
    }

    private static @Nullable String text(@Nullable Object value) {
        return value == null ? null : value.toString();
    }

    private static Yaml safeYaml() {
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(false);
        options.setMaxAliasesForCollections(50);
        options.setCodePointLimit(1024 * 1024);
        return new Yaml(new SafeConstructor(options));
    }
}
