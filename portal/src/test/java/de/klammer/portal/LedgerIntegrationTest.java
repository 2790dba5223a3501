package de.klammer.portal;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/**
 * Starts the whole portal against the real local Fabric network: embedded PostgreSQL with the Flyway migrations,
 * the in-process OIDC provider on a free port, and the Fabric adapter talking to the orderer named in the network
 * descriptor ({@code -Dklammer.network.descriptor}, set by {@code ./klammer test}). Demo admin keys are written as
 * PKCS#12 files into the build folder. The ledger submitter does not run on a schedule; tests drive it.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@SpringBootTest(
        classes = PortalApplication.class,
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "klammer.ledger.network-descriptor=${klammer.network.descriptor}",
            "klammer.ledger.key-store-directory=${java.io.tmpdir}/klammer-keys-${random.uuid}",
            "klammer.ledger.key-store-password=test-key-password"
        })
@ActiveProfiles({"demo", "test"})
public @interface LedgerIntegrationTest {}
