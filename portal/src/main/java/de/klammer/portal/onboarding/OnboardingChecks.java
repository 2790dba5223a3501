package de.klammer.portal.onboarding;

import de.klammer.ledger.ImportedMsp;
import de.klammer.ledger.ImportedMsp.MspFile;
import de.klammer.ledger.MspFinding;
import de.klammer.ledger.MspFinding.Severity;
import de.klammer.ledger.MspValidation;
import de.klammer.portal.ledger.ChannelView;
import de.klammer.portal.ledger.OrganizationView;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.CertificateEncodingException;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The checks of the validation step: ledger-admin's {@link MspValidation} of the definition on its own, plus the
 * portal's checks against the live channel, the other authorities and the CA chain that the CA's cainfo returned.
 */
final class OnboardingChecks {

    private OnboardingChecks() {}

    /**
     * Returns every finding; errors block the submission.
     *
     * @param channel the live channel config
     * @param mspIdTaken whether an authority of the portal or another open draft already uses the MSP ID
     * @param caChain the chain from the CA's cainfo, leaf first
     * @param otherDraftRoots root CA fingerprints of other open drafts, by MSP ID
     */
    static List<MspFinding> findings(
            ImportedMsp msp,
            ChannelView channel,
            boolean mspIdTaken,
            List<X509Certificate> caChain,
            Map<String, List<String>> otherDraftRoots) {
        List<MspFinding> findings = new ArrayList<>(MspValidation.validate(msp, null));
        checkMspId(msp.mspId(), channel, mspIdTaken, findings);
        checkRootsUnused(msp, channel, otherDraftRoots, findings);
        checkCaChain(msp, caChain, findings);
        return List.copyOf(findings);
    }

    private static void checkMspId(String mspId, ChannelView channel, boolean mspIdTaken, List<MspFinding> findings) {
        boolean onChannel = channel.organizations().stream()
                .anyMatch(organization -> organization.mspId().equalsIgnoreCase(mspId));
        if (onChannel) {
            findings.add(new MspFinding(Severity.ERROR, "MSP ID", "The MSP ID " + mspId + " is already a member of"
                    + " channel " + channel.channel() + "; choose another MSP ID in the first step."));
        } else if (mspIdTaken) {
            findings.add(new MspFinding(Severity.ERROR, "MSP ID", "The MSP ID " + mspId + " belongs to another"
                    + " authority or onboarding draft of the portal; choose another MSP ID in the first step."));
        }
    }

    private static void checkRootsUnused(
            ImportedMsp msp, ChannelView channel, Map<String, List<String>> otherDraftRoots, List<MspFinding> findings) {
        for (MspFile root : msp.rootCerts()) {
            Optional<String> fingerprint = fingerprint(root.pem());
            if (fingerprint.isEmpty()) {
                continue;
            }
            for (OrganizationView organization : channel.organizations()) {
                boolean shared = organization.rootCaFingerprints().stream()
                        .map(OnboardingChecks::normalize)
                        .anyMatch(fingerprint.get()::equals);
                if (shared) {
                    findings.add(new MspFinding(Severity.ERROR, root.name(), "This root CA is already the root CA of "
                            + organization.mspId() + " on channel " + channel.channel() + ". Each authority needs its"
                            + " own CA, because its certificates would otherwise pass as the other authority's."));
                }
            }
            otherDraftRoots.forEach((mspId, roots) -> {
                if (roots.contains(fingerprint.get())) {
                    findings.add(new MspFinding(Severity.ERROR, root.name(), "This root CA is already the root CA of"
                            + " the onboarding draft for " + mspId + ". Each authority needs its own CA."));
                }
            });
        }
    }

    /** The CA's cainfo chain ends in its root, which must be a root of the MSP; its intermediates must be listed. */
    private static void checkCaChain(ImportedMsp msp, List<X509Certificate> caChain, List<MspFinding> findings) {
        if (caChain.isEmpty()) {
            return;
        }
        List<String> mspRoots = fingerprints(msp.rootCerts());
        List<String> mspIntermediates = fingerprints(msp.intermediateCerts());
        X509Certificate caRoot = caChain.getLast();
        if (!mspRoots.contains(fingerprint(caRoot))) {
            findings.add(new MspFinding(Severity.ERROR, "cacerts/", "The root CA of the Fabric CA ("
                    + caRoot.getSubjectX500Principal().getName() + ", from its cainfo) is not among the MSP's root"
                    + " certificates. Put that certificate into cacerts/, or enter the Fabric CA of this MSP in the CA"
                    + " step, because identities it enrols would otherwise not be valid members."));
        }
        for (X509Certificate intermediate : caChain.subList(0, caChain.size() - 1)) {
            if (!mspIntermediates.contains(fingerprint(intermediate)) && !mspRoots.contains(fingerprint(intermediate))) {
                findings.add(new MspFinding(Severity.ERROR, "intermediatecerts/", "The intermediate CA "
                        + intermediate.getSubjectX500Principal().getName() + " from the Fabric CA's cainfo is missing"
                        + " in the MSP; add it to intermediatecerts/, because identities it issues would otherwise"
                        + " not be valid members."));
            }
        }
    }

    /** Returns the lower-case hex SHA-256 fingerprints of the root certificates in the files, skipping bad PEM. */
    static List<String> fingerprints(List<MspFile> files) {
        return files.stream().map(file -> fingerprint(file.pem())).flatMap(Optional::stream).toList();
    }

    static Optional<String> fingerprint(String pem) {
        try {
            X509Certificate certificate = (X509Certificate) CertificateFactory.getInstance("X.509")
                    .generateCertificate(new ByteArrayInputStream(pem.getBytes(StandardCharsets.US_ASCII)));
            return Optional.of(fingerprint(certificate));
        } catch (CertificateException | ClassCastException e) {
            // MspValidation reports the unreadable file with its name.
            return Optional.empty();
        }
    }

    static String fingerprint(X509Certificate certificate) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(certificate.getEncoded()));
        } catch (NoSuchAlgorithmException | CertificateEncodingException e) {
            throw new IllegalStateException("Cannot hash certificate " + certificate.getSubjectX500Principal(), e);
        }
    }

    private static String normalize(String fingerprint) {
        return fingerprint.replace(":", "").toLowerCase(Locale.ROOT);
    }
}
