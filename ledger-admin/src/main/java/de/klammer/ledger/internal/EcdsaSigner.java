package de.klammer.ledger.internal;

import de.klammer.ledger.SigningIdentity;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.interfaces.ECPrivateKey;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.ASN1Sequence;
import org.bouncycastle.asn1.DERSequence;

/** A software signing identity holding an EC private key in memory. */
public final class EcdsaSigner implements SigningIdentity {

    private final String mspId;
    private final String certificatePem;
    private final PrivateKey privateKey;

    public EcdsaSigner(String mspId, String certificatePem, PrivateKey privateKey) {
        if (!(privateKey instanceof ECPrivateKey)) {
            throw new IllegalArgumentException("The key of " + mspId + " is " + privateKey.getAlgorithm()
                    + ", Fabric identities here need an EC key");
        }
        this.mspId = mspId;
        this.certificatePem = certificatePem;
        this.privateKey = privateKey;
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
            Signature signature = Signature.getInstance("SHA256withECDSA");
            signature.initSign(privateKey);
            signature.update(message);
            BigInteger order = ((ECPrivateKey) privateKey).getParams().getOrder();
            return toLowS(signature.sign(), order);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Signing as " + mspId + " failed", e);
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
