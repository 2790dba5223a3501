package de.klammer.identity.internal;

import static org.assertj.core.api.Assertions.assertThat;

import de.klammer.identity.CertificateSigningRequests;
import de.klammer.identity.SigningIdentity;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.Signature;
import java.security.cert.X509Certificate;
import java.security.interfaces.ECPrivateKey;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.ASN1Sequence;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.junit.jupiter.api.Test;

class AuthorizationTokensTests {

    @Test
    void signsMethodUriBodyAndCertificate() throws Exception {
        SigningIdentity identity = identity();
        byte[] body = "{\"id\":\"kid-x\"}".getBytes(StandardCharsets.UTF_8);

        String token = AuthorizationTokens.create(identity, "POST", "/api/v1/register?ca=ca-bamf", body);

        String[] parts = token.split("\\.");
        assertThat(parts).hasSize(2);
        Base64.Decoder base64 = Base64.getDecoder();
        assertThat(new String(base64.decode(parts[0]), StandardCharsets.US_ASCII))
                .isEqualTo(identity.certificatePem());
        Base64.Encoder encoder = Base64.getEncoder();
        String payload =
                "POST." + encoder.encodeToString("/api/v1/register?ca=ca-bamf".getBytes(StandardCharsets.UTF_8)) + "."
                        + encoder.encodeToString(body) + "." + parts[0];
        Signature verifier = Signature.getInstance("SHA256withECDSA");
        verifier.initVerify(identity.certificate().getPublicKey());
        verifier.update(payload.getBytes(StandardCharsets.US_ASCII));
        assertThat(verifier.verify(base64.decode(parts[1]))).isTrue();
    }

    @Test
    void producesOnlyLowSSignatures() throws Exception {
        SigningIdentity identity = identity();
        BigInteger halfOrder =
                ((ECPrivateKey) identity.privateKey()).getParams().getOrder().shiftRight(1);

        for (int i = 0; i < 64; i++) {
            String token =
                    AuthorizationTokens.create(identity, "GET", "/api/v1/identities?ca=ca-bamf&n=" + i, new byte[0]);
            byte[] signature = Base64.getDecoder().decode(token.substring(token.indexOf('.') + 1));
            BigInteger s = ASN1Integer.getInstance(
                            ASN1Sequence.getInstance(signature).getObjectAt(1))
                    .getValue();
            assertThat(s).as("S of signature %d", i).isLessThanOrEqualTo(halfOrder);
        }
    }

    @Test
    void flipsHighSIntoLowS() throws Exception {
        BigInteger order = new BigInteger("ffffffff00000000ffffffffffffffffbce6faada7179e84f3b9cac2fc632551", 16);
        BigInteger highS = order.subtract(BigInteger.valueOf(5));
        byte[] der = new org.bouncycastle.asn1.DERSequence(new org.bouncycastle.asn1.ASN1Encodable[] {
                    new ASN1Integer(BigInteger.TWO), new ASN1Integer(highS)
                })
                .getEncoded();

        byte[] low = AuthorizationTokens.toLowS(der, order);

        ASN1Sequence sequence = ASN1Sequence.getInstance(low);
        assertThat(ASN1Integer.getInstance(sequence.getObjectAt(0)).getValue()).isEqualTo(BigInteger.TWO);
        assertThat(ASN1Integer.getInstance(sequence.getObjectAt(1)).getValue()).isEqualTo(BigInteger.valueOf(5));
    }

    private static SigningIdentity identity() throws Exception {
        KeyPair keyPair = CertificateSigningRequests.newKeyPair();
        Instant now = Instant.now();
        var name = new X500Name("CN=registrar");
        X509Certificate certificate = new JcaX509CertificateConverter()
                .getCertificate(new JcaX509v3CertificateBuilder(
                                name,
                                BigInteger.ONE,
                                Date.from(now),
                                Date.from(now.plus(Duration.ofDays(1))),
                                name,
                                keyPair.getPublic())
                        .build(new JcaContentSignerBuilder("SHA256withECDSA").build(keyPair.getPrivate())));
        return new SigningIdentity(certificate, keyPair.getPrivate());
    }
}
