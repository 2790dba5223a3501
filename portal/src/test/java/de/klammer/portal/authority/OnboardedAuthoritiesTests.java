package de.klammer.portal.authority;

import static org.assertj.core.api.Assertions.assertThat;

import de.klammer.portal.IntegrationTest;
import de.klammer.portal.identity.CertificateAuthorities;
import de.klammer.portal.security.AuthorityClientRegistrationRepository;
import de.klammer.portal.security.demo.DemoIdentityProvider;
import de.klammer.portal.shell.AuthoritySecrets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.oauth2.client.registration.ClientRegistration;

/**
 * Authorities onboarded in the portal are served like configured ones while active, read from the database on every
 * call: their CA by {@link CertificateAuthorities} and their OIDC client by the client registration repository.
 */
@IntegrationTest
class OnboardedAuthoritiesTests {

    private static final String TLS_ROOT = "-----BEGIN CERTIFICATE-----\nnot parsed in these tests\n"
            + "-----END CERTIFICATE-----\n";

    @Autowired
    AuthorityService authorities;

    @Autowired
    CertificateAuthorities certificateAuthorities;

    @Autowired
    AuthorityClientRegistrationRepository registrations;

    @Autowired
    DemoIdentityProvider identityProvider;

    @Autowired
    AuthoritySecrets secrets;

    @Autowired
    JdbcClient jdbc;

    TestAuthorities rows;
    final List<UUID> inserted = new ArrayList<>();
    String code;
    String mspId;

    @BeforeEach
    void nameAuthority() {
        rows = new TestAuthorities(jdbc, secrets);
        code = "kommune-" + Long.toString(System.nanoTime(), 36);
        mspId = "Kommune" + System.nanoTime() + "MSP";
    }

    @AfterEach
    void archiveInserted() {
        inserted.forEach(rows::archive);
    }

    @Test
    void servesCaOfActiveAuthorityOnly() {
        UUID id = insert(identityProvider.issuerUrl(code));
        rows.storeCa(code, "https://127.0.0.1:1", "ca-" + code, TLS_ROOT, "registrar", "registrar-secret", "kommune");

        List<String> whileActive = certificateAuthorities.mspIds();
        OnboardedCa stored = authorities.findOnboardedCa(mspId).orElseThrow();
        String affiliation = certificateAuthorities.affiliation(mspId);
        rows.archive(id);

        assertThat(whileActive).contains(mspId);
        assertThat(stored.registrarSecret()).isEqualTo("registrar-secret");
        assertThat(stored.toString()).doesNotContain("registrar-secret");
        assertThat(affiliation).isEqualTo("kommune");
        assertThat(certificateAuthorities.mspIds()).as("archived").doesNotContain(mspId);
        assertThat(authorities.findOnboardedCa(mspId)).as("kept for revocations").isPresent();
    }

    @Test
    void servesOidcClientUntilArchived() {
        UUID id = insert(identityProvider.issuerUrl(code));
        rows.storeOidcClient(code, "klammer-portal", "first-secret");

        ClientRegistration first = registrations.findByRegistrationId(code);
        String signInName = registrations.onboardedAuthorityNames().get(code);
        rows.storeOidcClient(code, "klammer-portal", "second-secret");
        ClientRegistration changed = registrations.findByRegistrationId(code);
        rows.archive(id);

        assertThat(first).isNotNull();
        assertThat(first.getClientId()).isEqualTo("klammer-portal");
        assertThat(first.getClientSecret()).isEqualTo("first-secret");
        assertThat(first.getProviderDetails().getIssuerUri()).isEqualTo(identityProvider.issuerUrl(code));
        assertThat(changed).isNotNull();
        assertThat(changed.getClientSecret()).as("rebuilt after the change").isEqualTo("second-secret");
        assertThat(signInName).isEqualTo("Gemeinde " + code);
        assertThat(registrations.findByRegistrationId(code)).as("archived").isNull();
        assertThat(registrations.onboardedAuthorityNames()).as("archived").doesNotContainKey(code);
        assertThat(authorities.findActive()).extracting(Authority::code).doesNotContain(code);
    }

    @Test
    void leavesOutAuthorityWithoutOidcClient() {
        insert(identityProvider.issuerUrl(code));

        assertThat(registrations.findByRegistrationId(code)).isNull();
        assertThat(authorities.findActive()).extracting(Authority::code).contains(code);
        assertThat(authorities.statusOf(inserted.getFirst())).isEqualTo(AuthorityStatus.ACTIVE);
    }

    private UUID insert(String issuer) {
        UUID id = rows.insertActive(code, "Gemeinde " + code, mspId, issuer);
        inserted.add(id);
        return id;
    }
}
