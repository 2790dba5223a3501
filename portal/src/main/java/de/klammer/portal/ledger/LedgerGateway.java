package de.klammer.portal.ledger;

import de.klammer.ledger.ConfigChange;
import de.klammer.ledger.RemovalPreview;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Port from the portal to a Fabric channel's configuration. Implementations translate every Fabric and transport
 * error into the exceptions of this package.
 */
public interface LedgerGateway {

    /** Reads the live configuration of the channel: organisations, policies, config sequence and block. */
    ChannelView readChannel(String channel);

    /**
     * Computes the config update for the change against the live config.
     *
     * @throws ChangeRejectedException when the change is invalid or unsafe, for example when it would shut the
     *     authorities out of {@code /Channel/Writers}, names an unknown policy path or has bad policy text; the
     *     message explains why
     */
    PreparedUpdate prepare(String channel, PolicyChange change);

    /**
     * Computes one config update for several typed changes against the live config, for example the policies and
     * ACLs of a compiled role and rights concept.
     *
     * @throws ChangeRejectedException when a change is invalid or unsafe, or the changes change nothing
     */
    PreparedUpdate prepareChanges(String channel, List<ConfigChange> changes);

    /**
     * Computes what removing the organisation from the channel's application group would leave behind, without
     * changing anything.
     *
     * @throws ChangeRejectedException when the organisation is not on the channel
     */
    RemovalPreview previewRemoval(String channel, String mspId);

    /** Reads the channel's explicit peer ACLs: resource to absolute policy path, sorted by resource. */
    Map<String, String> readAcls(String channel);

    /**
     * Computes the config update that adds a CRL to an organisation's MSP definition and removes revoked certificates
     * from its explicit admins.
     *
     * @throws ChangeRejectedException when the organisation is not on the channel, the CRL is not of its CA, or the
     *     change has no effect
     */
    PreparedUpdate prepareMspChange(String channel, MspChange change);

    /**
     * Validates a certificate against the organisation's MSP definition in the live config, CRLs included, as the
     * orderer does for the creator of a Deliver or Broadcast request.
     *
     * @param certificatePem the certificate, PEM
     * @return empty when the MSP accepts the certificate, otherwise the reason, for example that it has been revoked
     */
    Optional<String> validateIdentity(String channel, String mspId, String certificatePem);

    /** Signs exactly {@code update.configUpdate()} with the admin identity of that authority (PKCS#12 held by the portal). */
    AuthoritySignature sign(String mspId, PreparedUpdate update);

    /**
     * Returns whether the portal has the authority's admin key, as a PKCS#12 file or on a PKCS#11 token, and so can
     * sign for it. An authority that keeps its key elsewhere signs with Fabric's tools and imports the signature.
     */
    boolean hasAdminKey(String mspId);

    /**
     * Exports the update for signing outside the portal: the marshalled {@code CONFIG_UPDATE} envelope with the
     * signatures so far, which {@code peer channel signconfigtx -f} signs in place.
     */
    byte[] exportForSigning(PreparedUpdate update, List<AuthoritySignature> signatures);

    /**
     * Renders an exported envelope as the JSON of {@code configtxlator proto_decode --type common.Envelope}.
     *
     * @throws IllegalStateException when no configtxlator binary is configured or it fails
     */
    String renderAsJson(byte[] exportedEnvelope);

    /**
     * Verifies the signatures of an envelope signed with Fabric's own tools: each must cover exactly
     * {@code update.configUpdate()} and come from a valid, unrevoked admin of an organisation on the live channel.
     *
     * @return every signature of the envelope, including those that were already in the export
     * @throws SignatureRejectedException naming each problem, for example a certificate of another organisation, a
     *     client certificate, another update or no signature at all
     */
    List<VerifiedSignature> importSignatures(PreparedUpdate update, byte[] signedEnvelope);

    /** Evaluates signatures against the live mod_policies with Fabric's rules. */
    SignatureCheck evaluate(PreparedUpdate update, List<AuthoritySignature> signatures);

    /**
     * Returns, for each set of MSP IDs, whether one admin of each authority in the set, signing together, would satisfy
     * the policy at {@code policyPath} in the live config, for example a mod_policy such as
     * {@code /Channel/Application/Admins}. The results are in the order of the sets.
     */
    List<Boolean> satisfiedByAdmins(String channel, String policyPath, List<Set<String>> mspIdSets);

    /** Returns true when a version in the update's read set moved on the channel. */
    boolean isStale(PreparedUpdate update);

    /**
     * Broadcasts the signed update to the ordering service.
     *
     * @return the transaction id
     * @throws LedgerRejectedException when the orderer rejects the envelope
     * @throws LedgerUnavailableException on transport failure; the caller retries later
     */
    String submit(PreparedUpdate update, List<AuthoritySignature> signatures);

    /** Looks for the config block that carries exactly this update; empty when it is not (yet) applied. */
    Optional<AppliedUpdate> findApplied(PreparedUpdate update);

    /** Waits up to {@code timeout} for {@link #findApplied} to be present. */
    Optional<AppliedUpdate> awaitApplied(PreparedUpdate update, Duration timeout);
}
