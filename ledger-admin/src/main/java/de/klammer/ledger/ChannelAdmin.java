package de.klammer.ledger;

import com.google.protobuf.InvalidProtocolBufferException;
import de.klammer.ledger.internal.AclChanges;
import de.klammer.ledger.internal.Blocks;
import de.klammer.ledger.internal.ConfigChanges;
import de.klammer.ledger.internal.ConfigDecoder;
import de.klammer.ledger.internal.ConfigUpdateCalculator;
import de.klammer.ledger.internal.Envelopes;
import de.klammer.ledger.internal.ExternalSignatures;
import de.klammer.ledger.internal.OrdererClient;
import de.klammer.ledger.internal.OrganizationChanges;
import de.klammer.ledger.internal.PolicyEvaluator;
import de.klammer.ledger.internal.SignatureCheck;
import de.klammer.ledger.internal.UpdateAnalysis;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.hyperledger.fabric.protos.common.Common.Block;
import org.hyperledger.fabric.protos.common.Common.Envelope;
import org.hyperledger.fabric.protos.common.Common.Payload;
import org.hyperledger.fabric.protos.common.Common.Status;
import org.hyperledger.fabric.protos.common.Configtx.Config;
import org.hyperledger.fabric.protos.common.Configtx.ConfigSignature;
import org.hyperledger.fabric.protos.common.Configtx.ConfigUpdate;
import org.hyperledger.fabric.protos.common.Configtx.ConfigUpdateEnvelope;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Administers channel configuration through one orderer: reads the live config, prepares updates from typed
 * changes, evaluates and makes signatures, submits, and confirms separately that the update landed.
 */
