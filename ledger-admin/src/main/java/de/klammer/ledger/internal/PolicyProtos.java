package de.klammer.ledger.internal;

import com.google.protobuf.ByteString;
import com.google.protobuf.InvalidProtocolBufferException;
import de.klammer.ledger.PolicyRule;
import de.klammer.ledger.PolicyRule.Gate;
import de.klammer.ledger.PolicyRule.IdentityPrincipal;
import de.klammer.ledger.PolicyRule.ImplicitMeta;
import de.klammer.ledger.PolicyRule.NOutOf;
import de.klammer.ledger.PolicyRule.OtherPrincipal;
import de.klammer.ledger.PolicyRule.OuPrincipal;
import de.klammer.ledger.PolicyRule.Principal;
import de.klammer.ledger.PolicyRule.Role;
import de.klammer.ledger.PolicyRule.RolePrincipal;
import de.klammer.ledger.PolicyRule.SignedBy;
import de.klammer.ledger.PolicyRule.Threshold;
import java.util.ArrayList;
import java.util.List;
import org.hyperledger.fabric.protos.common.MspPrincipal.MSPPrincipal;
import org.hyperledger.fabric.protos.common.MspPrincipal.MSPRole;
import org.hyperledger.fabric.protos.common.MspPrincipal.OrganizationUnit;
import org.hyperledger.fabric.protos.common.Policies.ImplicitMetaPolicy;
import org.hyperledger.fabric.protos.common.Policies.Policy;
import org.hyperledger.fabric.protos.common.Policies.SignaturePolicy;
import org.hyperledger.fabric.protos.common.Policies.SignaturePolicyEnvelope;
import org.hyperledger.fabric.protos.msp.Identities.SerializedIdentity;

/** Converts between Fabric's {@code Policy} messages and {@link PolicyRule}. */
public final class PolicyProtos {

    private PolicyProtos() {}

    /** Decodes a policy message; throws {@link IllegalArgumentException} for types this model does not know. */
    public static PolicyRule toRule(Policy policy) {
        try {
            return switch (policy.getType()) {
                case Policy.PolicyType.IMPLICIT_META_VALUE -> implicitMeta(ImplicitMetaPolicy.parseFrom(policy.getValue()));
                case Policy.PolicyType.SIGNATURE_VALUE -> signature(SignaturePolicyEnvelope.parseFrom(policy.getValue()));
                default -> throw new IllegalArgumentException("Unsupported policy type " + policy.getType());
            };
        } catch (InvalidProtocolBufferException e) {
            throw new IllegalArgumentException("Malformed policy of type " + policy.getType(), e);
        }
    }

    /** Decodes a signature policy envelope. */
    public static PolicyRule.Signature signature(SignaturePolicyEnvelope envelope) throws InvalidProtocolBufferException {
        List<Principal> principals = new ArrayList<>();
        for (MSPPrincipal principal : envelope.getIdentitiesList()) {
            principals.add(principal(principal));
        }
        return new PolicyRule.Signature(gate(envelope.getRule()), principals);
    }

    /** Encodes a rule as a policy message. */
    public static Policy toProto(PolicyRule rule) {
        return switch (rule) {
            case ImplicitMeta meta -> Policy.newBuilder()
                    .setType(Policy.PolicyType.IMPLICIT_META_VALUE)
                    .setValue(ImplicitMetaPolicy.newBuilder()
                            .setRule(ImplicitMetaPolicy.Rule.valueOf(meta.threshold().name()))
                            .setSubPolicy(meta.subPolicy())
                            .build()
                            .toByteString())
                    .build();
            case PolicyRule.Signature signature -> Policy.newBuilder()
                    .setType(Policy.PolicyType.SIGNATURE_VALUE)
                    .setValue(toEnvelope(signature).toByteString())
                    .build();
        };
    }

    /** Encodes a signature rule as an envelope. */
    public static SignaturePolicyEnvelope toEnvelope(PolicyRule.Signature signature) {
        SignaturePolicyEnvelope.Builder envelope =
                SignaturePolicyEnvelope.newBuilder().setVersion(0).setRule(toProto(signature.rule()));
        for (Principal principal : signature.principals()) {
            envelope.addIdentities(toProto(principal));
        }
        return envelope.build();
    }

