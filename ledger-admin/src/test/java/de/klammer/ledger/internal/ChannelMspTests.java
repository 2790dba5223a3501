package de.klammer.ledger.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.math.BigInteger;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.ASN1Sequence;
import org.bouncycastle.asn1.DERBitString;
import org.bouncycastle.asn1.DERSequence;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.Certificate;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.junit.jupiter.api.Test;

class ChannelMspTests {

    @Test
    void readsOusOfMultiValuedRdn() throws Exception {
        // Fabric CA 1.5.21 writes the subject as "OU = bamf + OU = client, CN = <enrolment ID>".
        X500Name subject = new X500NameBuilder(BCStyle.INSTANCE)
                .addMultiValuedRDN(new ASN1ObjectIdentifier[] {BCStyle.OU, BCStyle.OU}, new String[] {"bamf", "client"})
                .addRDN(BCStyle.CN, "kid-test")
                .build();

        assertThat(ChannelMsp.organizationalUnits(selfSigned(subject))).containsExactly("bamf", "client");
    }

    @Test
    void readsOusOfSingleValuedRdns() throws Exception {
        X500Name subject = new X500NameBuilder(BCStyle.INSTANCE)
                .addRDN(BCStyle.OU, "admin")
                .addRDN(BCStyle.OU, "bamf")
                .addRDN(BCStyle.CN, "Admin")
                .build();

        assertThat(ChannelMsp.organizationalUnits(selfSigned(subject))).containsExactly("admin", "bamf");
    }

    @Test
    void sanitisedRewritesHighSToLowS() throws Exception {
        X509Certificate original = selfSigned(new X500Name("CN=ca.bamf.klammer.local"));
        BigInteger order = ((ECPublicKey) original.getPublicKey()).getParams().getOrder();
        X509Certificate lowS = withSignatureS(original, order, false);
        X509Certificate highS = withSignatureS(original, order, true);

        assertThat(highS.getEncoded()).isNotEqualTo(lowS.getEncoded());
        highS.verify(highS.getPublicKey());
        assertThat(ChannelMsp.sanitised(highS, highS)).isEqualTo(lowS.getEncoded());
        assertThat(ChannelMsp.sanitised(lowS, lowS)).isEqualTo(lowS.getEncoded());
    }

    /** Re-encodes the certificate with the same signature in its high-S or its low-S form; both verify. */
    private static X509Certificate withSignatureS(X509Certificate certificate, BigInteger order, boolean high)
            throws Exception {
        Certificate parsed = Certificate.getInstance(certificate.getEncoded());
        ASN1Sequence signature = ASN1Sequence.getInstance(parsed.getSignature().getOctets());
        BigInteger r = ASN1Integer.getInstance(signature.getObjectAt(0)).getValue();
        BigInteger s = ASN1Integer.getInstance(signature.getObjectAt(1)).getValue();
        boolean isHigh = s.compareTo(order.shiftRight(1)) > 0;
        if (isHigh != high) {
            s = order.subtract(s);
        }
        byte[] newSignature = new DERSequence(new ASN1Encodable[] {new ASN1Integer(r), new ASN1Integer(s)})
                .getEncoded(ASN1Encoding.DER);
        byte[] der = new DERSequence(new ASN1Encodable[] {
                    parsed.getTBSCertificate(), parsed.getSignatureAlgorithm(), new DERBitString(newSignature)})
                .getEncoded(ASN1Encoding.DER);
        return (X509Certificate) CertificateFactory.getInstance("X.509")
                .generateCertificate(new ByteArrayInputStream(der));
    }

    private static X509Certificate selfSigned(X500Name subject) throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"));
        KeyPair keys = generator.generateKeyPair();
        Instant now = Instant.now();
        var builder = new JcaX509v3CertificateBuilder(subject, BigInteger.ONE, Date.from(now),
                Date.from(now.plus(1, ChronoUnit.DAYS)), subject, keys.getPublic());
        return new JcaX509CertificateConverter()
                .getCertificate(builder.build(new JcaContentSignerBuilder("SHA256withECDSA").build(keys.getPrivate())));
    }
}
