package de.klammer.ledger.internal;

import com.google.protobuf.ByteString;
import com.google.protobuf.InvalidProtocolBufferException;
import de.klammer.ledger.ConfigChange.AddOrganization;
import de.klammer.ledger.ConfigChange.RemoveOrganization;
import de.klammer.ledger.ConfigChangeRejectedException;
import de.klammer.ledger.ImportedMsp;
import de.klammer.ledger.ImportedMsp.MspFile;
import de.klammer.ledger.ImportedMsp.OuIdentifier;
import de.klammer.ledger.MspFinding;
import de.klammer.ledger.MspValidation;
import de.klammer.ledger.Organization;
import de.klammer.ledger.PolicyRule;
import de.klammer.ledger.RemovalPreview;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.hyperledger.fabric.protos.common.Configtx.Config;
import org.hyperledger.fabric.protos.common.Configtx.ConfigGroup;
import org.hyperledger.fabric.protos.common.Configtx.ConfigPolicy;
import org.hyperledger.fabric.protos.common.Configtx.ConfigValue;
import org.hyperledger.fabric.protos.msp.MspConfigPackage.FabricCryptoConfig;
import org.hyperledger.fabric.protos.msp.MspConfigPackage.FabricMSPConfig;
import org.hyperledger.fabric.protos.msp.MspConfigPackage.FabricNodeOUs;
import org.hyperledger.fabric.protos.msp.MspConfigPackage.FabricOUIdentifier;
import org.hyperledger.fabric.protos.msp.MspConfigPackage.IdemixMSPConfig;
import org.hyperledger.fabric.protos.msp.MspConfigPackage.MSPConfig;
import org.jspecify.annotations.Nullable;

/** Adds organisations to and removes them from {@code /Channel/Application}. */
public final class OrganizationChanges {

    private static final String APPLICATION = "Application";
    private static final String ADMINS = "Admins";
    private static final String LAST_ORGANIZATION = "Without any application organisation no authority could"
            + " satisfy /Channel/Writers or sign further updates; add the successor organisation first";

    private OrganizationChanges() {}

    static ConfigGroup add(ConfigGroup root, AddOrganization change) {
        ImportedMsp msp = change.msp();
        ConfigGroup application = application(root);
        List<MspFinding> findings = MspValidation.validate(msp,
                ConfigDecoder.decode("", 0, Config.newBuilder().setChannelGroup(root).build()));
        if (MspValidation.hasErrors(findings)) {
            throw new ConfigChangeRejectedException("The MSP definition of " + msp.mspId() + " is invalid: "
                    + String.join("; ", findings.stream()
                            .filter(f -> f.severity() == MspFinding.Severity.ERROR)
                            .map(MspFinding::describe)
                            .toList()));
        }
        if (application.getGroupsMap().containsKey(msp.mspId())) {
            throw new ConfigChangeRejectedException("/Channel/Application already has a group " + msp.mspId()
                    + "; choose another MSP ID");
        }
        ConfigGroup organization = ConfigGroup.newBuilder()
                .setModPolicy(ADMINS)
                .putValues("MSP", ConfigValue.newBuilder()
                        .setModPolicy(ADMINS)
                        .setValue(MSPConfig.newBuilder()
                                .setType(0)
                                .setConfig(fabricMspConfig(msp).toByteString())
                                .build()
                                .toByteString())
                        .build())
                .putAllPolicies(policies(msp))
                .build();
        return root.toBuilder()
                .putGroups(APPLICATION, application.toBuilder().putGroups(msp.mspId(), organization).build())
                .build();
    }

    /** Computes what removing the organisation from the config would leave behind. */
    public static RemovalPreview previewRemoval(Config current, String mspId) {
        List<String> before = ConfigDecoder.decode("", 0, current).applicationOrganizations().stream()
                .map(Organization::mspId)
                .toList();
        if (before.equals(List.of(mspId))) {
            return new RemovalPreview(mspId, List.of(), List.of(), LAST_ORGANIZATION);
        }
        Config desired = ConfigChanges.apply(current, List.of(new RemoveOrganization(mspId)));
        String writersProblem = null;
        try {
            ConfigChanges.requireAuthoritiesCanWrite(desired);
        } catch (ConfigChangeRejectedException e) {
            writersProblem = e.getMessage();
        }
        List<String> remaining = ConfigDecoder.decode("", 0, desired).applicationOrganizations().stream()
                .map(Organization::mspId)
                .toList();
        return new RemovalPreview(mspId, remaining, ConfigChanges.unsatisfiablePolicies(desired), writersProblem);
    }

    static ConfigGroup remove(ConfigGroup root, RemoveOrganization change) {
        ConfigGroup application = application(root);
        TreeSet<String> known = new TreeSet<>();
        for (Map.Entry<String, ConfigGroup> organization : application.getGroupsMap().entrySet()) {
            String mspId = mspIdOf(organization.getValue());
            known.add(mspId == null ? organization.getKey() : mspId);
            if (change.mspId().equals(mspId)) {
                if (application.getGroupsCount() == 1) {
                    throw new ConfigChangeRejectedException("Rejected: " + change.mspId() + " is the last"
                            + " organisation below /Channel/Application. " + LAST_ORGANIZATION);
                }
                return root.toBuilder()
                        .putGroups(APPLICATION, application.toBuilder().removeGroups(organization.getKey()).build())
                        .build();
            }
        }
        throw new ConfigChangeRejectedException("No organisation with MSP ID '" + change.mspId()
                + "' below /Channel/Application; organisations there: " + String.join(", ", known));
    }

