package de.klammer.portal.shell;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of the portal under {@code klammer.portal}.
 *
 * @param authorities participating authorities, each with its own OIDC issuer and client
 * @param rolesClaim ID token claim that carries the portal roles
 * @param channel Fabric channel whose configuration the portal governs
 * @param submitter timing of the ledger submitter job
 * @param embeddedDb in-process PostgreSQL, used when {@code spring.datasource.url} is not set
 * @param demoIdp in-process OIDC provider for the demo profile and the tests
 */
@Validated
@ConfigurationProperties("klammer.portal")
public record PortalProperties(
        @NotEmpty List<@Valid AuthorityProperties> authorities,
        @DefaultValue("roles") @NotBlank String rolesClaim,
        @DefaultValue("asyl-status") @NotBlank String channel,
        @DefaultValue @Valid SubmitterProperties submitter,
        @DefaultValue @Valid EmbeddedDbProperties embeddedDb,
        @DefaultValue @Valid DemoIdpProperties demoIdp) {

    public PortalProperties {
        authorities = List.copyOf(authorities);
    }

    /**
     * One participating authority.
     *
     * @param code short lower-case code, also the OAuth2 registration id, for example {@code bamf}
     * @param name display name
     * @param mspId Fabric MSP id of the authority's organisation
     * @param issuer OIDC issuer URL of the authority's identity provider; maps signed-in users to the authority
     * @param clientId the portal's client id at that provider
     * @param clientSecret the portal's client secret at that provider
     */
    public record AuthorityProperties(
            @NotBlank @Pattern(regexp = "[a-z][a-z0-9-]*") String code,
            @NotBlank String name,
            @NotBlank String mspId,
            @NotBlank String issuer,
            @NotBlank String clientId,
            @NotBlank String clientSecret) {}

    /**
     * Timing of the ledger submitter.
     *
     * @param enabled whether the job runs on a schedule; tests switch it off to drive it by hand
     * @param pollInterval pause between two runs
     * @param initialBackoff wait after the first transport failure; doubles with each further failure
     * @param maxBackoff longest wait between two attempts
     * @param awaitTimeout how long one run waits for the config block after broadcasting
     * @param haltAfterBroadcast test hook only: stop the submitter for good right after the broadcast returns, before
     *     anything is recorded, leaving the submission in state {@code sending} as a crash would
     */
    public record SubmitterProperties(
            @DefaultValue("true") boolean enabled,
            @DefaultValue("PT5S") @NotNull Duration pollInterval,
            @DefaultValue("PT5S") @NotNull Duration initialBackoff,
            @DefaultValue("PT5M") @NotNull Duration maxBackoff,
            @DefaultValue("PT30S") @NotNull Duration awaitTimeout,
            @DefaultValue("false") boolean haltAfterBroadcast) {}

    /**
     * In-process PostgreSQL.
     *
     * @param dataDir data directory kept across restarts; unset means a fresh temporary directory on each start
     */
    public record EmbeddedDbProperties(@Nullable Path dataDir) {}

    /**
     * In-process OIDC provider that serves one issuer per authority at {@code http://127.0.0.1:<port>/<code>}.
     *
     * @param enabled whether the provider starts
     * @param port TCP port on 127.0.0.1; 0 picks a free port at startup
     * @param users demo users that the provider accepts, with the claims it attaches
     */
    public record DemoIdpProperties(
            @DefaultValue("false") boolean enabled,
            @DefaultValue("8090") @Min(0) @Max(65535) int port,
            @DefaultValue List<@Valid DemoUserProperties> users) {

        public DemoIdpProperties {
            users = List.copyOf(users);
        }
    }

    /**
     * A demo user of the in-process provider.
     *
     * @param issuerId first path segment of the issuer, equal to the authority code
     * @param username what the user types on the provider's sign-in page; also the token's subject
     * @param name value of the {@code name} claim
     * @param roles portal roles in the roles claim
     */
    public record DemoUserProperties(
            @NotBlank String issuerId,
            @NotBlank String username,
            @NotBlank String name,
            @DefaultValue List<String> roles) {

        public DemoUserProperties {
            roles = List.copyOf(roles);
        }
    }
}
