package de.klammer.portal.ledger;

import de.klammer.ledger.AppliedConfigUpdate;
import de.klammer.ledger.CertificateInfo;
import de.klammer.ledger.ChannelAdmin;
import de.klammer.ledger.ChannelConfig;
import de.klammer.ledger.ConfigChange;
import de.klammer.ledger.ConfigChange.AddRevocationList;
import de.klammer.ledger.ConfigChange.RemoveAdmin;
import de.klammer.ledger.ConfigChange.SetPolicy;
import de.klammer.ledger.ConfigChangeRejectedException;
import de.klammer.ledger.ConfigUpdateRejectedException;
import de.klammer.ledger.DeliverRefusedException;
import de.klammer.ledger.OrdererUnavailableException;
import de.klammer.ledger.Organization;
import de.klammer.ledger.PolicyEntry;
import de.klammer.ledger.PolicyRule;
import de.klammer.ledger.RemovalPreview;
import de.klammer.ledger.RequiredSignature;
import de.klammer.ledger.SignatureImportException;
import de.klammer.ledger.SignatureVerdict;
import de.klammer.ledger.SigningExports;
import de.klammer.ledger.SigningIdentity;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/** The ledger port backed by ledger-admin's {@link ChannelAdmin} and the portal's admin keys (PKCS#12 or PKCS#11). */
public class FabricLedgerGateway implements LedgerGateway, AutoCloseable {

    private final ChannelAdmin admin;
    private final AdminKeyStore keys;
    private final @Nullable Path fabricBinaries;

    /**
     * Creates the gateway.
     *
     * @param fabricBinaries the bin folder of a Fabric installation with {@code configtxlator}; null disables the
     *     JSON rendering of exports
     */
    public FabricLedgerGateway(ChannelAdmin admin, AdminKeyStore keys, @Nullable Path fabricBinaries) {
        this.admin = admin;
        this.keys = keys;
        this.fabricBinaries = fabricBinaries;
    }

    @Override
    public ChannelView readChannel(String channel) {
        ChannelConfig config = call(() -> admin.readConfig(channel));
        List<OrganizationView> organizations = config.organizations().stream().map(FabricLedgerGateway::view).toList();
        List<PolicyView> policies = config.policies().stream().map(FabricLedgerGateway::view).toList();
        return new ChannelView(channel, config.sequence(), config.blockNumber(), organizations, policies);
    }

    @Override
    public PreparedUpdate prepare(String channel, PolicyChange change) {
        PolicyRule rule;
        try {
            rule = PolicyRule.parse(change.policyText());
        } catch (IllegalArgumentException e) {
            throw new ChangeRejectedException(e.getMessage(), e);
        }
        try {
            return view(call(() -> admin.prepare(channel, List.of(new SetPolicy(change.path(), rule)))));
        } catch (ConfigChangeRejectedException e) {
            throw new ChangeRejectedException(e.getMessage(), e);
        }
    }

    @Override
    public PreparedUpdate prepareChanges(String channel, List<ConfigChange> changes) {
        try {
            return view(call(() -> admin.prepare(channel, changes)));
        } catch (ConfigChangeRejectedException e) {
            throw new ChangeRejectedException(e.getMessage(), e);
        }
    }

    @Override
    public RemovalPreview previewRemoval(String channel, String mspId) {
        ChannelConfig config = call(() -> admin.readConfig(channel));
        if (config.applicationOrganizations().stream().noneMatch(organization -> organization.mspId().equals(mspId))) {
            throw new ChangeRejectedException(
                    "Organisation " + mspId + " is not in the application group of channel " + channel);
        }
        return call(() -> admin.previewRemoval(channel, mspId));
    }

    @Override
    public Map<String, String> readAcls(String channel) {
        return call(() -> admin.readAcls(channel));
    }

    @Override
    public PreparedUpdate prepareMspChange(String channel, MspChange change) {
        ChannelConfig config = call(() -> admin.readConfig(channel));
        Organization organization = config.organizations().stream()
                .filter(candidate -> candidate.mspId().equals(change.mspId()))
                .findFirst()
                .orElseThrow(() -> new ChangeRejectedException(
                        "Organisation " + change.mspId() + " is not a member of channel " + channel));
        Set<String> listedAdmins = organization.msp().admins().stream()
                .map(CertificateInfo::sha256Fingerprint)
                .map(fingerprint -> fingerprint.replace(":", "").toLowerCase(Locale.ROOT))
                .collect(Collectors.toSet());
        List<ConfigChange> changes = new ArrayList<>();
        if (change.crlPem() != null) {
            changes.add(new AddRevocationList(change.mspId(), change.crlPem()));
        }
        change.certificateSha256().stream()
                .filter(listedAdmins::contains)
                .forEach(sha256 -> changes.add(new RemoveAdmin(change.mspId(), sha256)));
        if (changes.isEmpty()) {
            throw new ChangeRejectedException("Nothing to change in the MSP of " + change.mspId() + " on channel "
                    + channel + ": no CRL given and none of the certificates is a listed admin");
        }
        try {
            return view(call(() -> admin.prepare(channel, changes)));
        } catch (ConfigChangeRejectedException e) {
            throw new ChangeRejectedException(e.getMessage(), e);
        }
    }

