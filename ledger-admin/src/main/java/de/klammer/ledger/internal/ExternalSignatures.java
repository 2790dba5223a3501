package de.klammer.ledger.internal;

import com.google.protobuf.ByteString;
import com.google.protobuf.InvalidProtocolBufferException;
import de.klammer.ledger.PolicyRule.Role;
import de.klammer.ledger.SignatureImportException;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.hyperledger.fabric.protos.common.Common.ChannelHeader;
import org.hyperledger.fabric.protos.common.Common.Envelope;
import org.hyperledger.fabric.protos.common.Common.Header;
import org.hyperledger.fabric.protos.common.Common.HeaderType;
import org.hyperledger.fabric.protos.common.Common.Payload;
import org.hyperledger.fabric.protos.common.Common.SignatureHeader;
import org.hyperledger.fabric.protos.common.Configtx.Config;
import org.hyperledger.fabric.protos.common.Configtx.ConfigSignature;
import org.hyperledger.fabric.protos.common.Configtx.ConfigUpdateEnvelope;
import org.hyperledger.fabric.protos.msp.Identities.SerializedIdentity;

/**
 * Exchanges config updates with Fabric's own tools: the envelope that {@code peer channel signconfigtx -f} signs,
 * and the signatures it adds.
 */
public final class ExternalSignatures {

    private ExternalSignatures() {}

    /**
     * Wraps an update and its signatures so far into an unsigned {@code CONFIG_UPDATE} envelope, the form that
     * {@code configtxlator} and {@code peer channel signconfigtx} read.
     */
    public static byte[] exportEnvelope(String channelId, byte[] configUpdate, List<byte[]> signatures) {
        ConfigUpdateEnvelope.Builder body = ConfigUpdateEnvelope.newBuilder()
                .setConfigUpdate(ByteString.copyFrom(configUpdate));
        for (byte[] signature : signatures) {
            try {
                body.addSignatures(ConfigSignature.parseFrom(signature));
            } catch (InvalidProtocolBufferException e) {
                throw new IllegalArgumentException("A signature is not a marshalled ConfigSignature", e);
            }
        }
        ChannelHeader channelHeader = ChannelHeader.newBuilder()
                .setType(HeaderType.CONFIG_UPDATE.getNumber())
                .setChannelId(channelId)
                .build();
        Payload payload = Payload.newBuilder()
                .setHeader(Header.newBuilder().setChannelHeader(channelHeader.toByteString()))
                .setData(body.build().toByteString())
                .build();
        return Envelope.newBuilder().setPayload(payload.toByteString()).build().toByteArray();
    }

    /**
     * Extracts the signatures of a signed envelope and returns them as marshalled ConfigSignatures once each one
     * verifies over exactly {@code configUpdate} and comes from a valid, unrevoked admin of an organisation in the
     * live config.
     *
     * @throws SignatureImportException listing every problem when the envelope or any signature fails a check
     */
    public static List<byte[]> importSignatures(Config live, byte[] configUpdate, byte[] signedEnvelope) {
        ConfigUpdateEnvelope body = parse(signedEnvelope);
        if (!body.getConfigUpdate().equals(ByteString.copyFrom(configUpdate))) {
            throw new SignatureImportException(List.of("the envelope carries another config update (SHA-256 "
                    + Envelopes.sha256(body.getConfigUpdate().toByteArray()) + ") than the one expected (SHA-256 "
                    + Envelopes.sha256(configUpdate) + "); export this update again and have it signed"));
        }
        if (body.getSignaturesCount() == 0) {
            throw new SignatureImportException(List.of("the envelope contains no signatures; sign it with"
                    + " 'peer channel signconfigtx -f <file>' as an organisation admin"));
        }
        PolicyEvaluator evaluator = new PolicyEvaluator(live);
        List<byte[]> accepted = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        for (int i = 0; i < body.getSignaturesCount(); i++) {
            byte[] signature = body.getSignatures(i).toByteArray();
            Optional<String> problem = check(signature, configUpdate, evaluator);
            if (problem.isPresent()) {
                problems.add("signature " + (i + 1) + " " + problem.get());
            } else {
                accepted.add(signature);
            }
        }
        if (!problems.isEmpty()) {
            throw new SignatureImportException(problems);
        }
        return accepted;
    }

