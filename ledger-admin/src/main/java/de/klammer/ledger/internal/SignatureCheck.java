package de.klammer.ledger.internal;

import com.google.protobuf.ByteString;
import com.google.protobuf.InvalidProtocolBufferException;
import de.klammer.ledger.PolicyRule.IdentityPrincipal;
import de.klammer.ledger.PolicyRule.OuPrincipal;
import de.klammer.ledger.PolicyRule.Principal;
import de.klammer.ledger.PolicyRule.RolePrincipal;
import de.klammer.ledger.RequiredSignature;
import de.klammer.ledger.SignatureVerdict;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.Signature;
import java.security.cert.X509Certificate;
import java.security.interfaces.ECPublicKey;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import javax.security.auth.x500.X500Principal;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.ASN1Sequence;
import org.hyperledger.fabric.protos.common.Common.SignatureHeader;
import org.hyperledger.fabric.protos.common.Configtx.ConfigSignature;
import org.hyperledger.fabric.protos.msp.Identities.SerializedIdentity;

/**
 * Turns config signatures into distinct verified identities and evaluates them against the policies an update
 * needs. Like Fabric, it drops signatures whose identity is unknown or whose signature does not verify (including
 * a high S value), and counts each identity once.
 */
public final class SignatureCheck {

    private SignatureCheck() {}

    /** A signer whose signature verified, bound to its channel MSP. */
    public record VerifiedIdentity(String mspId, X509Certificate certificate, ChannelMsp msp)
            implements PolicyEvaluator.Candidate {

        @Override
        public boolean satisfies(Principal principal) {
            return switch (principal) {
                case RolePrincipal role -> role.mspId().equals(mspId) && msp.satisfies(certificate, role.role());
                case OuPrincipal ou -> ou.mspId().equals(mspId) && msp.satisfiesOu(certificate, ou.organizationalUnit(), ou.certifiersIdentifier());
                case IdentityPrincipal identity -> identity.mspId().equals(mspId)
                        && identity.certificateSubject().equals(
                                certificate.getSubjectX500Principal().getName(X500Principal.RFC2253));
                default -> false;
            };
        }
    }

    /** The distinct identities behind a set of signatures, and the reasons for the ones dropped. */
    public record Identities(List<VerifiedIdentity> verified, List<String> ignored) {}

    /** Verifies each signature over {@code signature_header || config_update} and removes duplicate signers. */
    public static Identities verify(byte[] configUpdate, List<byte[]> signatures, PolicyEvaluator evaluator) {
        List<VerifiedIdentity> verified = new ArrayList<>();
        List<String> ignored = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>();
        for (int i = 0; i < signatures.size(); i++) {
            try {
                ConfigSignature signature = ConfigSignature.parseFrom(signatures.get(i));
                SignatureHeader header = SignatureHeader.parseFrom(signature.getSignatureHeader());
                SerializedIdentity creator = SerializedIdentity.parseFrom(header.getCreator());
                Optional<ChannelMsp> msp = evaluator.msp(creator.getMspid());
                if (msp.isEmpty()) {
                    ignored.add("signature " + (i + 1) + ": MSP '" + creator.getMspid() + "' is not on the channel");
                    continue;
                }
                X509Certificate certificate = Certificates.parse(creator.getIdBytes());
                byte[] signed = signature.getSignatureHeader().concat(ByteString.copyFrom(configUpdate)).toByteArray();
                if (!verifies(certificate, signed, signature.getSignature().toByteArray())) {
                    ignored.add("signature " + (i + 1) + " by " + creator.getMspid() + " does not verify over this update");
                    continue;
                }
                String identityKey = creator.getMspid() + "/" + Certificates.fingerprint(certificate);
                if (!seen.add(identityKey)) {
                    ignored.add("signature " + (i + 1) + " repeats an identity of " + creator.getMspid()
                            + " that already signed");
                    continue;
                }
                verified.add(new VerifiedIdentity(creator.getMspid(), certificate, msp.get()));
            } catch (InvalidProtocolBufferException | IllegalArgumentException e) {
                ignored.add("signature " + (i + 1) + " is malformed: " + e.getMessage());
            }
        }
        return new Identities(verified, ignored);
    }

    /** Evaluates signatures against the required policies. */
    public static SignatureVerdict evaluate(
            byte[] configUpdate, List<byte[]> signatures, List<RequiredSignature> required, PolicyEvaluator evaluator) {
        Identities identities = verify(configUpdate, signatures, evaluator);
        List<String> missing = new ArrayList<>();
        for (RequiredSignature requirement : required) {
            if (!evaluator.evaluate(requirement.policyPath(), identities.verified())) {
                missing.add(requirement.describe());
            }
        }
        List<String> counted = identities.verified().stream().map(VerifiedIdentity::mspId).distinct().toList();
        return new SignatureVerdict(missing.isEmpty(), missing, counted, identities.ignored());
    }

    private static boolean verifies(X509Certificate certificate, byte[] data, byte[] signature) {
        try {
            if (!(certificate.getPublicKey() instanceof ECPublicKey key)) {
                return false;
            }
            ASN1Sequence sequence = ASN1Sequence.getInstance(signature);
            BigInteger s = ASN1Integer.getInstance(sequence.getObjectAt(1)).getValue();
            if (s.compareTo(key.getParams().getOrder().shiftRight(1)) > 0) {
                return false;
            }
            Signature verifier = Signature.getInstance("SHA256withECDSA");
            verifier.initVerify(key);
            verifier.update(data);
            return verifier.verify(signature);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return false;
        }
    }
}
