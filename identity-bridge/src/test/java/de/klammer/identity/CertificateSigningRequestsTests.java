package de.klammer.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatNoException;

import de.klammer.identity.InvalidCsrException.Reason;
import java.security.KeyPair;
import org.bouncycastle.asn1.pkcs.CertificationRequest;
import org.bouncycastle.asn1.pkcs.CertificationRequestInfo;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.Extensions;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.pkcs.PKCS10CertificationRequest;
import org.junit.jupiter.api.Test;

class CertificateSigningRequestsTests {

    private static final String ID = "kid-abcdefghijklmnopqrst";

    @Test
    void acceptsOwnP256Request() {
        String csr = CertificateSigningRequests.create(ID, CertificateSigningRequests.newKeyPair());

        assertThatNoException().isThrownBy(() -> CertificateSigningRequests.validate(csr, ID));
    }

    @Test
    void acceptsOrganizationAndDnsName() throws Exception {
        var names = new GeneralNames(new GeneralName(GeneralName.dNSName, "client.bamf.example"));
        var extensions = new Extensions(new Extension(Extension.subjectAlternativeName, false, names.getEncoded()));
        String csr = TestCsrs.csr(
                "C=DE, O=BAMF, CN=" + ID, CertificateSigningRequests.newKeyPair(), "SHA256withECDSA", extensions);

        assertThatNoException().isThrownBy(() -> CertificateSigningRequests.validate(csr, ID));
    }

    @Test
    void rejectsRsaKey() throws Exception {
        String csr = TestCsrs.csr("CN=" + ID, TestCsrs.keyPair("RSA", null), "SHA256withRSA", null);

        assertRejected(csr, Reason.KEY_ALGORITHM, "RSA key");
    }

    @Test
    void rejectsP384Key() throws Exception {
        String csr = TestCsrs.csr("CN=" + ID, TestCsrs.keyPair("EC", "secp384r1"), "SHA256withECDSA", null);

        assertRejected(csr, Reason.CURVE, "secp384r1");
    }

    @Test
    void rejectsSha384Signature() throws Exception {
        String csr = TestCsrs.csr("CN=" + ID, CertificateSigningRequests.newKeyPair(), "SHA384withECDSA", null);

        assertRejected(csr, Reason.SIGNATURE_ALGORITHM, "ECDSA-SHA256");
    }

    @Test
    void rejectsCommonNameMismatch() {
        String csr =
                CertificateSigningRequests.create("kid-zzzzzzzzzzzzzzzzzzzz", CertificateSigningRequests.newKeyPair());

        assertRejected(csr, Reason.COMMON_NAME, "CN=" + ID);
    }

    @Test
    void rejectsMissingCommonName() throws Exception {
        String csr = TestCsrs.csr("O=BAMF", CertificateSigningRequests.newKeyPair(), "SHA256withECDSA", null);

        assertRejected(csr, Reason.COMMON_NAME, "0 common names");
    }

    @Test
    void rejectsEmailSubjectAttribute() throws Exception {
        String csr = TestCsrs.csr(
                "E=clerk@example.org, CN=" + ID, CertificateSigningRequests.newKeyPair(), "SHA256withECDSA", null);

        assertRejected(csr, Reason.SUBJECT_ATTRIBUTE, "Use only CN, C, ST, L, O and OU");
    }

    @Test
    void rejectsCaExtensionRequest() throws Exception {
        var extensions = new Extensions(
                new Extension(Extension.basicConstraints, true, new BasicConstraints(true).getEncoded()));
        String csr = TestCsrs.csr("CN=" + ID, CertificateSigningRequests.newKeyPair(), "SHA256withECDSA", extensions);

        assertRejected(csr, Reason.EXTENSION, "2.5.29.19");
    }

    @Test
    void rejectsBadSignature() throws Exception {
        // The subject is swapped after signing, so the signature no longer covers the request.
        KeyPair keyPair = CertificateSigningRequests.newKeyPair();
        PKCS10CertificationRequest signed = CertificateSigningRequests.parse(
                CertificateSigningRequests.create("kid-zzzzzzzzzzzzzzzzzzzz", keyPair), ID);
        CertificationRequest original = signed.toASN1Structure();
        CertificationRequestInfo info = original.getCertificationRequestInfo();
        var tampered = new CertificationRequest(
                new CertificationRequestInfo(
                        new X500Name("CN=" + ID), info.getSubjectPublicKeyInfo(), info.getAttributes()),
                original.getSignatureAlgorithm(),
                original.getSignature());

        String csr = TestCsrs.pem(new PKCS10CertificationRequest(tampered));

        assertRejected(csr, Reason.BAD_SIGNATURE, "does not verify");
    }

    @Test
    void rejectsNonPemInput() {
        assertRejected("not a certificate request", Reason.NOT_PARSEABLE, "PKCS#10");
    }

    @Test
    void rejectsTwoRequests() {
        String single = CertificateSigningRequests.create(ID, CertificateSigningRequests.newKeyPair());

        assertRejected(single + single, Reason.NOT_PARSEABLE, "more than one");
    }

    private static void assertRejected(String csr, Reason reason, String messagePart) {
        var thrown = assertThatExceptionOfType(InvalidCsrException.class)
                .isThrownBy(() -> CertificateSigningRequests.validate(csr, ID))
                .withMessageContaining(messagePart)
                .withMessageContaining(ID)
                .actual();
        assertThat(thrown.reason()).isEqualTo(reason);
        assertThat(thrown.enrollmentId()).isEqualTo(ID);
    }
}
