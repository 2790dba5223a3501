package de.klammer.identity.internal;

import de.klammer.identity.SigningIdentity;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.Signature;
import java.security.interfaces.ECPrivateKey;
import java.util.Base64;
import org.bouncycastle.asn1.ASN1EncodableVector;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.ASN1Sequence;
import org.bouncycastle.asn1.DERSequence;

/**
 * Fabric CA token authorization (fabric-ca v1.5 {@code util.GenECDSAToken}): the {@code Authorization} header is
 * {@code base64(certPEM) + "." + base64(signature)}, where the signature is ECDSA with SHA-256 over
 * {@code METHOD + "." + base64(requestURI) + "." + base64(body) + "." + base64(certPEM)} in DER with a low S value.
 */
public final class AuthorizationTokens {

    private AuthorizationTokens() {}

    /**
     * Creates the header value for a request.
     *
     * @param requestUri path and query exactly as sent, for example {@code /api/v1/identities?ca=ca-bamf}
     * @param body the exact request body bytes, empty for GET and DELETE
     */
    public static String create(SigningIdentity identity, String method, String requestUri, byte[] body) {
        Base64.Encoder base64 = Base64.getEncoder();
        String certificate = base64.encodeToString(identity.certificatePem().getBytes(StandardCharsets.US_ASCII));
        String payload = method + "." + base64.encodeToString(requestUri.getBytes(StandardCharsets.UTF_8)) + "."
                + base64.encodeToString(body) + "." + certificate;
        byte[] signature = sign(identity, payload.getBytes(StandardCharsets.US_ASCII));
        return certificate + "." + base64.encodeToString(signature);
    }

    private static byte[] sign(SigningIdentity identity, byte[] payload) {
        try {
            var signer = Signature.getInstance("SHA256withECDSA");
            signer.initSign(identity.privateKey());
            signer.update(payload);
            BigInteger order =
                    ((ECPrivateKey) identity.privateKey()).getParams().getOrder();
            return toLowS(signer.sign(), order);
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException("Cannot sign a Fabric CA token as " + identity, e);
        }
    }

    /**
     * Replaces S by order - S when S is above half the curve order. Fabric's verifier rejects high-S signatures, and
     * the JDK produces either form.
     */
    static byte[] toLowS(byte[] derSignature, BigInteger order) throws IOException {
        ASN1Sequence sequence = ASN1Sequence.getInstance(derSignature);
        BigInteger r = ASN1Integer.getInstance(sequence.getObjectAt(0)).getValue();
        BigInteger s = ASN1Integer.getInstance(sequence.getObjectAt(1)).getValue();
        if (s.compareTo(order.shiftRight(1)) <= 0) {
            return derSignature;
        }
        var vector = new ASN1EncodableVector(2);
        vector.add(new ASN1Integer(r));
        vector.add(new ASN1Integer(order.subtract(s)));
        return new DERSequence(vector).getEncoded();
    }
}
