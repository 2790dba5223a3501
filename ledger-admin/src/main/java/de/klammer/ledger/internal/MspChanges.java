package de.klammer.ledger.internal;

import com.google.protobuf.ByteString;
import com.google.protobuf.InvalidProtocolBufferException;
import de.klammer.ledger.ConfigChange.AddAdmin;
import de.klammer.ledger.ConfigChange.AddRevocationList;
import de.klammer.ledger.ConfigChange.RemoveAdmin;
import de.klammer.ledger.ConfigChangeRejectedException;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.x509.AuthorityKeyIdentifier;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.SubjectKeyIdentifier;
import org.hyperledger.fabric.protos.common.Configtx.ConfigGroup;
import org.hyperledger.fabric.protos.common.Configtx.ConfigValue;
import org.hyperledger.fabric.protos.msp.MspConfigPackage.FabricMSPConfig;
import org.hyperledger.fabric.protos.msp.MspConfigPackage.MSPConfig;
import org.jspecify.annotations.Nullable;

/** Changes inside an organisation's MSP definition: CRLs and listed admins. */
final class MspChanges {

    private MspChanges() {}

    static ConfigGroup addRevocationList(ConfigGroup root, AddRevocationList change) {
        X509CRL crl = parseCrl(change.crlPem());
        return updateMsp(root, change.mspId(), msp -> {
            requireIssuedByMspCa(crl, msp);
            ByteString pem = ByteString.copyFrom(change.crlPem(), StandardCharsets.US_ASCII);
            if (msp.getRevocationListList().contains(pem)) {
                throw new ConfigChangeRejectedException("The MSP of " + change.mspId()
                        + " already contains this certificate revocation list");
            }
            return msp.toBuilder().addRevocationList(pem).build();
        });
    }

    static ConfigGroup removeAdmin(ConfigGroup root, RemoveAdmin change) {
        return updateMsp(root, change.mspId(), msp -> {
            List<ByteString> remainingAdmins = new ArrayList<>();
            boolean removed = false;
            for (ByteString admin : msp.getAdminsList()) {
                if (Certificates.fingerprint(Certificates.parse(admin)).equalsIgnoreCase(change.certificateSha256())) {
                    removed = true;
                } else {
                    remainingAdmins.add(admin);
                }
            }
            if (!removed) {
                throw new ConfigChangeRejectedException("The MSP of " + change.mspId()
                        + " lists no admin certificate with SHA-256 " + change.certificateSha256());
            }
            return msp.toBuilder().clearAdmins().addAllAdmins(remainingAdmins).build();
        });
    }

    static ConfigGroup addAdmin(ConfigGroup root, AddAdmin change) {
        X509Certificate certificate = parseCertificate(change.certificatePem());
        String sha256 = Certificates.fingerprint(certificate);
        return updateMsp(root, change.mspId(), msp -> {
            requireIssuedByMspCa(certificate, msp);
            for (ByteString admin : msp.getAdminsList()) {
                if (Certificates.fingerprint(Certificates.parse(admin)).equalsIgnoreCase(sha256)) {
                    throw new ConfigChangeRejectedException("The MSP of " + change.mspId()
                            + " already lists the admin certificate with SHA-256 " + sha256);
                }
            }
            ByteString pem = ByteString.copyFrom(Certificates.toPem(certificate), StandardCharsets.US_ASCII);
            return msp.toBuilder().addAdmins(pem).build();
        });
    }

    /** Finds the organisation group with this MSP ID below Application or Orderer and rewrites its MSP value. */
    private static ConfigGroup updateMsp(ConfigGroup root, String mspId, UnaryOperator<FabricMSPConfig> change) {
        for (String section : List.of("Application", "Orderer")) {
            ConfigGroup parent = root.getGroupsMap().get(section);
            if (parent == null) {
                continue;
            }
            for (Map.Entry<String, ConfigGroup> organization : parent.getGroupsMap().entrySet()) {
                ConfigValue value = organization.getValue().getValuesMap().get("MSP");
                FabricMSPConfig msp = value == null ? null : fabricMsp(value);
                if (msp != null && msp.getName().equals(mspId)) {
                    MSPConfig updated = MSPConfig.newBuilder()
                            .setType(0)
                            .setConfig(change.apply(msp).toByteString())
                            .build();
                    ConfigGroup group = organization.getValue().toBuilder()
                            .putValues("MSP", value.toBuilder().setValue(updated.toByteString()).build())
                            .build();
                    return root.toBuilder()
                            .putGroups(section, parent.toBuilder().putGroups(organization.getKey(), group).build())
                            .build();
                }
            }
        }
        throw new ConfigChangeRejectedException("No organisation with MSP ID '" + mspId + "' on this channel");
    }

