package de.klammer.portal;

import static org.assertj.core.api.Assertions.assertThat;

import de.klammer.portal.authority.Authority;
import de.klammer.portal.authority.AuthorityService;
import de.klammer.portal.security.AuthorityClientRegistrationRepository;
import de.klammer.portal.shell.PortalProperties;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.oauth2.client.registration.ClientRegistration;

@IntegrationTest
class PortalContextTests {

    @Autowired
    AuthorityService authorities;

    @Autowired
    AuthorityClientRegistrationRepository registrations;

    @Autowired
    PortalProperties properties;

    @Autowired
    JdbcClient jdbc;

    @Test
    void startsWithSchemaValidatedByHibernate() {
        List<String> migrations = jdbc.sql("select version from flyway_schema_history where success order by installed_rank")
                .query(String.class)
                .list();

        assertThat(migrations).startsWith("001", "002", "003", "004", "005", "006", "007")
                .containsExactlyElementsOf(migrationVersionsOnClassPath());
    }

    /** Returns the versions of all Flyway scripts on the class path, in order. */
    private static List<String> migrationVersionsOnClassPath() {
        try {
            var resources = new org.springframework.core.io.support.PathMatchingResourcePatternResolver()
                    .getResources("classpath*:db/migration/V*__*.sql");
            return java.util.Arrays.stream(resources)
                    .map(resource -> resource.getFilename().substring(1, resource.getFilename().indexOf("__")))
                    .sorted()
                    .toList();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void syncsAuthoritiesFromConfiguration() {
        // Other tests insert authorities as the onboarding wizard does, so only the configured codes are checked.
        List<String> configuredCodes = properties.authorities().stream().map(authority -> authority.code()).toList();
        List<Authority> all = authorities.findAll().stream()
                .filter(authority -> configuredCodes.contains(authority.code()))
                .toList();

        assertThat(all).extracting(Authority::code).containsExactly("bamf", "lds");
        assertThat(all).extracting(Authority::mspId).containsExactly("BamfMSP", "LdsMSP");
        assertThat(authorities.findByIssuer(properties.authorities().getFirst().issuer()))
                .map(Authority::code)
                .contains("bamf");
    }

    @Test
    void registersClientFromDemoProviderDiscovery() {
        ClientRegistration bamf = registrations.findByRegistrationId("bamf");

        assertThat(bamf).isNotNull();
        assertThat(bamf.getProviderDetails().getIssuerUri()).isEqualTo(properties.authorities().getFirst().issuer());
        assertThat(bamf.getProviderDetails().getAuthorizationUri()).startsWith("http://127.0.0.1:");
        assertThat(bamf.getClientSettings().isRequireProofKey()).isTrue();
        assertThat(registrations.findByRegistrationId("unknown")).isNull();
    }

    @Test
    void assignsFreePortToDemoProvider() {
        assertThat(properties.demoIdp().port()).isPositive().isNotEqualTo(8090);
    }
}
