package de.klammer.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import de.klammer.identity.internal.Certificates;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigInteger;
import java.security.KeyPair;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.cert.X509CRL;
import java.security.cert.X509CRLEntry;
import java.security.cert.X509Certificate;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Runs every Fabric CA operation of {@link FabricCaClient} against the BAMF CA of the local network. */
class FabricCaIT {

    private static final String MSP_ID = "BamfMSP";
    private static final char[] PASSWORD = "correct horse battery".toCharArray();

    private static FabricCaClient client;
    private static X509Certificate mspRoot;
    private static String department;

    @BeforeAll
    static void connect() {
        TestNetwork network = TestNetwork.get();
        client = network.caClient(MSP_ID);
        mspRoot = network.mspRootCertificate(MSP_ID);
        department =
                network.affiliation(MSP_ID) + "." + network.departments(MSP_ID).getFirst();
    }

    @Test
    void reportsMspRootInCaInfo() {
        CaInfo info = client.caInfo();

        assertThat(info.caName()).isEqualTo(client.caName());
        assertThat(info.version()).isEqualTo("1.5.21");
        assertThat(info.caChain()).containsExactly(mspRoot);
    }

    @Test
    void issuesCertificateChainingToMspRoot() throws Exception {
        Registration registration = client.register(clerkRequest(2));
        KeyPair keyPair = CertificateSigningRequests.newKeyPair();
        String csr = CertificateSigningRequests.create(registration.enrollmentId(), keyPair);

        Enrollment enrollment = client.enroll(registration.enrollmentId(), registration.secret(), csr, List.of());

        X509Certificate certificate = enrollment.certificate();
        assertThat(EnrollmentIds.isPseudonymous(registration.enrollmentId())).isTrue();
        assertThat(Certificates.commonName(certificate)).isEqualTo(registration.enrollmentId());
        assertThat(certificate.getPublicKey()).isEqualTo(keyPair.getPublic());
        assertThat(certificate.getIssuerX500Principal()).isEqualTo(mspRoot.getSubjectX500Principal());
        assertThat(Certificates.authorityKeyIdentifier(certificate))
                .isNotNull()
                .isEqualTo(Certificates.subjectKeyIdentifier(mspRoot));
        certificate.verify(mspRoot.getPublicKey());
        assertThat(certificate.getBasicConstraints()).as("not a CA certificate").isEqualTo(-1);
        assertThat(certificate.getExtendedKeyUsage())
                .as("no extended key usage")
                .isNull();
        assertThat(EnrollmentCertificates.organizationalUnits(certificate))
                .containsExactlyInAnyOrder("client", "bamf", department.substring(department.indexOf('.') + 1));
        assertThat(EnrollmentCertificates.attributes(certificate))
                .containsEntry("klammer.role", "clerk")
                .containsEntry("hf.EnrollmentID", registration.enrollmentId())
                .containsEntry("hf.Type", "client")
                .containsEntry("hf.Affiliation", department);
        assertThat(enrollment.caChain()).containsExactly(mspRoot);
    }

    @Test
    void enrollsGeneratedKeyIntoPkcs12() throws Exception {
        Registration registration = client.register(clerkRequest(1));

        KeyStoreEnrollment enrollment =
                client.enrollWithGeneratedKey(registration.enrollmentId(), registration.secret(), List.of(), PASSWORD);

        KeyStore keyStore = KeyStore.getInstance("PKCS12");
        keyStore.load(new ByteArrayInputStream(enrollment.pkcs12()), PASSWORD);
        var key = (PrivateKey) keyStore.getKey(enrollment.alias(), PASSWORD);
        var chain = keyStore.getCertificateChain(enrollment.alias());
        assertThat(chain).hasSize(2);
        assertThat(chain[0]).isEqualTo(enrollment.certificate());
        assertThat(chain[1]).isEqualTo(mspRoot);
        assertThat(signsFor(key, enrollment.certificate()))
                .as("key matches certificate")
                .isTrue();
        assertThat(Certificates.commonName(enrollment.certificate())).isEqualTo(registration.enrollmentId());
    }