    @Override
    public Optional<String> validateIdentity(String channel, String mspId, String certificatePem) {
        X509Certificate certificate;
        try {
            certificate = (X509Certificate) CertificateFactory.getInstance("X.509")
                    .generateCertificate(new ByteArrayInputStream(certificatePem.getBytes(StandardCharsets.US_ASCII)));
        } catch (CertificateException e) {
            throw new IllegalArgumentException("Invalid certificate PEM: " + e.getMessage(), e);
        }
        return call(() -> admin.validateIdentity(channel, mspId, certificate));
    }

    @Override
    public AuthoritySignature sign(String mspId, PreparedUpdate update) {
        SigningIdentity signer = keys.admin(mspId);
        return new AuthoritySignature(mspId, ChannelAdmin.sign(update.configUpdate(), signer));
    }

    @Override
    public boolean hasAdminKey(String mspId) {
        return keys.contains(mspId);
    }

    @Override
    public byte[] exportForSigning(PreparedUpdate update, List<AuthoritySignature> signatures) {
        return ChannelAdmin.exportForSigning(update.channel(), update.configUpdate(), bytes(signatures));
    }

    @Override
    public String renderAsJson(byte[] exportedEnvelope) {
        if (fabricBinaries == null) {
            throw new IllegalStateException("No Fabric binaries configured; set klammer.ledger.fabric-binaries to the"
                    + " bin folder that contains configtxlator");
        }
        return SigningExports.configtxlatorJson(fabricBinaries, exportedEnvelope);
    }

    @Override
    public List<VerifiedSignature> importSignatures(PreparedUpdate update, byte[] signedEnvelope) {
        List<byte[]> imported;
        try {
            imported = call(() -> admin.importSignatures(update.channel(), update.configUpdate(), signedEnvelope));
        } catch (SignatureImportException e) {
            throw new SignatureRejectedException(e.reasons(), e);
        }
        return imported.stream()
                .map(signature -> new VerifiedSignature(
                        new AuthoritySignature(ChannelAdmin.signerMspId(signature), signature),
                        ChannelAdmin.signerCertificateSha256(signature)))
                .toList();
    }

    @Override
    public SignatureCheck evaluate(PreparedUpdate update, List<AuthoritySignature> signatures) {
        SignatureVerdict verdict = call(() -> admin.evaluate(update.channel(), update.configUpdate(), bytes(signatures)));
        return new SignatureCheck(verdict.satisfied(), verdict.missing(), verdict.countedMspIds());
    }

    @Override
    public List<Boolean> satisfiedByAdmins(String channel, String policyPath, List<Set<String>> mspIdSets) {
        return call(() -> admin.satisfiedByAdmins(channel, policyPath, mspIdSets));
    }

    @Override
    public boolean isStale(PreparedUpdate update) {
        return call(() -> admin.staleness(update.channel(), update.configUpdate())).isPresent();
    }

    @Override
    public String submit(PreparedUpdate update, List<AuthoritySignature> signatures) {
        try {
            return call(() -> admin.submit(update.channel(), update.configUpdate(), bytes(signatures)));
        } catch (ConfigUpdateRejectedException e) {
            throw new LedgerRejectedException(e.status(), e.ordererMessage(), e.explanation());
        }
    }

    @Override
    public Optional<AppliedUpdate> findApplied(PreparedUpdate update) {
        return call(() -> admin.findApplied(update.channel(), update.configUpdate(), update.baseSequence()))
                .map(FabricLedgerGateway::view);
    }

    @Override
    public Optional<AppliedUpdate> awaitApplied(PreparedUpdate update, Duration timeout) {
        return call(() -> admin.awaitApplied(update.channel(), update.configUpdate(), update.baseSequence(), timeout))
                .map(FabricLedgerGateway::view);
    }

    @Override
    public void close() {
        admin.close();
    }

    /** Runs a ledger call and turns transport failures into the port's retryable exception. */
    private static <T> T call(Supplier<T> operation) {
        try {
            return operation.get();
        } catch (OrdererUnavailableException e) {
            throw new LedgerUnavailableException(e.getMessage(), e);
        } catch (DeliverRefusedException e) {
            throw new LedgerUnavailableException(e.getMessage(), e);
        }
    }

    private static List<byte[]> bytes(List<AuthoritySignature> signatures) {
        return signatures.stream().map(AuthoritySignature::configSignature).toList();
    }

    private static OrganizationView view(Organization organization) {
        return new OrganizationView(
                organization.mspId(),
                organization.path(),
                organization.msp().rootCerts().stream().map(c -> c.subject()).toList(),
                organization.msp().rootCerts().stream().map(c -> c.sha256Fingerprint()).toList(),
                organization.msp().admins().size(),
                organization.msp().nodeOus().enabled(),
                organization.msp().crlCount());
    }

    private static PolicyView view(PolicyEntry policy) {
        String kind = policy.rule() instanceof PolicyRule.ImplicitMeta ? "ImplicitMeta" : "Signature";
        return new PolicyView(policy.path(), kind, policy.text(), policy.modPolicy(), policy.version());
    }

    private static PreparedUpdate view(de.klammer.ledger.PreparedUpdate update) {
        return new PreparedUpdate(
                update.channelId(),
                update.configUpdate(),
                update.sha256(),
                update.baseSequence(),
                update.writeSet(),
                update.requiredSignatures().stream().map(RequiredSignature::describe).toList(),
                update.signingMspIds());
    }

    private static AppliedUpdate view(AppliedConfigUpdate applied) {
        return new AppliedUpdate(applied.blockNumber(), applied.sequence());
    }
}
