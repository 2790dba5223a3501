package de.klammer.portal.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySource;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.SystemEnvironmentPropertySource;

/** Binding of the PKCS#11 settings per MSP ID, with the PIN from an environment variable. */
class LedgerPropertiesTests {

    @TempDir
    Path keyFolder;

    @Test
    void bindsTokenWithPinFromEnvironment() {
        MapPropertySource file = new MapPropertySource("application.properties", Map.of(
                "klammer.ledger.key-store-password", "test-key-password",
                "klammer.ledger.pkcs11.BamfMSP.library", "/usr/lib/softhsm/libsofthsm2.so",
                "klammer.ledger.pkcs11.BamfMSP.slot", "58858063",
                "klammer.ledger.pkcs11.BamfMSP.key-label", "bamf-admin"));
        SystemEnvironmentPropertySource environment = new SystemEnvironmentPropertySource("environment",
                Map.of("KLAMMER_LEDGER_PKCS11_BAMFMSP_PIN", "4711"));
        Iterable<ConfigurationPropertySource> sources = ConfigurationPropertySources.from(List.of(environment, file));

        LedgerProperties properties = new Binder(sources).bind("klammer.ledger", LedgerProperties.class).get();
        AdminKeyStore keys = new AdminKeyStore(keyFolder, properties.keyStorePassword(), properties.pkcs11());

        assertThat(properties.pkcs11()).hasSize(1);
        LedgerProperties.Pkcs11Properties token = properties.pkcs11().values().iterator().next();
        assertThat(token.library()).isEqualTo(Path.of("/usr/lib/softhsm/libsofthsm2.so"));
        assertThat(token.slot()).isEqualTo(58858063L);
        assertThat(token.keyLabel()).isEqualTo("bamf-admin");
        assertThat(token.pin()).isEqualTo("4711");
        assertThat(token.toString()).doesNotContain("4711");
        assertThat(keys.usesToken("BamfMSP")).isTrue();
        assertThat(keys.usesToken("LdsMSP")).isFalse();
    }
}
