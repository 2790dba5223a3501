package de.klammer.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import java.net.URI;
import java.util.HashSet;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Input checks of the small value types around {@link FabricCaClient}. */
class FabricCaValuesTests {

    @Test
    void createsPseudonymousIds() {
        var ids = new HashSet<String>();
        for (int i = 0; i < 1000; i++) {
            String id = EnrollmentIds.random();
            assertThat(id).matches("kid-[a-z2-7]{20}");
            assertThat(EnrollmentIds.isPseudonymous(id)).isTrue();
            ids.add(id);
        }
        assertThat(ids).hasSize(1000);
        assertThat(EnrollmentIds.isPseudonymous("max.mustermann")).isFalse();
    }

    @Test
    void boundsMaxEnrollments() {
        assertThatExceptionOfType(IllegalArgumentException.class)
                .isThrownBy(() -> new RegistrationRequest("bamf", List.of(), -1))
                .withMessageContaining("from 1 to 10");
        assertThatExceptionOfType(IllegalArgumentException.class)
                .isThrownBy(() -> new RegistrationRequest("bamf", List.of(), 11));
    }

    @Test
    void rejectsReservedAttributeName() {
        assertThatExceptionOfType(IllegalArgumentException.class)
                .isThrownBy(() -> new RoleAttribute("hf.Revoker", "true"))
                .withMessageContaining("reserved");
    }

    @Test
    void rejectsDuplicateAttribute() {
        var role = new RoleAttribute("klammer.role", "clerk");

        assertThatExceptionOfType(IllegalArgumentException.class)
                .isThrownBy(() -> new RegistrationRequest("bamf", List.of(role, role), 1))
                .withMessageContaining("klammer.role");
    }

    @Test
    void hidesSecretsInToString() {
        var registration = new Registration("kid-abcdefghijklmnopqrst", "very-secret-value");

        assertThat(registration.toString()).doesNotContain("very-secret-value");
        assertThat(IdentityUpdate.none().withSecret("another-secret-value").toString())
                .doesNotContain("another-secret-value");
    }

    @Test
    void rejectsPlainHttpEndpoint() {
        var tlsRoot = StandaloneCertificates.selfSigned("CN=tls-root");

        assertThatExceptionOfType(IllegalArgumentException.class)
                .isThrownBy(() -> new FabricCaEndpoint(
                        URI.create("http://127.0.0.1:7054"), "ca-bamf", tlsRoot, FabricCaEndpoint.DEFAULT_TIMEOUT))
                .withMessageContaining("https");
    }

    @Test
    void removesRequestBodyFromCaMessage() {
        String sanitized =
                CaRequestFailedException.sanitize("Invalid request body: EOF; body={\"secret\":\"hunter2-hunter2\"}");

        assertThat(sanitized).isEqualTo("Invalid request body: EOF; body=<removed>");
    }
}
