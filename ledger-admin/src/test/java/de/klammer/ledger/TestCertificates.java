package de.klammer.ledger;

import de.klammer.ledger.internal.Certificates;
import de.klammer.ledger.internal.EcdsaSigner;
import java.io.IOException;
import java.io.Reader;
import java.io.StringWriter;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.AuthorityKeyIdentifier;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.CRLReason;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509v2CRLBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaMiscPEMGenerator;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.util.io.pem.PemWriter;

/** Issues test identities and CRLs with an organisation's CA key, with the properties Fabric expects. */
final class TestCertificates {

    private static final SecureRandom RANDOM = new SecureRandom();

    private TestCertificates() {}

    /** A certificate authority loaded from PEM files. */
    record Authority(X509Certificate certificate, PrivateKey key) {

        static Authority load(Path certificate, Path key) throws IOException {
            X509Certificate cert = Certificates.parse(com.google.protobuf.ByteString.copyFrom(Files.readAllBytes(certificate)));
            try (Reader reader = Files.newBufferedReader(key); PEMParser parser = new PEMParser(reader)) {
                PrivateKey privateKey = new JcaPEMKeyConverter().getPrivateKey((PrivateKeyInfo) parser.readObject());
                return new Authority(cert, privateKey);
            }
        }
    }

    /** An issued identity: certificate and key, usable as a signer. */
    record Issued(X509Certificate certificate, SigningIdentity signer) {}

    /** Issues an identity certificate with the given OU (for example {@code client}), no EKU, and key identifiers. */
    static Issued issue(Authority ca, String mspId, String commonName, String organizationalUnit)
            throws GeneralSecurityException, IOException, org.bouncycastle.operator.OperatorCreationException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"));
        KeyPair pair = generator.generateKeyPair();
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        JcaX509ExtensionUtils extensions = new JcaX509ExtensionUtils();
        var builder = new JcaX509v3CertificateBuilder(
                ca.certificate(),
                new BigInteger(64, RANDOM),
                notBefore(ca, now),
                Date.from(now.plus(365, ChronoUnit.DAYS)),
                new X500Name("C=DE,O=" + mspId + ",OU=" + organizationalUnit + ",CN=" + commonName),
                pair.getPublic());
        builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature));
        builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
        builder.addExtension(Extension.subjectKeyIdentifier, false, extensions.createSubjectKeyIdentifier(pair.getPublic()));
        builder.addExtension(Extension.authorityKeyIdentifier, false, authorityKeyId(ca.certificate()));
        X509Certificate certificate = new JcaX509CertificateConverter()
                .getCertificate(builder.build(new JcaContentSignerBuilder("SHA256withECDSA").build(ca.key())));
        return new Issued(certificate, new EcdsaSigner(mspId, Certificates.toPem(certificate), pair.getPrivate()));
    }

    /** Creates a self-signed root CA with a P-256 key and a SubjectKeyIdentifier, valid for one year. */
    static Authority rootCa(String organization)
            throws GeneralSecurityException, IOException, org.bouncycastle.operator.OperatorCreationException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"));
        KeyPair pair = generator.generateKeyPair();
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        X500Name subject = new X500Name("C=DE,O=" + organization + ",CN=ca." + organization);
        var builder = new JcaX509v3CertificateBuilder(subject, new BigInteger(64, RANDOM),
                Date.from(now.minus(2, ChronoUnit.HOURS)), Date.from(now.plus(365, ChronoUnit.DAYS)), subject,
                pair.getPublic());
        builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(true));
        builder.addExtension(Extension.keyUsage, true,
                new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign | KeyUsage.digitalSignature));
        builder.addExtension(Extension.subjectKeyIdentifier, false,
                new JcaX509ExtensionUtils().createSubjectKeyIdentifier(pair.getPublic()));
        X509Certificate certificate = new JcaX509CertificateConverter()
                .getCertificate(builder.build(new JcaContentSignerBuilder("SHA256withECDSA").build(pair.getPrivate())));
        return new Authority(certificate, pair.getPrivate());
    }

    /** Issues an identity certificate like {@link #issue} that also lists the given extended key usages. */
    static Issued issueWithExtendedKeyUsage(
            Authority ca, String mspId, String commonName, String organizationalUnit, KeyPurposeId... usages)
            throws GeneralSecurityException, IOException, org.bouncycastle.operator.OperatorCreationException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"));
        KeyPair pair = generator.generateKeyPair();
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        var builder = new JcaX509v3CertificateBuilder(ca.certificate(), new BigInteger(64, RANDOM),
                notBefore(ca, now), Date.from(now.plus(365, ChronoUnit.DAYS)),
                new X500Name("C=DE,O=" + mspId + ",OU=" + organizationalUnit + ",CN=" + commonName),
                pair.getPublic());
        builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature));
        builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
        builder.addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(usages));
        builder.addExtension(Extension.authorityKeyIdentifier, false, authorityKeyId(ca.certificate()));
        X509Certificate certificate = new JcaX509CertificateConverter()
                .getCertificate(builder.build(new JcaContentSignerBuilder("SHA256withECDSA").build(ca.key())));
        return new Issued(certificate, new EcdsaSigner(mspId, Certificates.toPem(certificate), pair.getPrivate()));
    }

    /**
     * Returns a start of validity inside the CA's own validity. Fabric validates an identity's chain at the
     * identity's NotBefore plus one second, so a certificate that starts before its CA does is invalid.
     */
    private static Date notBefore(Authority ca, Instant now) {
        Instant caStart = ca.certificate().getNotBefore().toInstant().plus(1, ChronoUnit.MINUTES);
        Instant hourAgo = now.minus(1, ChronoUnit.HOURS);
        return Date.from(caStart.isAfter(hourAgo) ? caStart : hourAgo);
    }

    /** Issues a CRL of the CA listing the serials, with or without an AuthorityKeyIdentifier. */
    static String crl(Authority ca, boolean withAuthorityKeyId, BigInteger... serials)
            throws GeneralSecurityException, IOException, org.bouncycastle.operator.OperatorCreationException {
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        var builder = new X509v2CRLBuilder(
                new X500Name(ca.certificate().getSubjectX500Principal().getName()), Date.from(now.minusSeconds(60)));
        builder.setNextUpdate(Date.from(now.plus(1, ChronoUnit.DAYS)));
        for (BigInteger serial : serials) {
            builder.addCRLEntry(serial, Date.from(now.minusSeconds(30)), CRLReason.cessationOfOperation);
        }
        if (withAuthorityKeyId) {
            builder.addExtension(Extension.authorityKeyIdentifier, false, authorityKeyId(ca.certificate()));
        }
        var holder = builder.build(new JcaContentSignerBuilder("SHA256withECDSA").build(ca.key()));
        StringWriter out = new StringWriter();
        try (PemWriter writer = new PemWriter(out)) {
            writer.writeObject(new JcaMiscPEMGenerator(holder));
        }
        return out.toString();
    }

    /** Builds an AuthorityKeyIdentifier whose key id is byte-equal to the CA certificate's SubjectKeyIdentifier. */
    private static AuthorityKeyIdentifier authorityKeyId(X509Certificate ca) {
        byte[] extension = ca.getExtensionValue(Extension.subjectKeyIdentifier.getId());
        byte[] keyId = org.bouncycastle.asn1.x509.SubjectKeyIdentifier.getInstance(
                        org.bouncycastle.asn1.ASN1OctetString.getInstance(extension).getOctets())
                .getKeyIdentifier();
        return new AuthorityKeyIdentifier(keyId);
    }
}