    /**
     * Returns the MSP ID that a marshalled ConfigSignature names in its creator, without verifying it.
     *
     * @throws IllegalArgumentException when the bytes are not a ConfigSignature with a serialized identity
     */
    public static String signerMspId(byte[] configSignature) {
        return creator(configSignature).getMspid();
    }

    /**
     * Returns the lower-case hex SHA-256 of the DER certificate that a marshalled ConfigSignature names as its
     * creator, without verifying the signature.
     *
     * @throws IllegalArgumentException when the bytes are not a ConfigSignature with an X.509 creator
     */
    public static String signerCertificateSha256(byte[] configSignature) {
        try {
            X509Certificate certificate = Certificates.parse(creator(configSignature).getIdBytes());
            return Envelopes.sha256(certificate.getEncoded());
        } catch (CertificateEncodingException e) {
            throw new IllegalArgumentException("The signer certificate cannot be encoded: " + e.getMessage(), e);
        }
    }

    private static SerializedIdentity creator(byte[] configSignature) {
        try {
            ConfigSignature signature = ConfigSignature.parseFrom(configSignature);
            SignatureHeader header = SignatureHeader.parseFrom(signature.getSignatureHeader());
            return SerializedIdentity.parseFrom(header.getCreator());
        } catch (InvalidProtocolBufferException e) {
            throw new IllegalArgumentException("Not a marshalled ConfigSignature with a serialized identity: "
                    + e.getMessage(), e);
        }
    }

    private static Optional<String> check(byte[] signature, byte[] configUpdate, PolicyEvaluator evaluator) {
        SignatureCheck.Identities identities = SignatureCheck.verify(configUpdate, List.of(signature), evaluator);
        if (identities.verified().isEmpty()) {
            String reason = identities.ignored().isEmpty() ? "does not verify" : identities.ignored().getFirst();
            return Optional.of("is rejected: " + reason.replaceFirst("^signature 1:? ?", "")
                    + ". Only admins of organisations on the channel can sign, over exactly this update");
        }
        SignatureCheck.VerifiedIdentity signer = identities.verified().getFirst();
        Optional<String> invalid = signer.msp().validate(signer.certificate());
        if (invalid.isPresent()) {
            return Optional.of("by " + signer.certificate().getSubjectX500Principal() + " claims " + signer.mspId()
                    + " but is not a valid identity of that organisation: " + invalid.get()
                    + ". Sign with a current admin certificate issued by " + signer.mspId() + "'s own CA");
        }
        if (!signer.msp().satisfies(signer.certificate(), Role.ADMIN)) {
            return Optional.of("by " + signer.certificate().getSubjectX500Principal() + " is not an admin of "
                    + signer.mspId() + "; sign with an admin identity of that organisation");
        }
        return Optional.empty();
    }

    private static ConfigUpdateEnvelope parse(byte[] signedEnvelope) {
        try {
            Payload payload = Payload.parseFrom(Envelope.parseFrom(signedEnvelope).getPayload());
            ChannelHeader header = ChannelHeader.parseFrom(payload.getHeader().getChannelHeader());
            if (header.getType() != HeaderType.CONFIG_UPDATE.getNumber()) {
                throw new SignatureImportException(List.of("the file is an envelope of header type "
                        + header.getType() + ", not CONFIG_UPDATE (" + HeaderType.CONFIG_UPDATE.getNumber()
                        + "); import the file that 'peer channel signconfigtx -f' wrote"));
            }
            return ConfigUpdateEnvelope.parseFrom(payload.getData());
        } catch (InvalidProtocolBufferException e) {
            throw new SignatureImportException(List.of("the file is not a marshalled Fabric envelope ("
                    + e.getMessage() + "); import the protobuf file that 'peer channel signconfigtx -f' wrote,"
                    + " not its JSON rendering"));
        }
    }
}