    private static MSPPrincipal toProto(Principal principal) {
        return switch (principal) {
            case RolePrincipal role -> MSPPrincipal.newBuilder()
                    .setPrincipalClassification(MSPPrincipal.Classification.ROLE)
                    .setPrincipal(MSPRole.newBuilder()
                            .setMspIdentifier(role.mspId())
                            .setRole(MSPRole.MSPRoleType.forNumber(role.role().ordinal()))
                            .build()
                            .toByteString())
                    .build();
            case OuPrincipal unit -> {
                if (unit.certifiersIdentifier().isEmpty()) {
                    throw new IllegalArgumentException("The principal " + unit.text() + " has no certifiers"
                            + " identifier: prepare the update through ChannelAdmin, which reads it from the channel's"
                            + " MSP definition of " + unit.mspId());
                }
                yield MSPPrincipal.newBuilder()
                        .setPrincipalClassification(MSPPrincipal.Classification.ORGANIZATION_UNIT)
                        .setPrincipal(OrganizationUnit.newBuilder()
                                .setMspIdentifier(unit.mspId())
                                .setOrganizationalUnitIdentifier(unit.organizationalUnit())
                                .setCertifiersIdentifier(ByteString.copyFrom(java.util.HexFormat.of().parseHex(unit.certifiersIdentifier())))
                                .build()
                                .toByteString())
                        .build();
            }
            default -> throw new IllegalArgumentException(
                    "Only role and organisational-unit principals can be written, not " + principal.text());
        };
    }

    private static SignaturePolicy toProto(Gate gate) {
        return switch (gate) {
            case SignedBy signedBy -> SignaturePolicy.newBuilder().setSignedBy(signedBy.index()).build();
            case NOutOf nOutOf -> {
                SignaturePolicy.NOutOf.Builder builder = SignaturePolicy.NOutOf.newBuilder().setN(nOutOf.n());
                nOutOf.rules().forEach(rule -> builder.addRules(toProto(rule)));
                yield SignaturePolicy.newBuilder().setNOutOf(builder).build();
            }
        };
    }

    private static PolicyRule implicitMeta(ImplicitMetaPolicy policy) {
        Threshold threshold = switch (policy.getRule()) {
            case ANY -> Threshold.ANY;
            case ALL -> Threshold.ALL;
            case MAJORITY -> Threshold.MAJORITY;
            case UNRECOGNIZED -> throw new IllegalArgumentException("Unknown implicit-meta rule " + policy.getRuleValue());
        };
        return new ImplicitMeta(threshold, policy.getSubPolicy());
    }

    private static Gate gate(SignaturePolicy policy) {
        if (policy.hasNOutOf()) {
            List<Gate> rules = policy.getNOutOf().getRulesList().stream().map(PolicyProtos::gate).toList();
            return new NOutOf(policy.getNOutOf().getN(), rules);
        }
        return new SignedBy(policy.getSignedBy());
    }

    static Principal principal(MSPPrincipal principal) throws InvalidProtocolBufferException {
        ByteString bytes = principal.getPrincipal();
        return switch (principal.getPrincipalClassification()) {
            case ROLE -> {
                MSPRole role = MSPRole.parseFrom(bytes);
                yield new RolePrincipal(role.getMspIdentifier(), Role.values()[role.getRoleValue()]);
            }
            case ORGANIZATION_UNIT -> {
                OrganizationUnit unit = OrganizationUnit.parseFrom(bytes);
                yield new OuPrincipal(unit.getMspIdentifier(), unit.getOrganizationalUnitIdentifier(),
                        java.util.HexFormat.of().formatHex(unit.getCertifiersIdentifier().toByteArray()));
            }
            case IDENTITY -> {
                SerializedIdentity identity = SerializedIdentity.parseFrom(bytes);
                yield new IdentityPrincipal(identity.getMspid(), Certificates.subjectOf(identity.getIdBytes()));
            }
            default -> new OtherPrincipal(principal.getPrincipalClassificationValue());
        };
    }
}
