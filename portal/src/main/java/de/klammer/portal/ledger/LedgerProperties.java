package de.klammer.portal.ledger;

import jakarta.validation.constraints.NotBlank;
import java.nio.file.Path;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of the connection to the Fabric network under {@code klammer.ledger}.
 *
 * @param networkDescriptor {@code network.properties} written by {@code ./klammer network start}; when set, the
 *     orderer address and TLS root come from it, and missing PKCS#12 admin key files are created from its PEM
 *     identities (demo and tests only)
 * @param ordererHost orderer host, when no descriptor is used
 * @param ordererPort orderer client port, when no descriptor is used
 * @param ordererTlsRootCertificate PEM file of the orderer's TLS CA, when no descriptor is used
 * @param ordererTlsHostname host name the orderer's TLS certificate is checked against
 * @param keyStoreDirectory folder of the per-authority PKCS#12 files, named {@code <MSP ID>.p12}; never in the
 *     database
 * @param keyStorePassword password of those PKCS#12 files; in production from the environment
 * @param operatorMspId organisation whose admin key reads blocks and signs the outer envelope of submissions
 */
@Validated
@ConfigurationProperties("klammer.ledger")
public record LedgerProperties(
        @Nullable Path networkDescriptor,
        @DefaultValue("127.0.0.1") String ordererHost,
        @DefaultValue("7050") int ordererPort,
        @Nullable Path ordererTlsRootCertificate,
        @DefaultValue("orderer0.orderer.klammer.local") String ordererTlsHostname,
        @DefaultValue(".run/keys") Path keyStoreDirectory,
        @NotBlank String keyStorePassword,
        @DefaultValue("OrdererMSP") @NotBlank String operatorMspId) {}
