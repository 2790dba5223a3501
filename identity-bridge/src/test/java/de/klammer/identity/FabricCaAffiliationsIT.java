package de.klammer.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import java.security.KeyPair;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Affiliation management at the real BAMF CA. The CA does not allow removing affiliations, so every test adds
 * affiliations under a name of its own that no other run uses.
 */
class FabricCaAffiliationsIT {

    private static final String MSP_ID = "BamfMSP";

    private static TestNetwork network;
    private static FabricCaClient client;

    @BeforeAll
    static void connect() {
        network = TestNetwork.get();
        client = network.caClient(MSP_ID);
    }

    @Test
    void ensureAddsMissingAffiliationOnce() {
        String parent = uniqueName("ensure");
        String name = parent + ".decision-officer";

        boolean added = client.ensureAffiliation(name);
        boolean addedAgain = client.ensureAffiliation(name);

        assertThat(added).isTrue();
        assertThat(addedAgain).isFalse();
        assertThat(client.affiliations().find(name)).hasValueSatisfying(found -> {
            assertThat(found.name()).isEqualTo(name);
            assertThat(found.children()).isEmpty();
        });
        assertThat(client.affiliations().find(parent)).hasValueSatisfying(found -> assertThat(found.children())
                .containsExactly(name));
        assertThat(client.affiliations().list()).contains(network.affiliation(MSP_ID), parent, name);
    }

    @Test
    void ensureKeepsExistingAffiliation() {
        String department = network.affiliation(MSP_ID) + "." + network.departments(MSP_ID).getFirst();

        assertThat(client.ensureAffiliation(department)).isFalse();
        assertThat(client.affiliations().find(department)).isPresent();
    }

    @Test
    void registersUnderEnsuredAffiliation() {
        String name = uniqueName("register") + ".case-worker";
        client.ensureAffiliation(name);

        Registration registration = client.register(new RegistrationRequest(name, List.of(), 1));

        assertThat(client.identities().get(registration.enrollmentId()).affiliation()).isEqualTo(name);
    }

    @Test
    void addWithoutForceRequiresParent() {
        String parent = uniqueName("orphan");
        String name = parent + ".child";

        var thrown = assertThatExceptionOfType(AffiliationNotFoundException.class)
                .isThrownBy(() -> client.affiliations().add(name, false))
                .withMessageContaining("'" + parent + "'")
                .withMessageContaining(client.caName())
                .actual();

        assertThat(thrown.affiliation()).isEqualTo(parent);
        assertThat(client.affiliations().find(name)).isEmpty();
        assertThat(client.affiliations().find(parent)).isEmpty();
    }

    @Test
    void addRejectsExistingAffiliation() {
        String department = network.affiliation(MSP_ID) + "." + network.departments(MSP_ID).getFirst();

        var thrown = assertThatExceptionOfType(AffiliationExistsException.class)
                .isThrownBy(() -> client.affiliations().add(department, false))
                .withMessageContaining("'" + department + "'")
                .actual();

        assertThat(thrown.errorCode()).isEqualTo(60);
        assertThat(thrown.affiliation()).isEqualTo(department);
    }

    @Test
    void registrarWithoutAffiliationManagerDenied() {
        Registration registration = client.register(new RegistrationRequest(network.affiliation(MSP_ID), List.of(), 1));
        KeyPair keyPair = CertificateSigningRequests.newKeyPair();
        Enrollment enrollment = client.enroll(
                registration.enrollmentId(),
                registration.secret(),
                CertificateSigningRequests.create(registration.enrollmentId(), keyPair),
                List.of());
        var plainClient = new FabricCaClient(
                network.caEndpoint(MSP_ID), new SigningIdentity(enrollment.certificate(), keyPair.getPrivate()));
        String name = uniqueName("denied");

        var thrown = assertThatExceptionOfType(AffiliationManagementDeniedException.class)
                .isThrownBy(() -> plainClient.ensureAffiliation(name))
                .withMessageContaining(registration.enrollmentId())
                .withMessageContaining("hf.AffiliationMgr")
                .actual();

        assertThat(thrown.errorCode()).isEqualTo(71);
        assertThat(thrown.affiliation()).isEqualTo(name);
        assertThat(client.affiliations().find(name)).isEmpty();
    }

    @Test
    void rejectsMalformedNamesBeforeContactingCa() {
        for (String name : List.of("", "bamf..decision", ".bamf", "bamf.", "bamf decision", "bamf/decision")) {
            assertThatExceptionOfType(IllegalArgumentException.class)
                    .as("name '%s'", name)
                    .isThrownBy(() -> client.ensureAffiliation(name))
                    .withMessageContaining("'" + name + "'");
        }
    }

    private static String uniqueName(String purpose) {
        return network.affiliation(MSP_ID) + ".it-" + purpose + "-" + Long.toString(System.nanoTime(), 36);
    }
}
