package de.klammer.portal;

import de.klammer.portal.ledger.FabricLedgerExcludeFilter;
import de.klammer.portal.ledger.TestLedgerConfiguration;
import org.springframework.boot.SpringApplication;

/**
 * Starts the portal with the in-memory ledger instead of a Fabric network, for trying the UI locally:
 * {@code ./mvnw -pl portal spring-boot:test-run -Dspring-boot.run.profiles=demo
 * -Dspring-boot.run.main-class=de.klammer.portal.TestPortalApplication}.
 */
public class TestPortalApplication {

    public static void main(String[] args) {
        SpringApplication application = new SpringApplication(PortalApplication.class, TestLedgerConfiguration.class);
        application.addInitializers(context -> context.getBeanFactory()
                .registerSingleton("fabricLedgerExcludeFilter", new FabricLedgerExcludeFilter()));
        application.run(args);
    }
}
