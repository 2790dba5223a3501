package de.klammer.portal;

import de.klammer.portal.ledger.FabricLedgerExcludeFilter;
import de.klammer.portal.ledger.TestLedgerConfiguration;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.filter.annotation.TypeExcludeFilters;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;

/**
 * Starts the whole portal against real components: embedded PostgreSQL with the Flyway migrations, the in-process
 * OIDC provider on a free port, and the in-memory ledger in place of the Fabric adapter. The ledger submitter does not
 * run on a schedule; tests drive it.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@SpringBootTest(classes = PortalApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"demo", "test"})
@Import(TestLedgerConfiguration.class)
@TypeExcludeFilters(FabricLedgerExcludeFilter.class)
public @interface IntegrationTest {}
