package de.klammer.portal.ledger;

import de.klammer.ledger.ConfigChange;
import de.klammer.ledger.RemovalPreview;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.CRLException;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * A test double of the ledger for rule tests, browser tests and local runs without a Fabric network. It keeps one
 * channel with BAMF and LDS in memory and follows Fabric's rules only as far as the portal's logic needs them. A
 * channel-level policy needs the admins of both organisations, and an organisation's own policy only that
 * organisation's admins. A change moves the config sequence, and an update is stale when the sequence moved since it
 * was prepared. Tests can make the next submission fail.
 */
public class InMemoryLedgerGateway implements LedgerGateway {

    /** MSP ids of the two organisations on the channel. */
    public static final List<String> MSP_IDS = List.of("BamfMSP", "LdsMSP");

    private final String channelName;
    private final Map<String, PolicyView> policies = new LinkedHashMap<>();
    private final Map<String, AppliedUpdate> appliedBySha256 = new ConcurrentHashMap<>();
    private final AtomicInteger submissions = new AtomicInteger();
    private final Map<String, List<String>> crlsByMspId = new ConcurrentHashMap<>();
    private final Map<String, MspChange> mspChangesBySha256 = new ConcurrentHashMap<>();
    private final Set<String> keysHeldOutside = ConcurrentHashMap.newKeySet();
    private volatile long sequence = 3;
    private volatile long configBlock = 2;
    private volatile boolean applyOnSubmit = true;
    private volatile @Nullable Supplier<? extends RuntimeException> nextSubmitFailure;

    public InMemoryLedgerGateway(String channelName) {
        this.channelName = channelName;
        reset();
    }

    /** Restores the initial channel config and behaviour. */
    public synchronized void reset() {
        policies.clear();
        addPolicy("/Channel/Readers", "ImplicitMeta", "ANY of Readers");
        addPolicy("/Channel/Writers", "ImplicitMeta", "ANY of Writers");
        addPolicy("/Channel/Admins", "ImplicitMeta", "MAJORITY of Admins");
        addPolicy("/Channel/Application/Endorsement", "ImplicitMeta", "MAJORITY of Endorsement");
        addPolicy("/Channel/Application/Admins", "ImplicitMeta", "MAJORITY of Admins");
        addPolicy("/Channel/Application/BamfMSP/Endorsement", "Signature", "1 of {BamfMSP.peer}");
        addPolicy("/Channel/Application/LdsMSP/Endorsement", "Signature", "1 of {LdsMSP.peer}");
        appliedBySha256.clear();
        crlsByMspId.clear();
        mspChangesBySha256.clear();
        keysHeldOutside.clear();
        submissions.set(0);
        sequence = 3;
        configBlock = 2;
        applyOnSubmit = true;
        nextSubmitFailure = null;
    }

    /** Simulates a config change by someone else, which makes every prepared update stale. */
    public void advanceSequence() {
        sequence++;
        configBlock++;
    }

    /** Makes the next {@link #submit} throw the exception instead of broadcasting. */
    public void failNextSubmit(Supplier<? extends RuntimeException> failure) {
        this.nextSubmitFailure = failure;
    }

    /** Sets whether a submission applies at once; when false, {@link #applyPending} applies it later. */
    public void applyOnSubmit(boolean apply) {
        this.applyOnSubmit = apply;
    }

    /** Applies an update as if a config block with it had been cut. */
    public synchronized AppliedUpdate apply(PreparedUpdate update) {
        return appliedBySha256.computeIfAbsent(update.sha256(), sha -> {
            String[] parts = new String(update.configUpdate(), StandardCharsets.UTF_8).split("\\|");
            MspChange mspChange = mspChangesBySha256.get(sha);
            if (mspChange != null) {
                if (mspChange.crlPem() != null) {
                    crlsByMspId.computeIfAbsent(mspChange.mspId(), id -> new ArrayList<>()).add(mspChange.crlPem());
                }
                sequence++;
                configBlock++;
                return new AppliedUpdate(configBlock, sequence);
            }
            PolicyView old = policies.get(parts[1]);
            policies.put(parts[1], new PolicyView(parts[1], old.kind(), parts[2], old.modPolicy(), old.version() + 1));
            sequence++;
            configBlock++;
            return new AppliedUpdate(configBlock, sequence);
        });
    }

