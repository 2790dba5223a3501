package de.klammer.ledger.internal;

import com.google.protobuf.ByteString;
import com.google.protobuf.InvalidProtocolBufferException;
import de.klammer.ledger.PolicyRule.Role;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.cert.CRLException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.security.interfaces.ECPublicKey;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import javax.naming.NamingEnumeration;
import javax.naming.NamingException;
import javax.naming.directory.Attribute;
import javax.naming.ldap.LdapName;
import javax.naming.ldap.Rdn;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.DERBitString;
import org.bouncycastle.asn1.DERSequence;
import org.bouncycastle.asn1.x509.Certificate;
import org.hyperledger.fabric.protos.msp.MspConfigPackage.FabricMSPConfig;
import org.hyperledger.fabric.protos.msp.MspConfigPackage.FabricNodeOUs;
import org.jspecify.annotations.Nullable;

/**
 * One organisation's MSP as a channel sees it, with the identity rules of Fabric's X.509 MSP (version 1.4.3 and
 * later): chain to a root, no CA certificates as identities, CRLs matched by the issuer's key identifier, NodeOU
 * classification, and admins either listed or carrying the admin OU. Certificate expiry is ignored, as Fabric's MSP
 * ignores it.
 */
public final class ChannelMsp {

    private final String mspId;
    private final List<X509Certificate> roots;
    private final List<X509Certificate> intermediates;
    private final List<byte[]> adminCertificates;
    private final List<X509CRL> crls;
    private final @Nullable FabricNodeOUs nodeOus;

    private ChannelMsp(
            String mspId,
            List<X509Certificate> roots,
            List<X509Certificate> intermediates,
            List<byte[]> adminCertificates,
            List<X509CRL> crls,
            @Nullable FabricNodeOUs nodeOus) {
        this.mspId = mspId;
        this.roots = roots;
        this.intermediates = intermediates;
        this.adminCertificates = adminCertificates;
        this.crls = crls;
        this.nodeOus = nodeOus;
    }

    /** Builds the MSP from its channel definition. */
    public static ChannelMsp of(ByteString fabricMspConfig) throws InvalidProtocolBufferException {
        FabricMSPConfig config = FabricMSPConfig.parseFrom(fabricMspConfig);
        List<byte[]> admins = new ArrayList<>();
        for (ByteString pem : config.getAdminsList()) {
            for (X509Certificate admin : Certificates.parseAll(pem)) {
                admins.add(encoded(admin));
            }
        }
        List<X509CRL> crls = new ArrayList<>();
        for (ByteString crl : config.getRevocationListList()) {
            crls.add(parseCrl(crl));
        }
        return new ChannelMsp(
                config.getName(),
                flatten(config.getRootCertsList()),
                flatten(config.getIntermediateCertsList()),
                admins,
                crls,
                config.hasFabricNodeOus() && config.getFabricNodeOus().getEnable() ? config.getFabricNodeOus() : null);
    }

    public String mspId() {
        return mspId;
    }

    /**
     * Checks that the certificate is a valid member identity of this MSP.
     *
     * @return empty when valid, otherwise the reason
     */
    public Optional<String> validate(X509Certificate certificate) {
        if (certificate.getBasicConstraints() >= 0) {
            return Optional.of("the certificate is a CA certificate and cannot be an identity");
        }
        Optional<X509Certificate> issuer = issuerOf(certificate);
        if (issuer.isEmpty()) {
            return Optional.of("the certificate does not chain to a root CA of " + mspId);
        }
        if (isRevoked(certificate, issuer.get())) {
            return Optional.of("the certificate has been revoked");
        }
        if (nodeOus != null) {
            int matches = 0;
            Set<String> ous = organizationalUnits(certificate);
            for (String ou : nodeOuNames()) {
                if (ous.contains(ou)) {
                    matches++;
                }
            }
            if (matches != 1) {
                return Optional.of("the certificate must carry exactly one of the OUs " + nodeOuNames() + ", it has "
                        + ous);
            }
        }
        return Optional.empty();
    }

    /** Returns whether the certificate satisfies a role principal of this MSP. */
    public boolean satisfies(X509Certificate certificate, Role role) {
        return switch (role) {
            case MEMBER -> validate(certificate).isEmpty();
            case ADMIN -> isListedAdmin(certificate)
                    || (nodeOus != null
                            && hasOu(certificate, ouName(nodeOus.getAdminOuIdentifier()))
                            && validate(certificate).isEmpty());
            case CLIENT -> nodeOus != null && hasOu(certificate, ouName(nodeOus.getClientOuIdentifier()))
                    && validate(certificate).isEmpty();
            case PEER -> nodeOus != null && hasOu(certificate, ouName(nodeOus.getPeerOuIdentifier()))
                    && validate(certificate).isEmpty();
            case ORDERER -> nodeOus != null && hasOu(certificate, ouName(nodeOus.getOrdererOuIdentifier()))
                    && validate(certificate).isEmpty();
        };
    }