    @Test
    void rejectsWrongPkcs12Password() {
        Registration registration = client.register(clerkRequest(1));
        KeyStoreEnrollment enrollment =
                client.enrollWithGeneratedKey(registration.enrollmentId(), registration.secret(), List.of(), PASSWORD);

        assertThatExceptionOfType(IOException.class).isThrownBy(() -> KeyStore.getInstance("PKCS12")
                .load(new ByteArrayInputStream(enrollment.pkcs12()), "wrong password!".toCharArray()));
    }

    @Test
    void reenrollsWithNewKey() throws Exception {
        Registration registration = client.register(clerkRequest(1));
        KeyPair firstKey = CertificateSigningRequests.newKeyPair();
        Enrollment first = client.enroll(
                registration.enrollmentId(),
                registration.secret(),
                CertificateSigningRequests.create(registration.enrollmentId(), firstKey),
                List.of());
        KeyPair secondKey = CertificateSigningRequests.newKeyPair();

        Enrollment second = client.reenroll(
                new SigningIdentity(first.certificate(), firstKey.getPrivate()),
                CertificateSigningRequests.create(registration.enrollmentId(), secondKey));

        assertThat(second.certificate().getSerialNumber())
                .isNotEqualTo(first.certificate().getSerialNumber());
        assertThat(second.certificate().getPublicKey()).isEqualTo(secondKey.getPublic());
        assertThat(second.certificate().getSubjectX500Principal())
                .isEqualTo(first.certificate().getSubjectX500Principal());
        second.certificate().verify(mspRoot.getPublicKey());
    }

    @Test
    void revokesCertificateIntoSignedCrl() throws Exception {
        Registration registration = client.register(clerkRequest(1));
        Enrollment enrollment = enrollNewKey(registration);
        BigInteger serial = enrollment.certificate().getSerialNumber();

        Revocation revocation = client.revoke(enrollment.revocationTarget(), RevocationReason.KEY_COMPROMISE, true);

        assertThat(revocation.revoked())
                .containsExactly(
                        new RevokedCertificate(serial, Certificates.authorityKeyIdentifier(enrollment.certificate())));
        X509CRL crl = revocation.crl();
        assertThat(crl).isNotNull();
        assertCrlRevokes(crl, serial);
        X509CRLEntry entry = crl.getRevokedCertificate(serial);
        assertThat(entry.getRevocationReason())
                .as("fabric-ca v1.5.21 stores the reason in its database but writes CRL entries without it")
                .isNull();

        X509CRL generated = client.generateCrl();
        assertCrlRevokes(generated, serial);
        assertThat(client.identities()
                        .listCertificates(CertificateQuery.forIdentity(registration.enrollmentId())
                                .onlyNotRevoked()))
                .isEmpty();
    }

    @Test
    void revokesIdentityAndItsCertificates() {
        Registration registration = client.register(clerkRequest(2));
        Enrollment first = enrollNewKey(registration);
        Enrollment second = enrollNewKey(registration);

        Revocation revocation = client.revoke(
                new RevocationTarget.Identity(registration.enrollmentId()),
                RevocationReason.PRIVILEGE_WITHDRAWN,
                false);

        assertThat(revocation.crl()).isNull();
        assertThat(revocation.revoked())
                .extracting(RevokedCertificate::serial)
                .containsExactlyInAnyOrder(
                        first.certificate().getSerialNumber(),
                        second.certificate().getSerialNumber());
    }

    @Test
    void reenrollShowsModifiedAttributes() {
        Registration registration = client.register(clerkRequest(1));
        KeyPair keyPair = CertificateSigningRequests.newKeyPair();
        Enrollment enrollment = client.enroll(
                registration.enrollmentId(),
                registration.secret(),
                CertificateSigningRequests.create(registration.enrollmentId(), keyPair),
                List.of());

        IdentityInfo modified = client.identities()
                .modify(
                        registration.enrollmentId(),
                        IdentityUpdate.none()
                                .withAttribute(new RoleAttribute("klammer.role", "supervisor"))
                                .withAttribute(new RoleAttribute("klammer.subprocess", "allocation")));
        Enrollment renewed = client.reenroll(
                new SigningIdentity(enrollment.certificate(), keyPair.getPrivate()),
                CertificateSigningRequests.create(registration.enrollmentId(), keyPair));

        assertThat(modified.attribute("klammer.role")).contains("supervisor");
        assertThat(modified.attribute("klammer.subprocess")).contains("allocation");
        assertThat(EnrollmentCertificates.attributes(renewed.certificate()))
                .containsEntry("klammer.role", "supervisor")
                .containsEntry("klammer.subprocess", "allocation");
        assertThat(EnrollmentCertificates.attributes(enrollment.certificate()))
                .containsEntry("klammer.role", "clerk")
                .doesNotContainKey("klammer.subprocess");
    }

