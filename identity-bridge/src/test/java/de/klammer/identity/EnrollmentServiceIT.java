package de.klammer.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Enrolls people through {@link EnrollmentService} at the BAMF CA and checks that personal data never gets in. */
class EnrollmentServiceIT {

    private static final String MSP_ID = "BamfMSP";
    private static final char[] PASSWORD = "correct horse battery".toCharArray();
    private static final PersonRecord PERSON = new PersonRecord(
            "Jürgen", "Groß-Müller", "j.gross-mueller@bamf.example", "https://idp.bamf.example", "248289761001");

    private static FabricCaClient client;
    private static EnrollmentService service;
    private static String department;

    @BeforeAll
    static void connect() {
        TestNetwork network = TestNetwork.get();
        client = network.caClient(MSP_ID);
        service = new EnrollmentService(client);
        department =
                network.affiliation(MSP_ID) + "." + network.departments(MSP_ID).getFirst();
    }

    @Test
    void enrollsPersonWithGeneratedKey() {
        KeyStoreEnrollment enrollment = service.enrollWithGeneratedKey(clerk(), PERSON, PASSWORD);

        assertThat(EnrollmentIds.isPseudonymous(enrollment.alias())).isTrue();
        assertThat(new PersonalDataGuard().inspectCertificate(enrollment.certificate(), PERSON))
                .isEmpty();
        assertThat(client.identities().get(enrollment.alias()).attribute("klammer.role"))
                .contains("clerk");
    }

    @Test
    void rejectsPersonalAttributeBeforeRegistering() {
        int before = client.identities().list().size();
        var request = new RegistrationRequest(department, List.of(new RoleAttribute("klammer.owner", "Mueller")), 1);

        assertThatExceptionOfType(PersonalDataFoundException.class)
                .isThrownBy(() -> service.enrollWithGeneratedKey(request, PERSON, PASSWORD))
                .withMessageContaining("attribute klammer.owner contains the family name (M******)")
                .withMessageNotContaining("Mueller");

        assertThat(client.identities().list()).as("nothing registered").hasSize(before);
    }

    @Test
    void rejectsPersonalCsrSubjectBeforeIssuing() throws Exception {
        Registration registration = service.register(clerk(), PERSON);
        String personalCsr = TestCsrs.csr(
                "O=Buero Juergen, CN=" + registration.enrollmentId(),
                CertificateSigningRequests.newKeyPair(),
                "SHA256withECDSA",
                null);

        assertThatExceptionOfType(PersonalDataFoundException.class)
                .isThrownBy(() -> service.enrollWithCsr(registration, personalCsr, PERSON))
                .withMessageContaining("subject O contains the given name");

        assertThat(client.identities().listCertificates(CertificateQuery.forIdentity(registration.enrollmentId())))
                .as("nothing issued")
                .isEmpty();
        String cleanCsr =
                CertificateSigningRequests.create(registration.enrollmentId(), CertificateSigningRequests.newKeyPair());
        assertThat(service.enrollWithCsr(registration, cleanCsr, PERSON).enrollmentId())
                .as("the registration stays usable")
                .isEqualTo(registration.enrollmentId());
    }

    @Test
    void withdrawsIdentityWhenCertificateHoldsPersonalData() {
        // The CA writes OU=client and hf.Type=client into every client certificate, which is this person's name.
        var person = new PersonRecord("Clara", "Client", null, "https://idp.bamf.example", "5a1c0e");
        var ids = new java.util.ArrayList<String>();

        var thrown = assertThatExceptionOfType(PersonalDataFoundException.class)
                .isThrownBy(() -> service.enrollWithGeneratedKey(clerk(), person, PASSWORD))
                .withMessageContaining("issued certificate")
                .withMessageContaining("subject OU contains the family name")
                .actual();
        ids.add(thrown.enrollmentId());

        assertThatExceptionOfType(IdentityNotFoundException.class)
                .as("registration withdrawn")
                .isThrownBy(() -> client.identities().get(ids.getFirst()));
        assertThat(client.identities()
                        .listCertificates(
                                CertificateQuery.forIdentity(ids.getFirst()).onlyNotRevoked()))
                .as("certificate revoked")
                .isEmpty();
    }

    private static RegistrationRequest clerk() {
        return new RegistrationRequest(department, List.of(new RoleAttribute("klammer.role", "clerk")), 1);
    }
}
