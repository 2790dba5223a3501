package de.klammer.identity;

import de.klammer.identity.InvalidCsrException.Reason;
import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;
import java.util.Set;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.DERUTF8String;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.sec.SECObjectIdentifiers;
import org.bouncycastle.asn1.x500.AttributeTypeAndValue;
import org.bouncycastle.asn1.x500.RDN;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x500.style.IETFUtils;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.Extensions;
import org.bouncycastle.asn1.x9.ECNamedCurveTable;
import org.bouncycastle.asn1.x9.X9ObjectIdentifiers;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.RuntimeOperatorException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.operator.jcajce.JcaContentVerifierProviderBuilder;
import org.bouncycastle.pkcs.PKCS10CertificationRequest;
import org.bouncycastle.pkcs.PKCSException;
import org.bouncycastle.pkcs.jcajce.JcaPKCS10CertificationRequestBuilder;

/**
 * Creates and checks PKCS#10 certificate signing requests for Fabric CA enrollment. Klammer accepts only EC P-256
 * keys with ECDSA-SHA256 signatures, which every Fabric MSP verifies, and a subject whose common name is the
 * enrollment ID, because the CA rejects other common names.
 */
public final class CertificateSigningRequests {

    /** Subject attributes that the CA copies into the certificate unchanged, or (OU) replaces. */
    private static final Set<ASN1ObjectIdentifier> ALLOWED_SUBJECT_ATTRIBUTES =
            Set.of(BCStyle.CN, BCStyle.C, BCStyle.ST, BCStyle.L, BCStyle.O, BCStyle.OU);

    private CertificateSigningRequests() {}

    /** Generates an EC key pair on curve P-256 (secp256r1). */
    public static KeyPair newKeyPair() {
        try {
            var generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"));
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("This JDK cannot generate EC P-256 keys", e);
        }
    }

    /** Creates a PEM CSR whose subject is only {@code CN=<enrollmentId>}, signed with ECDSA-SHA256. */
    public static String create(String enrollmentId, KeyPair keyPair) {
        try {
            var subject = new X500Name(new RDN[] {new RDN(BCStyle.CN, new DERUTF8String(enrollmentId))});
            var signer = new JcaContentSignerBuilder("SHA256withECDSA").build(keyPair.getPrivate());
            PKCS10CertificationRequest csr =
                    new JcaPKCS10CertificationRequestBuilder(subject, keyPair.getPublic()).build(signer);
            var pem = new StringWriter();
            try (var writer = new JcaPEMWriter(pem)) {
                writer.writeObject(csr);
            }
            return pem.toString();
        } catch (OperatorCreationException | IOException e) {
            throw new IllegalStateException("Cannot create a CSR for " + enrollmentId, e);
        }
    }

    /**
     * Checks an uploaded CSR before it goes to the CA. The CSR must
     *
     * <ul>
     *   <li>parse, and its signature must verify with its own EC P-256 key and be ECDSA-SHA256;
     *   <li>have a subject with exactly one common name, the enrollment ID, and only the attributes CN, C, ST, L, O
     *       and OU;
     *   <li>request no extension except SubjectAlternativeName.
     * </ul>
     *
     * @throws InvalidCsrException naming the failed check
     */
    public static void validate(String csrPem, String enrollmentId) {
        PKCS10CertificationRequest csr = parse(csrPem, enrollmentId);
        checkKey(csr, enrollmentId);
        checkSignature(csr, enrollmentId);
        checkSubject(csr.getSubject(), enrollmentId);
        checkExtensions(csr, enrollmentId);
    }

    /** Parses a PEM CSR without checking it. */
    static PKCS10CertificationRequest parse(String csrPem, String enrollmentId) {
        Object parsed;
        Object extra;
        try (var parser = new PEMParser(new StringReader(csrPem))) {
            parsed = parser.readObject();
            extra = parsed == null ? null : parser.readObject();
        } catch (IOException | RuntimeException e) {
            // BouncyCastle reports malformed Base64 and ASN.1 with several unchecked exception types.
            throw new InvalidCsrException(
                    enrollmentId,
                    Reason.NOT_PARSEABLE,
                    "The CSR for " + enrollmentId + " cannot be parsed (" + e.getMessage()
                            + "). Upload a PKCS#10 request in PEM form.");
        }
        if (!(parsed instanceof PKCS10CertificationRequest csr)) {
            throw new InvalidCsrException(
                    enrollmentId,
                    Reason.NOT_PARSEABLE,
                    "The CSR for " + enrollmentId
                            + " is not a PEM CERTIFICATE REQUEST. Upload a PKCS#10 request in PEM form.");
        }
        if (extra != null) {
            throw new InvalidCsrException(
                    enrollmentId,
                    Reason.NOT_PARSEABLE,
                    "The CSR upload for " + enrollmentId + " contains more than one PEM object. Upload one CSR.");
        }
        return csr;
    }

