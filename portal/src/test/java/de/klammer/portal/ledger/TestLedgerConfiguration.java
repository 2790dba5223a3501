package de.klammer.portal.ledger;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/** Provides the in-memory ledger as the portal's {@link LedgerGateway} in tests and in the test-run demo. */
@TestConfiguration(proxyBeanMethods = false)
public class TestLedgerConfiguration {

    @Bean
    @Primary
    InMemoryLedgerGateway inMemoryLedgerGateway() {
        return new InMemoryLedgerGateway("asyl-status");
    }
}
