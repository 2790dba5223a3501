package de.klammer.identity;

import java.io.IOException;
import java.io.StringWriter;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.Extensions;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.pkcs.PKCS10CertificationRequest;
import org.bouncycastle.pkcs.jcajce.JcaPKCS10CertificationRequestBuilder;
import org.jspecify.annotations.Nullable;

/** Builds CSRs that {@link CertificateSigningRequests#create} would never make, for negative tests. */
final class TestCsrs {

    private TestCsrs() {}

    static KeyPair keyPair(String algorithm, @Nullable String curve) throws Exception {
        var generator = KeyPairGenerator.getInstance(algorithm);
        if (curve != null) {
            generator.initialize(new ECGenParameterSpec(curve));
        } else {
            generator.initialize(2048);
        }
        return generator.generateKeyPair();
    }

    static String csr(String subject, KeyPair keyPair, String signatureAlgorithm, @Nullable Extensions extensions)
            throws Exception {
        var builder = new JcaPKCS10CertificationRequestBuilder(new X500Name(subject), keyPair.getPublic());
        if (extensions != null) {
            builder.addAttribute(PKCSObjectIdentifiers.pkcs_9_at_extensionRequest, extensions);
        }
        PKCS10CertificationRequest csr =
                builder.build(new JcaContentSignerBuilder(signatureAlgorithm).build(keyPair.getPrivate()));
        return pem(csr);
    }

    static String pem(PKCS10CertificationRequest csr) throws IOException {
        var out = new StringWriter();
        try (var writer = new JcaPEMWriter(out)) {
            writer.writeObject(csr);
        }
        return out.toString();
    }
}
