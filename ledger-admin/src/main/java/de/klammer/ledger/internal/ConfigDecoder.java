package de.klammer.ledger.internal;

import com.google.protobuf.ByteString;
import com.google.protobuf.InvalidProtocolBufferException;
import de.klammer.ledger.Capabilities;
import de.klammer.ledger.ChannelConfig;
import de.klammer.ledger.ChannelConfigDecodingException;
import de.klammer.ledger.Consenter;
import de.klammer.ledger.MspDefinition;
import de.klammer.ledger.NodeOus;
import de.klammer.ledger.Organization;
import de.klammer.ledger.PolicyEntry;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.hyperledger.fabric.protos.common.Configtx.Config;
import org.hyperledger.fabric.protos.common.Configtx.ConfigGroup;
import org.hyperledger.fabric.protos.common.Configtx.ConfigPolicy;
import org.hyperledger.fabric.protos.common.Configtx.ConfigValue;
import org.hyperledger.fabric.protos.common.Configuration.OrdererAddresses;
import org.hyperledger.fabric.protos.msp.MspConfigPackage.FabricMSPConfig;
import org.hyperledger.fabric.protos.msp.MspConfigPackage.FabricNodeOUs;
import org.hyperledger.fabric.protos.msp.MspConfigPackage.FabricOUIdentifier;
import org.hyperledger.fabric.protos.msp.MspConfigPackage.MSPConfig;
import org.hyperledger.fabric.protos.orderer.Configuration.ConsensusType;
import org.hyperledger.fabric.protos.peer.Configuration.ACLs;
import org.jspecify.annotations.Nullable;

/** Decodes a Fabric {@code Config} message into the typed {@link ChannelConfig}. */
public final class ConfigDecoder {

    /** MSP type number of X.509-based Fabric MSPs ({@code msp.ProviderType.FABRIC}). */
    private static final int FABRIC_MSP_TYPE = 0;

    private final List<Organization> organizations = new ArrayList<>();
    private final List<PolicyEntry> policies = new ArrayList<>();

    private ConfigDecoder() {}

    /** Decodes the configuration of {@code channelId} read from config block {@code blockNumber}. */
    public static ChannelConfig decode(String channelId, long blockNumber, Config config) {
        ConfigDecoder decoder = new ConfigDecoder();
        ConfigGroup root = config.getChannelGroup();
        try {
            decoder.walk("/Channel", "Channel", root);
            return new ChannelConfig(
                    channelId,
                    config.getSequence(),
                    blockNumber,
                    List.copyOf(decoder.organizations),
                    List.copyOf(decoder.policies),
                    acls(root),
                    new Capabilities(
                            capabilities(root),
                            capabilities(root.getGroupsOrDefault("Orderer", ConfigGroup.getDefaultInstance())),
                            capabilities(root.getGroupsOrDefault("Application", ConfigGroup.getDefaultInstance()))),
                    consensusType(root),
                    consenters(root));
        } catch (InvalidProtocolBufferException | IllegalArgumentException e) {
            throw new ChannelConfigDecodingException(
                    "Cannot decode the config of channel '" + channelId + "' in block " + blockNumber + ": "
                            + e.getMessage(),
                    e);
        }
    }

    private void walk(String path, String name, ConfigGroup group) throws InvalidProtocolBufferException {
        for (Map.Entry<String, ConfigPolicy> policy : sorted(group.getPoliciesMap()).entrySet()) {
            ConfigPolicy value = policy.getValue();
            policies.add(new PolicyEntry(
                    path + "/" + policy.getKey(),
                    PolicyProtos.toRule(value.getPolicy()),
                    value.getModPolicy(),
                    value.getVersion()));
        }
        ConfigValue msp = group.getValuesMap().get("MSP");
        if (msp != null) {
            MSPConfig mspConfig = MSPConfig.parseFrom(msp.getValue());
            organizations.add(new Organization(name, path, msp(mspConfig), endpoints(group)));
        }
        for (Map.Entry<String, ConfigGroup> child : sorted(group.getGroupsMap()).entrySet()) {
            walk(path + "/" + child.getKey(), child.getKey(), child.getValue());
        }
    }