    private static void checkKey(PKCS10CertificationRequest csr, String enrollmentId) {
        AlgorithmIdentifier algorithm = csr.getSubjectPublicKeyInfo().getAlgorithm();
        if (!X9ObjectIdentifiers.id_ecPublicKey.equals(algorithm.getAlgorithm())) {
            String name = PKCSObjectIdentifiers.rsaEncryption.equals(algorithm.getAlgorithm())
                    ? "RSA"
                    : algorithm.getAlgorithm().getId();
            throw new InvalidCsrException(
                    enrollmentId,
                    Reason.KEY_ALGORITHM,
                    "The CSR for " + enrollmentId + " has a " + name
                            + " key. Generate an EC key on curve P-256 (secp256r1) instead.");
        }
        if (!(algorithm.getParameters() instanceof ASN1ObjectIdentifier curve)
                || !SECObjectIdentifiers.secp256r1.equals(curve)) {
            String name = algorithm.getParameters() instanceof ASN1ObjectIdentifier curve
                    ? curveName(curve)
                    : "explicit or missing curve parameters";
            throw new InvalidCsrException(
                    enrollmentId,
                    Reason.CURVE,
                    "The CSR for " + enrollmentId + " has an EC key on " + name
                            + ". Generate the key on curve P-256 (secp256r1) instead.");
        }
    }

    private static String curveName(ASN1ObjectIdentifier curve) {
        String name = ECNamedCurveTable.getName(curve);
        return name == null ? "curve " + curve.getId() : "curve " + name;
    }

    private static void checkSignature(PKCS10CertificationRequest csr, String enrollmentId) {
        if (!X9ObjectIdentifiers.ecdsa_with_SHA256.equals(
                csr.getSignatureAlgorithm().getAlgorithm())) {
            throw new InvalidCsrException(
                    enrollmentId,
                    Reason.SIGNATURE_ALGORITHM,
                    "The CSR for " + enrollmentId
                            + " is signed with "
                            + csr.getSignatureAlgorithm().getAlgorithm().getId()
                            + ". Sign it with ECDSA-SHA256 (1.2.840.10045.4.3.2).");
        }
        boolean valid;
        try {
            valid = csr.isSignatureValid(new JcaContentVerifierProviderBuilder().build(csr.getSubjectPublicKeyInfo()));
        } catch (OperatorCreationException | PKCSException | RuntimeOperatorException e) {
            // BouncyCastle raises RuntimeOperatorException when the signature's ASN.1 encoding is invalid.
            valid = false;
        }
        if (!valid) {
            throw new InvalidCsrException(
                    enrollmentId,
                    Reason.BAD_SIGNATURE,
                    "The signature of the CSR for "
                            + enrollmentId + " does not verify with the CSR's public key. Create the CSR again with the"
                            + " private key that belongs to that public key.");
        }
    }

    private static void checkSubject(X500Name subject, String enrollmentId) {
        int commonNames = 0;
        for (RDN rdn : subject.getRDNs()) {
            for (AttributeTypeAndValue attribute : rdn.getTypesAndValues()) {
                if (!ALLOWED_SUBJECT_ATTRIBUTES.contains(attribute.getType())) {
                    throw new InvalidCsrException(
                            enrollmentId,
                            Reason.SUBJECT_ATTRIBUTE,
                            "The CSR subject for "
                                    + enrollmentId + " contains attribute "
                                    + BCStyle.INSTANCE.oidToDisplayName(attribute.getType())
                                    + " (" + attribute.getType().getId() + "). Use only CN, C, ST, L, O and OU.");
                }
                if (BCStyle.CN.equals(attribute.getType())) {
                    commonNames++;
                    String commonName = IETFUtils.valueToString(attribute.getValue());
                    if (!commonName.equals(enrollmentId)) {
                        throw new InvalidCsrException(
                                enrollmentId,
                                Reason.COMMON_NAME,
                                "The CSR common name does not"
                                        + " equal the enrollment ID " + enrollmentId + ". Set CN=" + enrollmentId
                                        + ", because Fabric CA rejects any other common name.");
                    }
                }
            }
        }
        if (commonNames != 1) {
            throw new InvalidCsrException(
                    enrollmentId,
                    Reason.COMMON_NAME,
                    "The CSR subject for " + enrollmentId + " has " + commonNames
                            + " common names. Give exactly one: CN=" + enrollmentId + ".");
        }
    }

    private static void checkExtensions(PKCS10CertificationRequest csr, String enrollmentId) {
        Extensions extensions = csr.getRequestedExtensions();
        if (extensions == null) {
            return;
        }
        for (ASN1ObjectIdentifier oid : extensions.getExtensionOIDs()) {
            if (!Extension.subjectAlternativeName.equals(oid)) {
                throw new InvalidCsrException(
                        enrollmentId,
                        Reason.EXTENSION,
                        "The CSR for " + enrollmentId
                                + " requests extension " + oid.getId()
                                + ". Request none, or only SubjectAlternativeName;"
                                + " the CA adds the extensions an identity needs.");
            }
        }
    }
}