public final class ChannelAdmin implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(ChannelAdmin.class);

    private final OrdererClient orderer;
    private final SigningIdentity operator;

    /**
     * Creates an admin client.
     *
     * @param endpoint the orderer to talk to
     * @param operator identity that reads blocks and signs the outer envelope of submissions; it must satisfy the
     *     channel's Readers and Writers policies
     */
    public ChannelAdmin(OrdererEndpoint endpoint, SigningIdentity operator) {
        this.orderer = new OrdererClient(endpoint);
        this.operator = operator;
    }

    /** A live config: its decoded model and the raw config it came from. */
    private record Live(ChannelConfig model, Config config, long blockNumber) {}

    /** Reads and decodes the current config of a channel. */
    public ChannelConfig readConfig(String channelId) {
        return live(channelId).model();
    }

    /**
     * Reads the channel's explicit peer ACLs, resource to policy path, sorted by resource. A resource that is missing
     * uses the peers' default policy from {@link AclResources#channelDefaults()}.
     */
    public Map<String, String> readAcls(String channelId) {
        return AclChanges.read(live(channelId).config().getChannelGroup());
    }

    /** Returns the marshalled current config block of a channel. */
    public byte[] readConfigBlock(String channelId) {
        return configBlock(channelId).toByteArray();
    }

    /**
     * Computes the update that applies {@code changes} to the live config.
     *
     * @throws ConfigChangeRejectedException when a change is invalid, has no effect, or would shut the authorities out
     */
    public PreparedUpdate prepare(String channelId, List<ConfigChange> changes) {
        Live live = live(channelId);
        Config desired = ConfigChanges.apply(live.config(), changes);
        ConfigChanges.requireAuthoritiesCanWrite(desired);
        ConfigChanges.requireSatisfiable(desired, changes);
        ConfigUpdate update;
        try {
            update = ConfigUpdateCalculator.compute(channelId, live.config(), desired);
        } catch (ConfigUpdateCalculator.NoDifferenceException e) {
            throw new ConfigChangeRejectedException(e.getMessage() + "; the channel already has "
                    + changes.stream().map(ConfigChange::describe).toList());
        }
        byte[] bytes = update.toByteArray();
        return preparedUpdate(channelId, bytes, live.config().getSequence(), new UpdateAnalysis(live.config(), update));
    }

    /**
     * Previews removing an organisation from {@code /Channel/Application}: whether the remaining authorities can
     * still satisfy every policy and submit updates.
     *
     * @throws ConfigChangeRejectedException when no application organisation has this MSP ID
     */
    public RemovalPreview previewRemoval(String channelId, String mspId) {
        return OrganizationChanges.previewRemoval(live(channelId).config(), mspId);
    }

    /** Describes an earlier prepared update's bytes against the live config, for example after a restart. */
    public PreparedUpdate describe(String channelId, byte[] configUpdate, long baseSequence) {
        Live live = live(channelId);
        return preparedUpdate(
                channelId, configUpdate, baseSequence, new UpdateAnalysis(live.config(), parseUpdate(configUpdate)));
    }

    private static PreparedUpdate preparedUpdate(
            String channelId, byte[] configUpdate, long baseSequence, UpdateAnalysis analysis) {
        List<String> writeSet = analysis.delta().stream()
                .map(element -> element.key().trim() + " to version " + element.version())
                .toList();
        return new PreparedUpdate(channelId, configUpdate, Envelopes.sha256(configUpdate), baseSequence,
                analysis.readSetLines(), writeSet, analysis.requiredSignatures());
    }

    /**
     * Validates a certificate against an organisation's MSP definition in the live config, with its CRLs, as the
     * orderer does for the creator of an envelope.
     *
     * @return empty when the MSP accepts the certificate, otherwise the reason, for example that it has been revoked
     * @throws IllegalArgumentException when the channel has no X.509 MSP with this ID
     */
    public Optional<String> validateIdentity(String channelId, String mspId, X509Certificate certificate) {
        var msp = new PolicyEvaluator(live(channelId).config()).msp(mspId);
        if (msp.isEmpty()) {
            throw new IllegalArgumentException("Channel " + channelId + " has no X.509 MSP " + mspId);
        }
        return msp.get().validate(certificate);
    }

    /** Signs exactly these update bytes as an organisation admin and returns the marshalled ConfigSignature. */
    public static byte[] sign(byte[] configUpdate, SigningIdentity signer) {
        return Envelopes.configSignature(configUpdate, signer).toByteArray();
    }

    /**
     * Exports an update for signing outside Klammer: the marshalled {@code CONFIG_UPDATE} envelope with the
     * signatures so far, which {@code peer channel signconfigtx -f} signs in place and {@code configtxlator
     * proto_decode --type common.Envelope} renders as JSON.
     */
    public static byte[] exportForSigning(String channelId, byte[] configUpdate, List<byte[]> signatures) {
        return ExternalSignatures.exportEnvelope(channelId, configUpdate, signatures);
    }

    /**
     * Imports the signatures of an envelope that Fabric's tools signed, for example {@code peer channel
     * signconfigtx}. Each must verify over exactly {@code configUpdate} and come from a valid, unrevoked admin of an
     * organisation on the channel.
     *
     * @return the marshalled ConfigSignatures, ready for {@link #evaluate} and {@link #submit}
     * @throws SignatureImportException naming each signature that fails and why
     */
    public List<byte[]> importSignatures(String channelId, byte[] configUpdate, byte[] signedEnvelope) {
        List<byte[]> accepted = ExternalSignatures.importSignatures(live(channelId).config(), configUpdate,
                signedEnvelope);
        log.atInfo()
                .addKeyValue("channel", channelId)
                .addKeyValue("configUpdateSha256", Envelopes.sha256(configUpdate))
                .log("Imported {} external signatures for channel {}", accepted.size(), channelId);
        return accepted;
    }

    /**
     * Returns the MSP ID that a marshalled ConfigSignature claims as its creator. It does not verify the signature,
     * so use it only on signatures that {@link #importSignatures} or {@link #evaluate} accepted.
     *
     * @throws IllegalArgumentException when the bytes are not a marshalled ConfigSignature
     */
    public static String signerMspId(byte[] configSignature) {
        return ExternalSignatures.signerMspId(configSignature);
    }

    /**
     * Returns the lower-case hex SHA-256 of the DER certificate that a marshalled ConfigSignature claims as its
     * creator, without verifying the signature.
     *
     * @throws IllegalArgumentException when the bytes are not a marshalled ConfigSignature with an X.509 creator
     */
    public static String signerCertificateSha256(byte[] configSignature) {
        return ExternalSignatures.signerCertificateSha256(configSignature);
    }

    /** Evaluates signatures against the mod_policies of the live config with Fabric's rules. */
    public SignatureVerdict evaluate(String channelId, byte[] configUpdate, List<byte[]> signatures) {
        Live live = live(channelId);
        UpdateAnalysis analysis = new UpdateAnalysis(live.config(), parseUpdate(configUpdate));
        return SignatureCheck.evaluate(configUpdate, signatures, analysis.requiredSignatures(), analysis.evaluator());
    }

    /**
     * Evaluates, for each set of MSP IDs, whether one admin of each MSP in the set, signing together, would satisfy the
     * policy at {@code policyPath} in the live config. It reads the config once for all sets. An admin satisfies the
     * admin and member role principals of its own MSP. OU and identity principals count as unsatisfied, so a policy
     * built on them reads as stricter than it may be.
     *
     * @return one result per set, in order; false also when the channel has no policy at that path
     */
    public List<Boolean> satisfiedByAdmins(String channelId, String policyPath, List<? extends Collection<String>> mspIdSets) {
        PolicyEvaluator evaluator = new PolicyEvaluator(live(channelId).config());
        List<Boolean> results = new ArrayList<>(mspIdSets.size());
        for (Collection<String> mspIds : mspIdSets) {
            List<PolicyEvaluator.Candidate> admins = mspIds.stream()
                    .distinct()
                    .map(ChannelAdmin::adminOf)
                    .toList();
            results.add(evaluator.evaluate(policyPath, admins));
        }
        return results;
    }

    private static PolicyEvaluator.Candidate adminOf(String mspId) {
        return principal -> principal instanceof PolicyRule.RolePrincipal role
                && role.mspId().equals(mspId)
                && (role.role() == PolicyRule.Role.ADMIN || role.role() == PolicyRule.Role.MEMBER);
    }

    /** Returns why the update no longer fits the live config (a read-set version moved), or empty. */
    public Optional<String> staleness(String channelId, byte[] configUpdate) {
        Live live = live(channelId);
        return new UpdateAnalysis(live.config(), parseUpdate(configUpdate)).staleness();
    }

    /** Submits with the operator identity as envelope signer. */
    public String submit(String channelId, byte[] configUpdate, List<byte[]> signatures) {
        return submit(channelId, configUpdate, signatures, operator);
    }

    /**
     * Broadcasts the update with its signatures. Returns the transaction id once the orderer has accepted it for
     * ordering; that is not yet a commit, see {@link #awaitApplied}.
     *
     * @throws ConfigUpdateRejectedException when the orderer rejects it
     * @throws OrdererUnavailableException when the orderer cannot be reached or is not ready
     */
    public String submit(String channelId, byte[] configUpdate, List<byte[]> signatures, SigningIdentity submitter) {
        List<ConfigSignature> parsed = new ArrayList<>();
        for (byte[] signature : signatures) {
            try {
                parsed.add(ConfigSignature.parseFrom(signature));
            } catch (InvalidProtocolBufferException e) {
                throw new IllegalArgumentException("A signature is not a marshalled ConfigSignature", e);
            }
        }
        Envelopes.Signed envelope = Envelopes.configUpdateEnvelope(channelId, configUpdate, parsed, submitter);
        OrdererClient.BroadcastResult result = orderer.broadcast(envelope.envelope());
        if (result.status() == Status.SUCCESS) {
            log.atInfo()
                    .addKeyValue("channel", channelId)
                    .addKeyValue("txId", envelope.txId())
                    .log("Submitted config update for channel {}", channelId);
            return envelope.txId();
        }
        if (result.status() == Status.SERVICE_UNAVAILABLE) {
            throw new OrdererUnavailableException("Orderer is not ready for channel '" + channelId + "' ("
                    + result.info() + "); retry later");
        }
        throw new ConfigUpdateRejectedException(
                channelId, result.status().name(), result.info(), RejectionExplanations.explain(result.info()));
    }

    /**
     * Looks through the config blocks newer than {@code baseSequence}, newest first, for the one that carries exactly
     * these update bytes.
     */
    public Optional<AppliedConfigUpdate> findApplied(String channelId, byte[] configUpdate, long baseSequence) {
        List<AppliedConfigUpdate> found = scanConfigBlocks(channelId, configUpdate, baseSequence, true);
        return found.isEmpty() ? Optional.empty() : Optional.of(found.getFirst());
    }

    /**
     * Lists every config block newer than {@code baseSequence} that carries exactly these update bytes, newest first.
     * An update applied once appears once; this is how a caller proves that nothing was applied twice.
     */
    public List<AppliedConfigUpdate> listApplied(String channelId, byte[] configUpdate, long baseSequence) {
        return scanConfigBlocks(channelId, configUpdate, baseSequence, false);
    }

    private List<AppliedConfigUpdate> scanConfigBlocks(
            String channelId, byte[] configUpdate, long baseSequence, boolean firstOnly) {
        String expected = Envelopes.sha256(configUpdate);
        List<AppliedConfigUpdate> found = new ArrayList<>();
        Block newest = orderer.deliver(channelId, -1, -1, operator).getFirst();
        long configNumber = Blocks.lastConfigIndex(newest);
        while (true) {
            Block block = configNumber == newest.getHeader().getNumber()
                    ? newest
                    : orderer.deliver(channelId, configNumber, configNumber, operator).getFirst();
            Blocks.ConfigBlock configBlock = Blocks.configBlock(block);
            long sequence = configBlock.envelope().getConfig().getSequence();
            if (sequence <= baseSequence) {
                return found;
            }
            if (expected.equals(lastUpdateHash(configBlock))) {
                found.add(new AppliedConfigUpdate(configNumber, sequence));
                if (firstOnly) {
                    return found;
                }
            }
            if (configNumber == 0) {
                return found;
            }
            configNumber = Blocks.lastConfigIndex(
                    orderer.deliver(channelId, configNumber - 1, configNumber - 1, operator).getFirst());
        }
    }

    /** Polls {@link #findApplied} until the update is found or the timeout passes. */
    public Optional<AppliedConfigUpdate> awaitApplied(
            String channelId, byte[] configUpdate, long baseSequence, Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        while (true) {
            Optional<AppliedConfigUpdate> applied = findApplied(channelId, configUpdate, baseSequence);
            if (applied.isPresent() || Instant.now().isAfter(deadline)) {
                return applied;
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return Optional.empty();
            }
        }
    }

    private static String lastUpdateHash(Blocks.ConfigBlock block) {
        try {
            Envelope lastUpdate = block.envelope().getLastUpdate();
            if (lastUpdate.getPayload().isEmpty()) {
                return "";
            }
            Payload payload = Payload.parseFrom(lastUpdate.getPayload());
            ConfigUpdateEnvelope envelope = ConfigUpdateEnvelope.parseFrom(payload.getData());
            return Envelopes.sha256(envelope.getConfigUpdate().toByteArray());
        } catch (InvalidProtocolBufferException e) {
            return "";
        }
    }

    private Live live(String channelId) {
        Block block = configBlock(channelId);
        Blocks.ConfigBlock configBlock = Blocks.configBlock(block);
        Config config = configBlock.envelope().getConfig();
        return new Live(ConfigDecoder.decode(channelId, block.getHeader().getNumber(), config), config,
                block.getHeader().getNumber());
    }

    private Block configBlock(String channelId) {
        Block newest = orderer.deliver(channelId, -1, -1, operator).getFirst();
        long configNumber = Blocks.lastConfigIndex(newest);
        if (configNumber == newest.getHeader().getNumber()) {
            return newest;
        }
        return orderer.deliver(channelId, configNumber, configNumber, operator).getFirst();
    }

    private static ConfigUpdate parseUpdate(byte[] configUpdate) {
        try {
            return ConfigUpdate.parseFrom(configUpdate);
        } catch (InvalidProtocolBufferException e) {
            throw new IllegalArgumentException("Not a marshalled ConfigUpdate: " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        orderer.close();
    }
}