    private static @Nullable FabricMSPConfig fabricMsp(ConfigValue value) {
        try {
            MSPConfig config = MSPConfig.parseFrom(value.getValue());
            return config.getType() == 0 ? FabricMSPConfig.parseFrom(config.getConfig()) : null;
        } catch (InvalidProtocolBufferException e) {
            return null;
        }
    }

    private static void requireIssuedByMspCa(X509CRL crl, FabricMSPConfig msp) {
        byte[] authorityKeyId = authorityKeyIdentifier(crl);
        if (authorityKeyId == null) {
            throw new ConfigChangeRejectedException("The CRL has no AuthorityKeyIdentifier, so Fabric cannot match it"
                    + " to a CA and every identity check of " + msp.getName() + " would fail. Generate it with the CA"
                    + " (fabric-ca gencrl) so that it carries one");
        }
        List<ByteString> cas = new ArrayList<>(msp.getRootCertsList());
        cas.addAll(msp.getIntermediateCertsList());
        for (ByteString pem : cas) {
            for (X509Certificate ca : Certificates.parseAll(pem)) {
                if (Arrays.equals(authorityKeyId, subjectKeyIdentifier(ca))) {
                    try {
                        crl.verify(ca.getPublicKey());
                        return;
                    } catch (GeneralSecurityException e) {
                        throw new ConfigChangeRejectedException("The CRL names the CA " + ca.getSubjectX500Principal()
                                + " of " + msp.getName() + " but its signature does not verify with that CA's key");
                    }
                }
            }
        }
        throw new ConfigChangeRejectedException("The CRL was issued by key " + HexFormat.of().formatHex(authorityKeyId)
                + ", which is none of the CA certificates of " + msp.getName()
                + ". Generate the CRL at that organisation's own CA");
    }

    private static void requireIssuedByMspCa(X509Certificate certificate, FabricMSPConfig msp) {
        List<ByteString> cas = new ArrayList<>(msp.getRootCertsList());
        cas.addAll(msp.getIntermediateCertsList());
        for (ByteString pem : cas) {
            for (X509Certificate ca : Certificates.parseAll(pem)) {
                if (!ca.getSubjectX500Principal().equals(certificate.getIssuerX500Principal())) {
                    continue;
                }
                try {
                    certificate.verify(ca.getPublicKey());
                    return;
                } catch (GeneralSecurityException e) {
                    // Another CA certificate of the MSP may carry the same subject with the signing key.
                }
            }
        }
        throw new ConfigChangeRejectedException("The certificate of " + certificate.getSubjectX500Principal()
                + " was issued by " + certificate.getIssuerX500Principal()
                + ", which is none of the CA certificates of " + msp.getName() + ". List only certificates that the organisation's own CA issued");
    }

    private static X509Certificate parseCertificate(String pem) {
        try {
            return (X509Certificate) CertificateFactory.getInstance("X.509")
                    .generateCertificate(new ByteArrayInputStream(pem.getBytes(StandardCharsets.US_ASCII)));
        } catch (GeneralSecurityException e) {
            throw new ConfigChangeRejectedException("Invalid certificate: " + e.getMessage()
                    + ". Provide a PEM certificate starting with -----BEGIN CERTIFICATE-----");
        }
    }

    private static X509CRL parseCrl(String pem) {
        try {
            return (X509CRL) CertificateFactory.getInstance("X.509")
                    .generateCRL(new ByteArrayInputStream(pem.getBytes(StandardCharsets.US_ASCII)));
        } catch (GeneralSecurityException e) {
            throw new ConfigChangeRejectedException("Invalid certificate revocation list: " + e.getMessage()
                    + ". Provide a PEM CRL starting with -----BEGIN X509 CRL-----");
        }
    }

    private static byte @Nullable [] authorityKeyIdentifier(X509CRL crl) {
        byte[] extension = crl.getExtensionValue(Extension.authorityKeyIdentifier.getId());
        return extension == null
                ? null
                : AuthorityKeyIdentifier.getInstance(ASN1OctetString.getInstance(extension).getOctets())
                        .getKeyIdentifierOctets();
    }

    private static byte @Nullable [] subjectKeyIdentifier(X509Certificate certificate) {
        byte[] extension = certificate.getExtensionValue(Extension.subjectKeyIdentifier.getId());
        return extension == null
                ? null
                : SubjectKeyIdentifier.getInstance(ASN1OctetString.getInstance(extension).getOctets())
                        .getKeyIdentifier();
    }
}