    /**
     * Returns whether the certificate satisfies an organisational-unit principal of this MSP. An empty {@code
     * certifiersIdentifier} (a principal not resolved yet) matches any issuing chain.
     */
    public boolean satisfiesOu(X509Certificate certificate, String organizationalUnit, String certifiersIdentifier) {
        if (!hasOu(certificate, organizationalUnit) || validate(certificate).isPresent()) {
            return false;
        }
        return certifiersIdentifier.isEmpty()
                || certifiersIdentifier.equalsIgnoreCase(certifiersIdentifierOf(certificate).orElse(""));
    }

    /**
     * Returns the certifiers identifier that Fabric's MSP (1.4 and later, {@code getCertificationChainIdentifier} in
     * msp/mspimpl.go) gives the OUs of a certificate: the hex SHA-256 over the low-S DER encodings of its issuing CA,
     * that CA's issuer, and so on up to the root.
     */
    public Optional<String> certifiersIdentifierOf(X509Certificate certificate) {
        List<X509Certificate> chain = new ArrayList<>();
        Optional<X509Certificate> issuer = issuerOf(certificate);
        while (issuer.isPresent() && chain.size() <= 8) {
            X509Certificate ca = issuer.get();
            chain.add(ca);
            if (roots.contains(ca)) {
                return Optional.of(sha256Hex(chain));
            }
            issuer = parentOf(ca);
        }
        return Optional.empty();
    }

    /**
     * Returns the certifiers identifier that identities issued directly by this MSP's only issuing CA carry: the
     * single intermediate CA if there is one, otherwise the single root. Throws {@link IllegalStateException} when
     * the MSP has several candidate issuers, because the principal would then match only part of its identities.
     */
    public String issuingCertifiersIdentifier() {
        if (intermediates.isEmpty() && roots.size() == 1) {
            return sha256Hex(List.of(roots.getFirst()));
        }
        if (intermediates.size() == 1 && roots.size() == 1) {
            return sha256Hex(List.of(intermediates.getFirst(), roots.getFirst()));
        }
        throw new IllegalStateException(mspId + " has " + roots.size() + " root and " + intermediates.size()
                + " intermediate CA certificates, so an OU principal would need a certifiers identifier per issuing"
                + " CA. Only MSPs with one root and at most one intermediate CA are supported");
    }

    private Optional<X509Certificate> parentOf(X509Certificate ca) {
        for (X509Certificate parent : concat(intermediates, roots)) {
            if (!parent.equals(ca) && signedBy(ca, parent)) {
                return Optional.of(parent);
            }
        }
        return Optional.empty();
    }

