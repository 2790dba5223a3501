package de.klammer.ledger.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
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
