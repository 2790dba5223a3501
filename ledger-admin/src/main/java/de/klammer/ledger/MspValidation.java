package de.klammer.ledger;

import static de.klammer.ledger.MspFinding.Severity.ERROR;
import static de.klammer.ledger.MspFinding.Severity.WARNING;

import de.klammer.ledger.ImportedMsp.MspFile;
import de.klammer.ledger.ImportedMsp.NodeOuSettings;
import de.klammer.ledger.ImportedMsp.OuIdentifier;
import de.klammer.ledger.MspFinding.Severity;
import de.klammer.ledger.internal.ChannelMsp;
import de.klammer.ledger.internal.Certificates;
import de.klammer.ledger.internal.MspCertificates;
import java.security.GeneralSecurityException;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Validates an imported MSP definition with the rules Fabric's X.509 MSP applies when a channel config carries it
 * (msp/mspimplsetup.go and msp/mspimplvalidate.go on Fabric's main branch), plus checks against the channel it
 * joins. Unlike Fabric, expired certificates are errors, because an organisation whose certificates have expired
 * cannot act.
 */
public final class MspValidation {

    /** Certificates that expire sooner than this get a warning. */
    static final Duration EXPIRY_WARNING = Duration.ofDays(30);

    private final ImportedMsp msp;
    private final Instant now;
    private final List<MspFinding> findings = new ArrayList<>();
    private final List<Entry> roots;
    private final List<Entry> intermediates;
    private final List<Entry> admins;
    private final List<Entry> signCerts;
    private final List<Entry> tlsRoots;
    private final List<Entry> tlsIntermediates;
    private final List<X509CRL> crls = new ArrayList<>();

    /** A certificate and the file it came from. */
    private record Entry(String name, X509Certificate certificate) {}

    private MspValidation(ImportedMsp msp, Instant now) {
        this.msp = msp;
        this.now = now;
        this.roots = parse(msp.rootCerts());
        this.intermediates = parse(msp.intermediateCerts());
        this.admins = parse(msp.admins());
        this.signCerts = parse(msp.signCerts());
        this.tlsRoots = parse(msp.tlsRootCerts());
        this.tlsIntermediates = parse(msp.tlsIntermediateCerts());
        for (MspFile file : msp.crls()) {
            X509CRL crl = MspCertificates.parseCrl(file.pem());
            if (crl == null) {
                add(ERROR, file.name(), "is not a certificate revocation list; provide a PEM CRL starting with"
                        + " -----BEGIN X509 CRL-----");
            } else {
                crls.add(crl);
                checkCrl(file.name(), crl);
            }
        }
    }

    /**
     * Validates the definition on its own and, when {@code channel} is given, against the organisations already on
     * that channel.
     */
    public static List<MspFinding> validate(ImportedMsp msp, @Nullable ChannelConfig channel) {
        return validate(msp, channel, Clock.systemUTC());
    }

    /** Validates as {@link #validate(ImportedMsp, ChannelConfig)} at the time of {@code clock}. */
    public static List<MspFinding> validate(ImportedMsp msp, @Nullable ChannelConfig channel, Clock clock) {
        MspValidation validation = new MspValidation(msp, clock.instant());
        validation.checkMspId();
        validation.checkCas();
        validation.checkNodeOus();
        validation.checkOuIdentifiers();
        validation.checkLeaves(validation.admins, true);
        validation.checkLeaves(validation.signCerts, false);
        validation.checkAdminsDeclared();
        if (channel != null) {
            validation.checkAgainstChannel(channel);
        }
        return List.copyOf(validation.findings);
    }

    /** Returns whether any finding is an error. */
    public static boolean hasErrors(List<MspFinding> findings) {
        return findings.stream().anyMatch(finding -> finding.severity() == ERROR);
    }

    private void checkMspId() {
        if (!msp.mspId().matches("[A-Za-z0-9.-]+")) {
            add(ERROR, "MSP ID", "'" + msp.mspId() + "' is invalid: Fabric allows only letters, digits, dots and"
                    + " dashes in config keys");
        }
    }

    private void checkCas() {
        if (msp.rootCerts().isEmpty()) {
            add(ERROR, "cacerts/", "is empty; add the organisation's root CA certificate");
        }
        for (Entry root : roots) {
            checkCaCertificate(root);
            if (!MspCertificates.selfSigned(root.certificate())) {
                add(ERROR, root.name(), "is not self-signed, so it is not a root CA. Move it to intermediatecerts/ and"
                        + " put its issuer " + issuer(root) + " into cacerts/");
            }
        }
        List<X509Certificate> caCandidates = certificates(roots, intermediates);
        for (Entry intermediate : intermediates) {
            checkCaCertificate(intermediate);
            checkIssued(intermediate, caCandidates, true, "cacerts/ or intermediatecerts/");
        }
        if (msp.tlsRootCerts().isEmpty()) {
            add(WARNING, "tlscacerts/", "is empty, so peers cannot verify the TLS certificates of this organisation's"
                    + " nodes; add its TLS root CA certificate");
        }
        for (Entry root : tlsRoots) {
            checkCaCertificate(root);
        }
        for (Entry intermediate : tlsIntermediates) {
            checkCaCertificate(intermediate);
            checkIssued(intermediate, certificates(tlsRoots, tlsIntermediates), false,
                    "tlscacerts/ or tlsintermediatecerts/");
        }
    }

    private void checkCaCertificate(Entry entry) {
        X509Certificate certificate = entry.certificate();
        if (certificate.getBasicConstraints() < 0) {
            add(ERROR, entry.name(), "is not a CA certificate (BasicConstraints CA:TRUE is missing), and Fabric accepts"
                    + " only CA certificates here. Move an identity certificate to admincerts/ or signcerts/");
        }
        if (MspCertificates.subjectKeyIdentifier(certificate) == null) {
            add(ERROR, entry.name(), "has no valid SubjectKeyIdentifier extension, which Fabric requires of every"
                    + " CA certificate to match CRLs. Reissue the CA certificate with one");
        }
        checkCommon(entry);
    }

    private void checkLeaves(List<Entry> leaves, boolean admin) {
        List<X509Certificate> caCandidates = certificates(roots, intermediates);
        for (Entry leaf : leaves) {
            if (leaf.certificate().getBasicConstraints() >= 0) {
                add(ERROR, leaf.name(), "is a CA certificate, and Fabric never accepts a CA certificate as an"
                        + " identity. Move it to cacerts/ or intermediatecerts/");
                continue;
            }
            checkCommon(leaf);
            X509Certificate issuer = checkIssued(leaf, caCandidates, admin, "cacerts/ or intermediatecerts/");
            if (issuer != null && issuesIntermediates(issuer)) {
                add(ERROR, leaf.name(), "was issued by " + issuer.getSubjectX500Principal() + ", which also issues"
                        + " intermediate CAs of this MSP; Fabric accepts identities only from the CAs at the ends"
                        + " of the chain");
            }
            checkIdentityOus(leaf, admin);
        }
    }

    /** Checks signature, key identifiers and revocation of a certificate against its issuer and returns the issuer. */
    private @Nullable X509Certificate checkIssued(
            Entry entry, List<X509Certificate> candidates, boolean revocationIsError, String folders) {
        X509Certificate issuer = MspCertificates.issuerOf(entry.certificate(), candidates);
        if (issuer == null) {
            add(ERROR, entry.name(), "was issued by " + issuer(entry) + ", but no certificate in " + folders
                    + " signed it. Add the issuing CA certificate there");
            return null;
        }
        byte[] authorityKeyId = MspCertificates.authorityKeyIdentifier(entry.certificate());
        byte[] issuerKeyId = MspCertificates.subjectKeyIdentifier(issuer);
        if (authorityKeyId != null && issuerKeyId != null && !Arrays.equals(authorityKeyId, issuerKeyId)) {
            add(ERROR, entry.name(), "has an AuthorityKeyIdentifier that differs from the SubjectKeyIdentifier of"
                    + " its issuer " + issuer.getSubjectX500Principal() + ", so CRLs of that CA would not apply to"
                    + " it. Reissue the certificate at that CA");
        }
        if (revokedBy(entry.certificate(), issuer)) {
            add(revocationIsError ? ERROR : WARNING, entry.name(), "has been revoked by a CRL in crls/ of "
                    + issuer.getSubjectX500Principal() + ". Remove it, or remove the CRL if the revocation was a"
                    + " mistake");
        }
        return issuer;
    }

    private void checkCommon(Entry entry) {
        X509Certificate certificate = entry.certificate();
        if (!MspCertificates.extendedKeyUsageAccepted(certificate)) {
            add(ERROR, entry.name(), "lists extended key usages without serverAuth or anyExtendedKeyUsage, and"
                    + " Fabric's certificate verification (Go crypto/x509 with default options) rejects such a"
                    + " certificate. Reissue it without the extension or with serverAuth added");
        }
        Instant notAfter = certificate.getNotAfter().toInstant();
        if (notAfter.isBefore(now)) {
            add(ERROR, entry.name(), "expired on " + notAfter + "; renew it at the issuing CA");
        } else if (notAfter.isBefore(now.plus(EXPIRY_WARNING))) {
            add(WARNING, entry.name(), "expires on " + notAfter + "; renew it before then");
        }
        if (certificate.getNotBefore().toInstant().isAfter(now)) {
            add(WARNING, entry.name(), "is valid only from " + certificate.getNotBefore().toInstant()
                    + "; check the clock of the issuing CA");
        }
    }

    private void checkCrl(String name, X509CRL crl) {
        byte[] authorityKeyId = MspCertificates.authorityKeyIdentifier(crl);
        if (authorityKeyId == null) {
            add(ERROR, name, "has no AuthorityKeyIdentifier, so Fabric cannot match it to a CA and rejects the whole"
                    + " MSP. Generate it with the CA (fabric-ca-client gencrl) so that it carries one");
            return;
        }
        for (Entry ca : concat(roots, intermediates)) {
            if (Arrays.equals(authorityKeyId, MspCertificates.subjectKeyIdentifier(ca.certificate()))) {
                try {
                    crl.verify(ca.certificate().getPublicKey());
                } catch (GeneralSecurityException e) {
                    add(ERROR, name, "names the CA " + ca.certificate().getSubjectX500Principal() + " but its"
                            + " signature does not verify with that CA's key; generate it again at that CA");
                }
                return;
            }
        }
        add(ERROR, name, "was issued by a CA that is not in cacerts/ or intermediatecerts/; add only CRLs of this"
                + " organisation's own CAs");
    }

    private void checkNodeOus() {
        NodeOuSettings nodeOus = msp.nodeOus();
        if (nodeOus == null) {
            return;
        }
        for (OuIdentifier identifier : nodeOus.configured()) {
            if (identifier.organizationalUnit().isBlank()) {
                add(ERROR, identifier.field() + ".OrganizationalUnitIdentifier", "is empty; set the OU that marks"
                        + " this role, for example client, peer, admin or orderer, or remove the whole identifier");
            }
            checkCertifier(identifier, false);
        }
        if (nodeOus.enable() && nodeOus.configured().isEmpty()) {
            add(WARNING, "config.yaml NodeOUs", "is enabled but sets no OU identifiers, so Fabric switches NodeOUs"
                    + " off. Add ClientOUIdentifier, PeerOUIdentifier, AdminOUIdentifier and OrdererOUIdentifier");
        }
    }

    private void checkOuIdentifiers() {
        for (OuIdentifier identifier : msp.organizationalUnitIdentifiers()) {
            if (identifier.organizationalUnit().isBlank()) {
                add(ERROR, identifier.field() + ".OrganizationalUnitIdentifier", "is empty; set the OU value");
            }
            checkCertifier(identifier, true);
        }
    }

    /**
     * Checks the CA file an OU identifier names. Fabric's msp/configbuilder.go fails on a missing file under
     * OrganizationalUnitIdentifiers but only logs a missing file under NodeOUs, which then accepts that OU from any
     * CA of the organisation.
     */
    private void checkCertifier(OuIdentifier identifier, boolean missingIsError) {
        String location = identifier.field() + ".Certificate";
        if (identifier.certificateFile() == null) {
            return;
        }
        if (identifier.certificatePem() == null) {
            if (missingIsError) {
                add(ERROR, location, "names " + identifier.certificateFile() + ", which the MSP folder does not"
                        + " contain. Add the CA certificate there or correct the path");
            } else {
                add(WARNING, location, "names " + identifier.certificateFile() + ", which the MSP folder does not"
                        + " contain, so Fabric accepts the OU '" + identifier.organizationalUnit() + "' from any CA of"
                        + " the organisation. Add the file or remove the Certificate line");
            }
            return;
        }
        List<X509Certificate> named = MspCertificates.parseCertificates(identifier.certificatePem());
        if (named.size() != 1 || !certificates(roots, intermediates).contains(named.getFirst())) {
            add(ERROR, location, "names " + identifier.certificateFile() + ", which is not one of the certificates in"
                    + " cacerts/ or intermediatecerts/; Fabric requires the CA of an OU to be one of them");
        }
    }

    private void checkIdentityOus(Entry leaf, boolean admin) {
        Set<String> ous = ChannelMsp.organizationalUnits(leaf.certificate());
        NodeOuSettings nodeOus = msp.nodeOus();
        if (nodeOus != null && nodeOus.enable() && !nodeOus.configured().isEmpty()) {
            List<String> matched = nodeOus.configured().stream()
                    .filter(identifier -> carries(leaf, ous, identifier))
                    .map(OuIdentifier::organizationalUnit)
                    .toList();
            if (matched.size() != 1) {
                add(ERROR, leaf.name(), "must carry exactly one of the NodeOU values " + nodeOuValues(nodeOus)
                        + " issued by the configured CA, but its OUs are " + ous + ". Reissue it with one role");
            } else if (admin && !isClientOrAdmin(nodeOus, matched.getFirst())) {
                add(ERROR, leaf.name(), "is listed as an admin but carries the OU '" + matched.getFirst()
                        + "'; with NodeOUs Fabric accepts only client or admin identities as listed admins."
                        + " List an admin or client certificate instead");
            }
            return;
        }
        if (!msp.organizationalUnitIdentifiers().isEmpty()
                && msp.organizationalUnitIdentifiers().stream().noneMatch(id -> carries(leaf, ous, id))) {
            add(ERROR, leaf.name(), "carries the OUs " + ous + ", none of which config.yaml"
                    + " OrganizationalUnitIdentifiers lists for its CA ("
                    + msp.organizationalUnitIdentifiers().stream().map(OuIdentifier::organizationalUnit).toList()
                    + "), so Fabric rejects it. Reissue it with a listed OU or list its OU");
        }
    }

    private boolean carries(Entry leaf, Set<String> ous, OuIdentifier identifier) {
        if (!ous.contains(identifier.organizationalUnit())) {
            return false;
        }
        if (identifier.certificatePem() == null) {
            return true;
        }
        List<X509Certificate> named = MspCertificates.parseCertificates(identifier.certificatePem());
        return !named.isEmpty() && chainOf(leaf.certificate()).contains(named.getFirst());
    }

    private static boolean isClientOrAdmin(NodeOuSettings nodeOus, String organizationalUnit) {
        return (nodeOus.client() != null && nodeOus.client().organizationalUnit().equals(organizationalUnit))
                || (nodeOus.admin() != null && nodeOus.admin().organizationalUnit().equals(organizationalUnit));
    }

    private static List<String> nodeOuValues(NodeOuSettings nodeOus) {
        return nodeOus.configured().stream().map(OuIdentifier::organizationalUnit).toList();
    }

    /** Requires listed admins unless NodeOUs classify admins by an admin OU, as Fabric's MSP version 1.4.2 does. */
    private void checkAdminsDeclared() {
        NodeOuSettings nodeOus = msp.nodeOus();
        boolean adminOu = nodeOus != null && nodeOus.enable() && nodeOus.admin() != null;
        if (msp.admins().isEmpty() && !adminOu) {
            add(ERROR, "admincerts/", "is empty and config.yaml sets no NodeOUs AdminOUIdentifier, so the"
                    + " organisation would have no administrator. Add an admin certificate or enable NodeOUs with"
                    + " an admin OU");
        }
    }

    private void checkAgainstChannel(ChannelConfig channel) {
        for (Organization organization : channel.organizations()) {
            if (organization.mspId().equals(msp.mspId())) {
                add(ERROR, "MSP ID", "'" + msp.mspId() + "' is already used by " + organization.path()
                        + " on channel " + channel.channelId() + "; choose another MSP ID");
            }
            for (CertificateInfo existing : organization.msp().rootCerts()) {
                for (Entry root : roots) {
                    if (existing.sha256Fingerprint().equals(Certificates.fingerprint(root.certificate()))) {
                        add(ERROR, root.name(), "is already the root CA of " + organization.mspId() + " on channel "
                                + channel.channelId() + ", so identities of either organisation would count for"
                                + " both. Give the new organisation its own CA");
                    }
                }
            }
        }
    }

    private List<X509Certificate> chainOf(X509Certificate leaf) {
        List<X509Certificate> chain = new ArrayList<>();
        List<X509Certificate> candidates = certificates(roots, intermediates);
        X509Certificate current = MspCertificates.issuerOf(leaf, candidates);
        while (current != null && !chain.contains(current) && chain.size() < 10) {
            chain.add(current);
            current = MspCertificates.selfSigned(current) ? null : MspCertificates.issuerOf(current, candidates);
        }
        return chain;
    }

    private boolean issuesIntermediates(X509Certificate ca) {
        return intermediates.stream().anyMatch(intermediate -> MspCertificates.signedBy(intermediate.certificate(), ca)
                && !intermediate.certificate().equals(ca));
    }

    private boolean revokedBy(X509Certificate certificate, X509Certificate issuer) {
        byte[] issuerKeyId = MspCertificates.subjectKeyIdentifier(issuer);
        for (X509CRL crl : crls) {
            if (issuerKeyId != null
                    && Arrays.equals(issuerKeyId, MspCertificates.authorityKeyIdentifier(crl))
                    && crl.getRevokedCertificate(certificate.getSerialNumber()) != null) {
                try {
                    crl.verify(issuer.getPublicKey());
                    return true;
                } catch (GeneralSecurityException e) {
                    // Fabric ignores a CRL whose signature does not verify; checkCrl reports it.
                }
            }
        }
        return false;
    }

    private List<Entry> parse(List<MspFile> files) {
        List<Entry> result = new ArrayList<>();
        for (MspFile file : files) {
            List<X509Certificate> certificates = MspCertificates.parseCertificates(file.pem());
            if (certificates.isEmpty()) {
                add(ERROR, file.name(), "contains no PEM certificate; provide one starting with"
                        + " -----BEGIN CERTIFICATE----- or remove the file");
            }
            certificates.forEach(certificate -> result.add(new Entry(file.name(), certificate)));
        }
        return result;
    }

    private static String issuer(Entry entry) {
        return entry.certificate().getIssuerX500Principal().getName();
    }

    private static List<X509Certificate> certificates(List<Entry> first, List<Entry> second) {
        return concat(first, second).stream().map(Entry::certificate).toList();
    }

    private static List<Entry> concat(List<Entry> first, List<Entry> second) {
        List<Entry> result = new ArrayList<>(first);
        result.addAll(second);
        return result;
    }

    private void add(Severity severity, String location, String message) {
        findings.add(new MspFinding(severity, location, message));
    }
}