    /**
     * Hashes a chain ordered from the issuing CA up to the root. Fabric's MSP keeps each CA certificate in a
     * sanitised form, with an ECDSA signature rewritten to low S, and hashes those bytes, so this does the same.
     */
    private static String sha256Hex(List<X509Certificate> chain) {
        try {
            java.security.MessageDigest digest = java.security.MessageDigest.getInstance("SHA-256");
            for (int i = 0; i < chain.size(); i++) {
                X509Certificate signer = i + 1 < chain.size() ? chain.get(i + 1) : chain.get(i);
                digest.update(sanitised(chain.get(i), signer));
            }
            return java.util.HexFormat.of().formatHex(digest.digest());
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }

    /**
     * Returns the DER encoding of the certificate with its ECDSA signature in low-S form, taking the curve order from
     * the signer's key. A certificate that already has a low S, or is not signed with ECDSA, is returned as it is.
     */
    static byte[] sanitised(X509Certificate certificate, X509Certificate signer) {
        byte[] der = encoded(certificate);
        if (!(signer.getPublicKey() instanceof ECPublicKey key)) {
            return der;
        }
        Certificate parsed = Certificate.getInstance(der);
        byte[] signature = parsed.getSignature().getOctets();
        byte[] lowS = EcdsaSigner.toLowS(signature, key.getParams().getOrder());
        if (Arrays.equals(signature, lowS)) {
            return der;
        }
        ASN1Encodable[] fields = {parsed.getTBSCertificate(), parsed.getSignatureAlgorithm(), new DERBitString(lowS)};
        try {
            return new DERSequence(fields).getEncoded(ASN1Encoding.DER);
        } catch (IOException e) {
            throw new IllegalStateException(
                    "Re-encoding the certificate " + certificate.getSubjectX500Principal() + " failed", e);
        }
    }

    /** Returns the roles a NodeOU-classified certificate would have, used to explain who can still act. */
    public boolean nodeOusEnabled() {
        return nodeOus != null;
    }

    private boolean isListedAdmin(X509Certificate certificate) {
        byte[] encoded = encoded(certificate);
        return adminCertificates.stream().anyMatch(admin -> Arrays.equals(admin, encoded));
    }

    private Optional<X509Certificate> issuerOf(X509Certificate certificate) {
        List<X509Certificate> candidates = new ArrayList<>(intermediates);
        candidates.addAll(roots);
        for (X509Certificate candidate : candidates) {
            if (signedBy(certificate, candidate) && chainsToRoot(candidate, 0)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    private boolean chainsToRoot(X509Certificate ca, int depth) {
        if (roots.contains(ca)) {
            return true;
        }
        if (depth > 8) {
            return false;
        }
        for (X509Certificate parent : concat(intermediates, roots)) {
            if (!parent.equals(ca) && signedBy(ca, parent) && !isRevoked(ca, parent) && chainsToRoot(parent, depth + 1)) {
                return true;
            }
        }
        return false;
    }

    private boolean isRevoked(X509Certificate certificate, X509Certificate issuer) {
        byte[] issuerKeyId = subjectKeyIdentifier(issuer);
        for (X509CRL crl : crls) {
            byte[] crlKeyId = authorityKeyIdentifier(crl);
            if (issuerKeyId != null && crlKeyId != null && Arrays.equals(issuerKeyId, crlKeyId)
                    && crl.getRevokedCertificate(certificate.getSerialNumber()) != null) {
                try {
                    crl.verify(issuer.getPublicKey());
                    return true;
                } catch (GeneralSecurityException e) {
                    // A CRL with a wrong signature revokes nothing, as in Fabric.
                }
            }
        }
        return false;
    }

    private List<String> nodeOuNames() {
        List<String> names = new ArrayList<>();
        if (nodeOus != null) {
            for (var identifier : List.of(
                    nodeOus.getClientOuIdentifier(),
                    nodeOus.getPeerOuIdentifier(),
                    nodeOus.getAdminOuIdentifier(),
                    nodeOus.getOrdererOuIdentifier())) {
                String name = identifier.getOrganizationalUnitIdentifier();
                if (!name.isEmpty()) {
                    names.add(name);
                }
            }
        }
        return names;
    }

    private static String ouName(org.hyperledger.fabric.protos.msp.MspConfigPackage.FabricOUIdentifier identifier) {
        return identifier.getOrganizationalUnitIdentifier();
    }

    private static boolean hasOu(X509Certificate certificate, String organizationalUnit) {
        return !organizationalUnit.isEmpty() && organizationalUnits(certificate).contains(organizationalUnit);
    }

    /**
     * Returns the OU values of the certificate's subject, including those of a multi-valued RDN such as {@code
     * OU=bamf+OU=client}, which is how Fabric CA 1.5.21 writes the affiliation and type OUs.
     */
    public static Set<String> organizationalUnits(X509Certificate certificate) {
        Set<String> result = new TreeSet<>();
        try {
            for (Rdn rdn : new LdapName(certificate.getSubjectX500Principal().getName()).getRdns()) {
                // Rdn.getType() and getValue() return only the first attribute of a multi-valued RDN.
                Attribute organizationalUnit = rdn.toAttributes().get("OU");
                if (organizationalUnit == null) {
                    continue;
                }
                NamingEnumeration<?> values = organizationalUnit.getAll();
                while (values.hasMore()) {
                    result.add(values.next().toString());
                }
            }
        } catch (NamingException e) {
            throw new IllegalArgumentException("Unreadable certificate subject", e);
        }
        return result;
    }

    private static boolean signedBy(X509Certificate certificate, X509Certificate issuer) {
        if (!certificate.getIssuerX500Principal().equals(issuer.getSubjectX500Principal())) {
            return false;
        }
        try {
            certificate.verify(issuer.getPublicKey());
            return true;
        } catch (GeneralSecurityException e) {
            return false;
        }
    }

    private static byte @Nullable [] subjectKeyIdentifier(X509Certificate certificate) {
        return MspCertificates.subjectKeyIdentifier(certificate);
    }

    private static byte @Nullable [] authorityKeyIdentifier(X509CRL crl) {
        return MspCertificates.authorityKeyIdentifier(crl);
    }

    private static X509CRL parseCrl(ByteString crl) {
        try {
            return (X509CRL) CertificateFactory.getInstance("X.509").generateCRL(new ByteArrayInputStream(crl.toByteArray()));
        } catch (CRLException | java.security.cert.CertificateException e) {
            throw new IllegalArgumentException("Invalid CRL in the MSP definition: " + e.getMessage(), e);
        }
    }

    private static List<X509Certificate> flatten(List<ByteString> pems) {
        List<X509Certificate> result = new ArrayList<>();
        pems.forEach(pem -> result.addAll(Certificates.parseAll(pem)));
        return result;
    }

    private static <T> List<T> concat(List<T> first, List<T> second) {
        List<T> result = new ArrayList<>(first);
        result.addAll(second);
        return result;
    }

    private static byte[] encoded(X509Certificate certificate) {
        try {
            return certificate.getEncoded();
        } catch (java.security.cert.CertificateEncodingException e) {
            throw new IllegalArgumentException("Cannot encode certificate", e);
        }
    }
}
