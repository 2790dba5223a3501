package de.klammer.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class PeerEndpointTests {

    private static final Path TLS_ROOT = Path.of("tls/ca.crt");

    @Test
    void parseSplitsHostAndPort() {
        PeerEndpoint endpoint = PeerEndpoint.parse("127.0.0.1:9051", TLS_ROOT, "peer0.lds.klammer.local");

        assertThat(endpoint.host()).isEqualTo("127.0.0.1");
        assertThat(endpoint.port()).isEqualTo(9051);
        assertThat(endpoint.tlsRootCertificate()).isEqualTo(TLS_ROOT);
        assertThat(endpoint.tlsHostnameOverride()).isEqualTo("peer0.lds.klammer.local");
    }

    @Test
    void parseRejectsMalformedAddresses() {
        for (String address : List.of("127.0.0.1", ":9051", "127.0.0.1:", "127.0.0.1:port", "127.0.0.1:70000")) {
            assertThatIllegalArgumentException()
                    .as("address '%s'", address)
                    .isThrownBy(() -> PeerEndpoint.parse(address, TLS_ROOT, "peer0"))
                    .withMessageContaining("'" + address + "'")
                    .withMessageContaining("for example 127.0.0.1:7051");
        }
    }

    @Test
    void parseNamesAddressInError() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> PeerEndpoint.parse("127.0.0.1:port", TLS_ROOT, "peer0"))
                .withMessageContaining("'127.0.0.1:port'")
                .withMessageContaining("host:port");
    }
}