    /** Decodes a Fabric MSP definition. */
    public static MspDefinition msp(MSPConfig mspConfig) throws InvalidProtocolBufferException {
        if (mspConfig.getType() != FABRIC_MSP_TYPE) {
            String name = org.hyperledger.fabric.protos.msp.MspConfigPackage.IdemixMSPConfig.parseFrom(
                            mspConfig.getConfig())
                    .getName();
            return new MspDefinition(name, "IDEMIX", List.of(), List.of(), List.of(), List.of(), NodeOus.disabled(), 0);
        }
        FabricMSPConfig fabric = FabricMSPConfig.parseFrom(mspConfig.getConfig());
        return new MspDefinition(
                fabric.getName(),
                "FABRIC",
                Certificates.describe(fabric.getRootCertsList()),
                Certificates.describe(fabric.getIntermediateCertsList()),
                Certificates.describe(fabric.getAdminsList()),
                Certificates.describe(fabric.getTlsRootCertsList()),
                nodeOus(fabric),
                fabric.getRevocationListCount());
    }

    private static NodeOus nodeOus(FabricMSPConfig fabric) {
        if (!fabric.hasFabricNodeOus()) {
            return NodeOus.disabled();
        }
        FabricNodeOUs ous = fabric.getFabricNodeOus();
        return new NodeOus(
                ous.getEnable(),
                ou(ous.hasClientOuIdentifier() ? ous.getClientOuIdentifier() : null),
                ou(ous.hasPeerOuIdentifier() ? ous.getPeerOuIdentifier() : null),
                ou(ous.hasAdminOuIdentifier() ? ous.getAdminOuIdentifier() : null),
                ou(ous.hasOrdererOuIdentifier() ? ous.getOrdererOuIdentifier() : null));
    }

    private static @Nullable String ou(@Nullable FabricOUIdentifier identifier) {
        return identifier == null ? null : identifier.getOrganizationalUnitIdentifier();
    }

    private static List<String> endpoints(ConfigGroup group) throws InvalidProtocolBufferException {
        ConfigValue endpoints = group.getValuesMap().get("Endpoints");
        if (endpoints == null) {
            return List.of();
        }
        return List.copyOf(OrdererAddresses.parseFrom(endpoints.getValue()).getAddressesList());
    }

    private static Set<String> capabilities(ConfigGroup group) throws InvalidProtocolBufferException {
        ConfigValue value = group.getValuesMap().get("Capabilities");
        if (value == null) {
            return Set.of();
        }
        var capabilities = org.hyperledger.fabric.protos.common.Configuration.Capabilities.parseFrom(value.getValue());
        return new TreeSet<>(capabilities.getCapabilitiesMap().keySet());
    }

    private static Map<String, String> acls(ConfigGroup root) throws InvalidProtocolBufferException {
        ConfigGroup application = root.getGroupsMap().get("Application");
        ConfigValue value = application == null ? null : application.getValuesMap().get("ACLs");
        if (value == null) {
            return Map.of();
        }
        Map<String, String> result = new LinkedHashMap<>();
        ACLs acls = ACLs.parseFrom(value.getValue());
        sorted(acls.getAclsMap()).forEach((resource, api) -> result.put(resource, api.getPolicyRef()));
        return result;
    }

    private static String consensusType(ConfigGroup root) throws InvalidProtocolBufferException {
        ByteString value = consensusValue(root);
        return value == null ? "" : ConsensusType.parseFrom(value).getType();
    }

    private static List<Consenter> consenters(ConfigGroup root) throws InvalidProtocolBufferException {
        ByteString value = consensusValue(root);
        if (value == null) {
            return List.of();
        }
        ConsensusType consensus = ConsensusType.parseFrom(value);
        if (!consensus.getType().equals("etcdraft")) {
            return List.of();
        }
        var metadata = org.hyperledger.fabric.protos.orderer.etcdraft.Configuration.ConfigMetadata.parseFrom(
                consensus.getMetadata());
        return metadata.getConsentersList().stream()
                .map(c -> new Consenter(c.getHost(), c.getPort()))
                .toList();
    }

    private static @Nullable ByteString consensusValue(ConfigGroup root) {
        ConfigGroup orderer = root.getGroupsMap().get("Orderer");
        ConfigValue value = orderer == null ? null : orderer.getValuesMap().get("ConsensusType");
        return value == null ? null : value.getValue();
    }

    private static <V> Map<String, V> sorted(Map<String, V> map) {
        return new java.util.TreeMap<>(map);
    }
}
