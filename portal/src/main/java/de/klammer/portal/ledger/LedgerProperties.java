package de.klammer.portal.ledger;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.nio.file.Path;
import java.util.Map;
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
 * @param fabricBinaries bin folder of a Fabric installation whose {@code configtxlator} renders exports as JSON; the
 *     descriptor's {@code fabric.bin} when unset
 * @param pkcs11 admin keys on PKCS#11 tokens by MSP ID, for example {@code klammer.ledger.pkcs11.BamfMSP.slot}; an
 *     MSP listed here signs with its token instead of its PKCS#12 file
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
        @DefaultValue("OrdererMSP") @NotBlank String operatorMspId,
        @Nullable Path fabricBinaries,
        @Nullable Map<String, Pkcs11Properties> pkcs11) {

    public LedgerProperties {
        pkcs11 = pkcs11 == null ? Map.of() : Map.copyOf(pkcs11);
    }

    /**
     * An admin key on a PKCS#11 token, opened through the JDK's SunPKCS11 provider.
     *
     * @param library the token's PKCS#11 module, for example {@code /usr/lib/softhsm/libsofthsm2.so}
     * @param slot the PKCS#11 slot ID of the token
     * @param pin the token's user PIN; in production from the environment, for example
     *     {@code KLAMMER_LEDGER_PKCS11_BAMFMSP_PIN}
     * @param keyLabel label of the private key and its certificate on the token
     */
    public record Pkcs11Properties(@NotNull Path library, long slot, @NotBlank String pin, @NotBlank String keyLabel) {

        @Override
        public String toString() {
            // The PIN stays out of logs and error messages.
            return "Pkcs11Properties[library=" + library + ", slot=" + slot + ", keyLabel=" + keyLabel + "]";
        }
    }
}