    @Test
    void removesAttributeOnModify() {
        Registration registration = client.register(new RegistrationRequest(
                department,
                List.of(new RoleAttribute("klammer.role", "clerk"), new RoleAttribute("klammer.unit", "intake")),
                1));

        IdentityInfo modified = client.identities()
                .modify(registration.enrollmentId(), IdentityUpdate.none().withoutAttribute("klammer.unit"));

        assertThat(modified.attribute("klammer.unit")).isEmpty();
        assertThat(modified.attribute("klammer.role")).contains("clerk");
    }

    @Test
    void deletesIdentityAndRevokesItsCertificates() {
        Registration registration = client.register(clerkRequest(1));
        Enrollment enrollment = enrollNewKey(registration);

        IdentityInfo deleted = client.identities().delete(registration.enrollmentId());

        assertThat(deleted.enrollmentId()).isEqualTo(registration.enrollmentId());
        assertThatExceptionOfType(IdentityNotFoundException.class)
                .isThrownBy(() -> client.identities().get(registration.enrollmentId()))
                .withMessageContaining(registration.enrollmentId());
        assertThat(client.identities().listCertificates(CertificateQuery.forIdentity(registration.enrollmentId())))
                .containsExactly(enrollment.certificate());
        assertThat(client.identities()
                        .listCertificates(CertificateQuery.forIdentity(registration.enrollmentId())
                                .onlyNotRevoked()))
                .isEmpty();
    }

    @Test
    void listsRegisteredIdentities() {
        Registration registration = client.register(clerkRequest(3));

        List<IdentityInfo> identities = client.identities().list();

        assertThat(identities).extracting(IdentityInfo::enrollmentId).contains(registration.enrollmentId());
        IdentityInfo identity = client.identities().get(registration.enrollmentId());
        assertThat(identity.type()).isEqualTo("client");
        assertThat(identity.affiliation()).isEqualTo(department);
        assertThat(identity.maxEnrollments()).isEqualTo(3);
        assertThat(identity.attribute("klammer.role")).contains("clerk");
    }

    private static RegistrationRequest clerkRequest(int maxEnrollments) {
        return new RegistrationRequest(department, List.of(new RoleAttribute("klammer.role", "clerk")), maxEnrollments);
    }

    private static Enrollment enrollNewKey(Registration registration) {
        String csr =
                CertificateSigningRequests.create(registration.enrollmentId(), CertificateSigningRequests.newKeyPair());
        return client.enroll(registration.enrollmentId(), registration.secret(), csr, List.of());
    }

    private static void assertCrlRevokes(X509CRL crl, BigInteger serial) throws Exception {
        assertThat(crl.getRevokedCertificate(serial))
                .as("CRL entry for serial %s", serial.toString(16))
                .isNotNull();
        assertThat(crl.getIssuerX500Principal()).isEqualTo(mspRoot.getSubjectX500Principal());
        assertThat(Certificates.authorityKeyIdentifier(crl))
                .as("CRL AuthorityKeyIdentifier, which Fabric MSPs need to match the CRL to its issuer")
                .isNotNull()
                .isEqualTo(Certificates.subjectKeyIdentifier(mspRoot));
        crl.verify(mspRoot.getPublicKey());
    }

    private static boolean signsFor(PrivateKey key, X509Certificate certificate) throws Exception {
        byte[] data = "proof of possession".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        Signature signer = Signature.getInstance("SHA256withECDSA");
        signer.initSign(key);
        signer.update(data);
        byte[] signature = signer.sign();
        Signature verifier = Signature.getInstance("SHA256withECDSA");
        verifier.initVerify(certificate.getPublicKey());
        verifier.update(data);
        return verifier.verify(signature);
    }
}
