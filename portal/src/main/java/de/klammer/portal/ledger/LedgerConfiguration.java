package de.klammer.portal.ledger;

import de.klammer.ledger.ChannelAdmin;
import de.klammer.ledger.OrdererEndpoint;
import java.nio.file.Path;
import de.klammer.portal.shell.NetworkDescriptor;
import org.jspecify.annotations.Nullable;
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
        AdminKeyStore store = new AdminKeyStore(
                properties.keyStoreDirectory(), properties.keyStorePassword(), properties.pkcs11());
        if (properties.networkDescriptor() != null) {
            NetworkDescriptor network = NetworkDescriptor.read(properties.networkDescriptor());
            for (String[] admin : DEMO_ADMINS) {
                if (store.usesToken(admin[0])) {
                    continue;
                }
                Path certificate = Path.of(network.value("identity." + admin[1] + ".cert"));
                // A cleaned network has new crypto material, so a key file made from the old one is replaced.
                if (!store.contains(admin[0]) || !store.containsCertificate(admin[0], certificate)) {
                    store.importPem(admin[0], certificate, Path.of(network.value("identity." + admin[1] + ".key")));
                    log.atInfo().addKeyValue("msp", admin[0]).log("Wrote demo admin key file for {}", admin[0]);
                }
            }
        }
        return store;
    }

    @Bean(destroyMethod = "close")
    FabricLedgerGateway ledgerGateway(LedgerProperties properties, AdminKeyStore keys) {
        ChannelAdmin admin = new ChannelAdmin(ordererEndpoint(properties), keys.admin(properties.operatorMspId()));
        return new FabricLedgerGateway(admin, keys, fabricBinaries(properties));
    }

    private static @Nullable Path fabricBinaries(LedgerProperties properties) {
        if (properties.fabricBinaries() != null) {
            return properties.fabricBinaries();
        }
        if (properties.networkDescriptor() != null) {
            String folder = NetworkDescriptor.read(properties.networkDescriptor()).value("fabric.bin", "");
            return folder.isEmpty() ? null : Path.of(folder);
        }
        return null;
    }

    private static OrdererEndpoint ordererEndpoint(LedgerProperties properties) {
        if (properties.networkDescriptor() != null) {
            NetworkDescriptor network = NetworkDescriptor.read(properties.networkDescriptor());
            return new OrdererEndpoint(
                    network.value("orderer.host"),
                    Integer.parseInt(network.value("orderer.port")),
                    Path.of(network.value("orderer.tls.ca")),
                    network.value("orderer.tls.hostname"));
        }
        if (properties.ordererTlsRootCertificate() == null) {
            throw new IllegalStateException("Set klammer.ledger.orderer-tls-root-certificate (the PEM file of the"
                    + " orderer's TLS CA) or klammer.ledger.network-descriptor");
        }
        return new OrdererEndpoint(
                properties.ordererHost(),
                properties.ordererPort(),
                properties.ordererTlsRootCertificate(),
                properties.ordererTlsHostname());
    }
}