    /** Builds the MSP value as configtxgen does, with SHA-256 identity hashing and SHA-2 signatures. */
    static FabricMSPConfig fabricMspConfig(ImportedMsp msp) {
        FabricMSPConfig.Builder config = FabricMSPConfig.newBuilder()
                .setName(msp.mspId())
                .addAllRootCerts(bytes(msp.rootCerts()))
                .addAllIntermediateCerts(bytes(msp.intermediateCerts()))
                .addAllAdmins(bytes(msp.admins()))
                .addAllRevocationList(bytes(msp.crls()))
                .addAllTlsRootCerts(bytes(msp.tlsRootCerts()))
                .addAllTlsIntermediateCerts(bytes(msp.tlsIntermediateCerts()))
                .setCryptoConfig(FabricCryptoConfig.newBuilder()
                        .setSignatureHashFamily("SHA2")
                        .setIdentityIdentifierHashFunction("SHA256"));
        for (OuIdentifier identifier : msp.organizationalUnitIdentifiers()) {
            config.addOrganizationalUnitIdentifiers(ouIdentifier(identifier));
        }
        ImportedMsp.NodeOuSettings nodeOus = msp.nodeOus();
        if (nodeOus != null) {
            FabricNodeOUs.Builder builder = FabricNodeOUs.newBuilder().setEnable(nodeOus.enable());
            if (nodeOus.client() != null) {
                builder.setClientOuIdentifier(ouIdentifier(nodeOus.client()));
            }
            if (nodeOus.peer() != null) {
                builder.setPeerOuIdentifier(ouIdentifier(nodeOus.peer()));
            }
            if (nodeOus.admin() != null) {
                builder.setAdminOuIdentifier(ouIdentifier(nodeOus.admin()));
            }
            if (nodeOus.orderer() != null) {
                builder.setOrdererOuIdentifier(ouIdentifier(nodeOus.orderer()));
            }
            config.setFabricNodeOus(builder);
        }
        return config.build();
    }

    // NOTE: Policies and AnchorPeers of a configtx.yaml organisation section are not imported; this standard set applies.
    private static Map<String, ConfigPolicy> policies(ImportedMsp msp) {
        String id = "'" + msp.mspId();
        boolean nodeOus = msp.nodeOus() != null && msp.nodeOus().enable();
        String member = "OR(" + id + ".member')";
        String readers = nodeOus ? "OR(" + id + ".admin', " + id + ".peer', " + id + ".client')" : member;
        String writers = nodeOus ? "OR(" + id + ".admin', " + id + ".client')" : member;
        String endorsement = nodeOus ? "OR(" + id + ".peer')" : member;
        return Map.of(
                "Readers", policy(readers),
                "Writers", policy(writers),
                ADMINS, policy("OR(" + id + ".admin')"),
                "Endorsement", policy(endorsement));
    }

    private static ConfigPolicy policy(String rule) {
        return ConfigPolicy.newBuilder()
                .setModPolicy(ADMINS)
                .setPolicy(PolicyProtos.toProto(PolicyRule.parse(rule)))
                .build();
    }

    private static FabricOUIdentifier ouIdentifier(OuIdentifier identifier) {
        FabricOUIdentifier.Builder builder = FabricOUIdentifier.newBuilder()
                .setOrganizationalUnitIdentifier(identifier.organizationalUnit());
        if (identifier.certificatePem() != null) {
            builder.setCertificate(ByteString.copyFrom(identifier.certificatePem(), StandardCharsets.UTF_8));
        }
        return builder.build();
    }

    private static List<ByteString> bytes(List<MspFile> files) {
        return files.stream().map(file -> ByteString.copyFrom(file.pem(), StandardCharsets.UTF_8)).toList();
    }

    private static ConfigGroup application(ConfigGroup root) {
        ConfigGroup application = root.getGroupsMap().get(APPLICATION);
        if (application == null) {
            throw new ConfigChangeRejectedException("This channel has no /Channel/Application group, so it cannot"
                    + " take application organisations");
        }
        return application;
    }

    private static @Nullable String mspIdOf(ConfigGroup organization) {
        ConfigValue value = organization.getValuesMap().get("MSP");
        if (value == null) {
            return null;
        }
        try {
            MSPConfig config = MSPConfig.parseFrom(value.getValue());
            return switch (config.getType()) {
                case 0 -> FabricMSPConfig.parseFrom(config.getConfig()).getName();
                case 1 -> IdemixMSPConfig.parseFrom(config.getConfig()).getName();
                default -> null;
            };
        } catch (InvalidProtocolBufferException e) {
            return null;
        }
    }
}
