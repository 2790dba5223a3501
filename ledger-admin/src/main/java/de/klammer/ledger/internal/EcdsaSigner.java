package de.klammer.ledger.internal;

import de.klammer.ledger.SigningIdentity;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.Provider;
import java.security.Signature;
import java.security.cert.X509Certificate;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.ASN1Sequence;
import org.bouncycastle.asn1.DERSequence;
import org.jspecify.annotations.Nullable;

/**
 * A signing identity with an EC private key: in memory, or on a PKCS#11 token whose provider computes the signature
 * there. Either way S is rewritten into the low half of the curve order afterwards.
 */
public final class EcdsaSigner implements SigningIdentity {

    private final String mspId;
    private final String certificatePem;
    private final PrivateKey privateKey;
    private final @Nullable Provider provider;
    private final BigInteger order;

    public EcdsaSigner(String mspId, String certificatePem, PrivateKey privateKey) {
        if (!(privateKey instanceof ECPrivateKey ecKey)) {
            throw new IllegalArgumentException("The key of " + mspId + " is " + privateKey.getAlgorithm()
                    + ", Fabric identities here need an EC key");
        }
        this.mspId = mspId;
        this.certificatePem = certificatePem;
        this.privateKey = privateKey;
        this.provider = null;
        this.order = ecKey.getParams().getOrder();
    }

    /**
     * Creates an identity whose key stays on a PKCS#11 token. The token key is not extractable, so the curve order
     * comes from the certificate's public key.
     */
    public EcdsaSigner(String mspId, X509Certificate certificate, PrivateKey tokenKey, Provider provider) {
        if (!(certificate.getPublicKey() instanceof ECPublicKey publicKey)) {
            throw new IllegalArgumentException("The certificate of " + mspId + " on the PKCS#11 token has a "
                    + certificate.getPublicKey().getAlgorithm() + " key; Fabric identities here need an EC key");
        }
        this.mspId = mspId;
        this.certificatePem = Certificates.toPem(certificate);
        this.privateKey = tokenKey;
        this.provider = provider;
        this.order = publicKey.getParams().getOrder();
    }

    @Override
    public String mspId() {
        return mspId;
    }

    @Override
    public String certificatePem() {
        return certificatePem;
    }

    @Override
    public byte[] sign(byte[] message) {
        try {
            Signature signature = provider == null
                    ? Signature.getInstance("SHA256withECDSA")
                    : Signature.getInstance("SHA256withECDSA", provider);
            signature.initSign(privateKey);
            signature.update(message);
            return toLowS(signature.sign(), order);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Signing as " + mspId + " failed"
                    + (provider == null ? "" : " on PKCS#11 provider " + provider.getName()), e);
        }
    }

    /** Rewrites a DER ECDSA signature so that S is at most half the curve order; Fabric rejects a high S. */
    static byte[] toLowS(byte[] der, BigInteger order) {
        try {
            ASN1Sequence sequence = ASN1Sequence.getInstance(der);
            BigInteger r = ASN1Integer.getInstance(sequence.getObjectAt(0)).getValue();
            BigInteger s = ASN1Integer.getInstance(sequence.getObjectAt(1)).getValue();
            if (s.compareTo(order.shiftRight(1)) > 0) {
                s = order.subtract(s);
            }
            return new DERSequence(new org.bouncycastle.asn1.ASN1Encodable[] {new ASN1Integer(r), new ASN1Integer(s)})
                    .getEncoded("DER");
        } catch (java.io.IOException e) {
            throw new IllegalStateException("Cannot re-encode ECDSA signature", e);
        }
    }
}