    /** Returns how many times {@link #submit} broadcast an update. */
    public int submissionCount() {
        return submissions.get();
    }

    /**
     * Returns an update that lists the changes in plain words. Applying it is not simulated: the concept's plan only
     * shows it, and plan tests run against the real orderer.
     */
    @Override
    public synchronized PreparedUpdate prepareChanges(String channel, List<ConfigChange> changes) {
        requireChannel(channel);
        if (changes.isEmpty()) {
            throw new ChangeRejectedException("Nothing to change on channel " + channel);
        }
        List<String> lines = changes.stream().map(ConfigChange::describe).toList();
        byte[] bytes = ("changes|" + String.join("|", lines) + "|" + sequence).getBytes(StandardCharsets.UTF_8);
        return new PreparedUpdate(channel, bytes, sha256(bytes), sequence, lines,
                List.of("/Channel/Application needs MAJORITY of Admins of /Channel/Application: BamfMSP, LdsMSP (2 of 2)"),
                MSP_IDS);
    }

    /**
     * Previews a removal in this model: a policy outside the organisation's own group that names MSP roles, but none of
     * the remaining organisations, becomes unsatisfiable, and removing the last organisation leaves no writer.
     */
    @Override
    public synchronized RemovalPreview previewRemoval(String channel, String mspId) {
        requireChannel(channel);
        if (!MSP_IDS.contains(mspId)) {
            throw new ChangeRejectedException(
                    "Organisation " + mspId + " is not in the application group of channel " + channel);
        }
        List<String> remaining = MSP_IDS.stream().filter(id -> !id.equals(mspId)).toList();
        List<String> unsatisfiable = policies.values().stream()
                .filter(policy -> policy.text().contains("MSP."))
                .filter(policy -> !policy.path().startsWith("/Channel/Application/" + mspId + "/"))
                .filter(policy -> remaining.stream().noneMatch(policy.text()::contains))
                .map(PolicyView::path)
                .toList();
        return new RemovalPreview(mspId, remaining, unsatisfiable,
                remaining.isEmpty() ? "no organisation would remain to write to the channel" : null);
    }

    @Override
    public Map<String, String> readAcls(String channel) {
        requireChannel(channel);
        return Map.of();
    }

    @Override
    public synchronized ChannelView readChannel(String channel) {
        requireChannel(channel);
        List<OrganizationView> organizations = MSP_IDS.stream()
                .map(mspId -> new OrganizationView(
                        mspId,
                        "/Channel/Application/" + mspId,
                        List.of("CN=ca." + mspId.toLowerCase(java.util.Locale.ROOT) + ".example"),
                        List.of(sha256(mspId.getBytes(StandardCharsets.UTF_8))),
                        1,
                        true,
                        crlsByMspId.getOrDefault(mspId, List.of()).size()))
                .toList();
        return new ChannelView(channel, sequence, configBlock, organizations, List.copyOf(policies.values()));
    }

    @Override
    public synchronized PreparedUpdate prepare(String channel, PolicyChange change) {
        requireChannel(channel);
        PolicyView current = policies.get(change.path());
        if (current == null) {
            throw new ChangeRejectedException("Unknown policy path " + change.path());
        }
        if (change.policyText().isBlank() || change.policyText().contains("??")) {
            throw new ChangeRejectedException("Invalid policy text: " + change.policyText());
        }
        if (change.path().equals("/Channel/Writers") && change.policyText().startsWith("ALL")) {
            throw new ChangeRejectedException(
                    "Setting /Channel/Writers to " + change.policyText() + " would shut the authorities out");
        }

        byte[] bytes = (channel + "|" + change.path() + "|" + change.policyText() + "|" + sequence)
                .getBytes(StandardCharsets.UTF_8);
        String parent = change.path().substring(0, change.path().lastIndexOf('/'));
        // An organisation's own policies are changed with that organisation's admins only, as in Fabric.
        List<String> signing = MSP_IDS.stream().filter(parent::endsWith).toList();
        if (signing.isEmpty()) {
            signing = MSP_IDS;
        }
        return new PreparedUpdate(
                channel,
                bytes,
                sha256(bytes),
                sequence,
                List.of(change.path() + ": " + current.text() + " -> " + change.policyText()),
                List.of(change.path() + " needs MAJORITY of Admins of " + parent + ": " + String.join(", ", signing)
                        + " (" + signing.size() + " of " + signing.size() + ")"),
                signing);
    }

