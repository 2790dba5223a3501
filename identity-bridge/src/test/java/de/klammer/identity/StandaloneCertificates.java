package de.klammer.identity;

import java.math.BigInteger;
import java.security.KeyPair;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/** Self-signed certificates for tests that need any certificate. */
final class StandaloneCertificates {

    private StandaloneCertificates() {}

    static X509Certificate selfSigned(String subject) {
        try {
            KeyPair keyPair = CertificateSigningRequests.newKeyPair();
            Instant now = Instant.now();
            var name = new X500Name(subject);
            return new JcaX509CertificateConverter()
                    .getCertificate(new JcaX509v3CertificateBuilder(
                                    name,
                                    BigInteger.ONE,
                                    Date.from(now),
                                    Date.from(now.plus(Duration.ofDays(1))),
                                    name,
                                    keyPair.getPublic())
                            .build(new JcaContentSignerBuilder("SHA256withECDSA").build(keyPair.getPrivate())));
        } catch (OperatorCreationException | java.security.cert.CertificateException e) {
            throw new IllegalStateException(e);
        }
    }
}
