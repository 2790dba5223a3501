package de.klammer.portal.identity;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import java.nio.file.Path;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of the identity lifecycle under {@code klammer.identity}.
 *
 * @param networkDescriptor {@code network.properties} of the local network; when set, the CAs of its organisations
 *     are used (demo and tests), in addition to {@code authorities}
 * @param authorities the Fabric CA of each authority, for production
 * @param masterKey base64 AES-256 key that wraps the per-person data keys of the identity vault; from the
 *     environment in production
 * @param masterKeyId identifier stored with each wrapped key, so the master key can be rotated
 */
@Validated
@ConfigurationProperties("klammer.identity")
public record IdentityProperties(
        @Nullable Path networkDescriptor,
        @DefaultValue List<@Valid CaProperties> authorities,
        @Nullable String masterKey,
        @DefaultValue("master-1") String masterKeyId) {

    public IdentityProperties {
        authorities = List.copyOf(authorities);
    }

    /**
     * One authority's Fabric CA.
     *
     * @param mspId MSP ID of the authority's organisation
     * @param url base URL, for example {@code https://ca.bamf.example:7054}
     * @param caName CA name on that server
     * @param tlsRootCertificate PEM file of the CA's TLS root
     * @param registrarId enrolment ID of the registrar Klammer acts as
     * @param registrarSecret its enrolment secret
     * @param affiliation affiliation under which identities of the authority are registered
     */
    public record CaProperties(
            @NotBlank String mspId,
            @NotBlank String url,
            @NotBlank String caName,
            Path tlsRootCertificate,
            @NotBlank String registrarId,
            @NotBlank String registrarSecret,
            @NotBlank String affiliation) {}
}