    @Override
    public synchronized PreparedUpdate prepareMspChange(String channel, MspChange change) {
        requireChannel(channel);
        if (!MSP_IDS.contains(change.mspId())) {
            throw new ChangeRejectedException(
                    "Organisation " + change.mspId() + " is not a member of channel " + channel);
        }
        if (change.crlPem() == null) {
            throw new ChangeRejectedException("Nothing to change in the MSP of " + change.mspId()
                    + ": the in-memory ledger lists no admin certificates");
        }
        byte[] bytes = (channel + "|msp:" + change.mspId() + "|" + change.crlPem() + "|" + sequence)
                .getBytes(StandardCharsets.UTF_8);
        String sha256 = sha256(bytes);
        mspChangesBySha256.put(sha256, change);
        String path = "/Channel/Application/" + change.mspId() + "/MSP";
        return new PreparedUpdate(
                channel,
                bytes,
                sha256,
                sequence,
                List.of(path + ": add a certificate revocation list"),
                List.of(path + " needs Admins of " + change.mspId() + " (1 of 1)"),
                List.of(change.mspId()));
    }

    /** Accepts a certificate unless a CRL added to the organisation lists its serial; CRL signatures are not checked. */
    @Override
    public Optional<String> validateIdentity(String channel, String mspId, String certificatePem) {
        requireChannel(channel);
        try {
            CertificateFactory factory = CertificateFactory.getInstance("X.509");
            X509Certificate certificate = (X509Certificate) factory.generateCertificate(
                    new ByteArrayInputStream(certificatePem.getBytes(StandardCharsets.US_ASCII)));
            for (String crlPem : crlsByMspId.getOrDefault(mspId, List.of())) {
                X509CRL crl = (X509CRL)
                        factory.generateCRL(new ByteArrayInputStream(crlPem.getBytes(StandardCharsets.US_ASCII)));
                if (crl.getRevokedCertificate(certificate.getSerialNumber()) != null) {
                    return Optional.of("the certificate has been revoked");
                }
            }
            return Optional.empty();
        } catch (CertificateException | CRLException e) {
            throw new IllegalArgumentException("Invalid certificate or CRL: " + e.getMessage(), e);
        }
    }

    @Override
    public AuthoritySignature sign(String mspId, PreparedUpdate update) {
        if (!hasAdminKey(mspId)) {
            throw new IllegalArgumentException("No admin identity for " + mspId);
        }
        return signOutside(mspId, update);
    }

