package de.klammer.portal.ledger;

import de.klammer.ledger.ChannelAdmin;
import de.klammer.ledger.OrdererEndpoint;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Wires the ledger port to the orderer and the admin key files. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(LedgerProperties.class)
class LedgerConfiguration {

    private static final Logger log = LoggerFactory.getLogger(LedgerConfiguration.class);

    /** Identities of the local network whose PEM keys become the demo's PKCS#12 admin keys. */
    private static final String[][] DEMO_ADMINS = {
        {"BamfMSP", "bamf-admin"}, {"LdsMSP", "lds-admin"}, {"OrdererMSP", "orderer-admin"}
    };

    @Bean
    AdminKeyStore adminKeyStore(LedgerProperties properties) {
        AdminKeyStore store = new AdminKeyStore(properties.keyStoreDirectory(), properties.keyStorePassword());
        if (properties.networkDescriptor() != null) {
            Properties network = load(properties.networkDescriptor());
            for (String[] admin : DEMO_ADMINS) {
                Path certificate = Path.of(network.getProperty("identity." + admin[1] + ".cert"));
                // A cleaned network has new crypto material, so a key file made from the old one is replaced.
                if (!store.contains(admin[0]) || !store.holdsCertificate(admin[0], certificate)) {
                    store.importPem(admin[0], certificate, Path.of(network.getProperty("identity." + admin[1] + ".key")));
                    log.atInfo().addKeyValue("msp", admin[0]).log("Wrote demo admin key file for {}", admin[0]);
                }
            }
        }
        return store;
    }

    @Bean(destroyMethod = "close")
    FabricLedgerGateway ledgerGateway(LedgerProperties properties, AdminKeyStore keys) {
        OrdererEndpoint endpoint;
        if (properties.networkDescriptor() != null) {
            Properties network = load(properties.networkDescriptor());
            endpoint = new OrdererEndpoint(
                    network.getProperty("orderer.host"),
                    Integer.parseInt(network.getProperty("orderer.port")),
                    Path.of(network.getProperty("orderer.tls.ca")),
                    network.getProperty("orderer.tls.hostname"));
        } else {
            if (properties.ordererTlsRootCertificate() == null) {
                throw new IllegalStateException("Set klammer.ledger.orderer-tls-root-certificate (the PEM file of the"
                        + " orderer's TLS CA) or klammer.ledger.network-descriptor");
            }
            endpoint = new OrdererEndpoint(
                    properties.ordererHost(),
                    properties.ordererPort(),
                    properties.ordererTlsRootCertificate(),
                    properties.ordererTlsHostname());
        }
        ChannelAdmin admin = new ChannelAdmin(endpoint, keys.admin(properties.operatorMspId()));
        return new FabricLedgerGateway(admin, keys);
    }

    private static Properties load(Path descriptor) {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(descriptor)) {
            properties.load(reader);
        } catch (IOException e) {
            throw new IllegalStateException("Cannot read the network descriptor " + descriptor.toAbsolutePath()
                    + "; start the network with './klammer network start': " + e.getMessage(), e);
        }
        return properties;
    }
}