    /** Returns the stand-in signature that the authority's own tools would make, with a key the portal lacks too. */
    public AuthoritySignature signOutside(String mspId, PreparedUpdate update) {
        return new AuthoritySignature(mspId, ("signature of " + mspId + " over " + update.sha256())
                .getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public boolean hasAdminKey(String mspId) {
        return MSP_IDS.contains(mspId) && !keysHeldOutside.contains(mspId);
    }

    /** Acts as if the authority kept its admin key outside the portal, until {@link #reset}. */
    public void keepAdminKeyOutside(String mspId) {
        keysHeldOutside.add(mspId);
    }

    /** Exports a text stand-in: the update's SHA-256, then one Base64 line per signature. */
    @Override
    public byte[] exportForSigning(PreparedUpdate update, List<AuthoritySignature> signatures) {
        StringBuilder export = new StringBuilder("update " + update.sha256() + "\n");
        for (AuthoritySignature signature : signatures) {
            export.append(Base64.getEncoder().encodeToString(signature.configSignature())).append('\n');
        }
        return export.toString().getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public String renderAsJson(byte[] exportedEnvelope) {
        return "{\"stand-in\": \"" + new String(exportedEnvelope, StandardCharsets.UTF_8).lines().findFirst().orElse("")
                + "\"}";
    }

    /** Accepts the stand-in export with signature lines in the form that {@link #sign} makes. */
    @Override
    public List<VerifiedSignature> importSignatures(PreparedUpdate update, byte[] signedEnvelope) {
        List<String> lines = new String(signedEnvelope, StandardCharsets.UTF_8).lines().toList();
        if (lines.isEmpty() || !lines.getFirst().equals("update " + update.sha256())) {
            throw new SignatureRejectedException(List.of("the envelope carries another config update"));
        }
        if (lines.size() == 1) {
            throw new SignatureRejectedException(List.of("the envelope contains no signatures"));
        }
        List<VerifiedSignature> verified = new ArrayList<>();
        for (String line : lines.subList(1, lines.size())) {
            String text = new String(Base64.getDecoder().decode(line), StandardCharsets.UTF_8);
            String mspId = text.replaceFirst("^signature of (\\S+) over .*$", "$1");
            if (!MSP_IDS.contains(mspId) || !text.equals("signature of " + mspId + " over " + update.sha256())) {
                throw new SignatureRejectedException(List.of("signature '" + text + "' does not verify"));
            }
            verified.add(new VerifiedSignature(
                    new AuthoritySignature(mspId, text.getBytes(StandardCharsets.UTF_8)), sha256(mspId)));
        }
        return verified;
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(
                    MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public SignatureCheck evaluate(PreparedUpdate update, List<AuthoritySignature> signatures) {
        Set<String> counted = new TreeSet<>();
        for (AuthoritySignature signature : signatures) {
            String expected = "signature of " + signature.mspId() + " over " + update.sha256();
            if (expected.equals(new String(signature.configSignature(), StandardCharsets.UTF_8))) {
                counted.add(signature.mspId());
            }
        }
        List<String> missing = new ArrayList<>();
        if (!counted.containsAll(update.signingMspIds())) {
            Set<String> absent = new TreeSet<>(update.signingMspIds());
            absent.removeAll(counted);
            missing.add("MAJORITY of Admins needs " + update.signingMspIds().size() + " of "
                    + update.signingMspIds().size() + "; missing " + String.join(", ", absent));
        }
        return new SignatureCheck(missing.isEmpty(), missing, List.copyOf(counted));
    }

    /**
     * Follows the stand-in's policies: an organisation's {@code Admins} needs that organisation, every other admins
     * policy is {@code MAJORITY of Admins} over both organisations.
     */
    @Override
    public List<Boolean> satisfiedByAdmins(String channel, String policyPath, List<Set<String>> mspIdSets) {
        requireChannel(channel);
        String group = policyPath.substring(0, policyPath.lastIndexOf('/'));
        return mspIdSets.stream().map(mspIds -> satisfiedByAdmins(group, mspIds)).toList();
    }

    private static boolean satisfiedByAdmins(String group, Set<String> mspIds) {
        for (String mspId : MSP_IDS) {
            if (group.endsWith("/" + mspId)) {
                return mspIds.contains(mspId);
            }
        }
        long present = MSP_IDS.stream().filter(mspIds::contains).count();
        return present > MSP_IDS.size() / 2;
    }

    @Override
    public boolean isStale(PreparedUpdate update) {
        return !appliedBySha256.containsKey(update.sha256()) && update.baseSequence() != sequence;
    }

    @Override
    public String submit(PreparedUpdate update, List<AuthoritySignature> signatures) {
        Supplier<? extends RuntimeException> failure = nextSubmitFailure;
        if (failure != null) {
            nextSubmitFailure = null;
            throw failure.get();
        }
        if (!evaluate(update, signatures).satisfied()) {
            throw new LedgerRejectedException(
                    "BAD_REQUEST",
                    "implicit policy evaluation failed - 1 sub-policies were satisfied, but this policy requires 2",
                    "Not enough authorities signed the update.");
        }
        submissions.incrementAndGet();
        if (applyOnSubmit) {
            apply(update);
        }
        return "tx-" + update.sha256().substring(0, 16);
    }

    @Override
    public Optional<AppliedUpdate> findApplied(PreparedUpdate update) {
        return Optional.ofNullable(appliedBySha256.get(update.sha256()));
    }

    @Override
    public Optional<AppliedUpdate> awaitApplied(PreparedUpdate update, Duration timeout) {
        return findApplied(update);
    }

    private void addPolicy(String path, String kind, String text) {
        policies.put(path, new PolicyView(path, kind, text, "/Channel/Application/Admins", 0));
    }

    private void requireChannel(String channel) {
        if (!channelName.equals(channel)) {
            throw new ChangeRejectedException("Unknown channel " + channel);
        }
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
