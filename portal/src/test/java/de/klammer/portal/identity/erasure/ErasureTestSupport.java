package de.klammer.portal.identity.erasure;

import de.klammer.identity.FabricCaClient;
import de.klammer.identity.KeyStoreEnrollment;
import de.klammer.identity.Registration;
import de.klammer.identity.RegistrationRequest;
import de.klammer.identity.RoleAttribute;
import de.klammer.ledger.ChannelAdmin;
import de.klammer.ledger.OrdererEndpoint;
import de.klammer.ledger.SigningIdentities;
import de.klammer.ledger.SigningIdentity;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;

/** Creates CA identities for erasure tests and acts as them on the real orderer. */
final class ErasureTestSupport {

    static final String PASSWORD = "erasure-test-password";

    private ErasureTestSupport() {}

    /** An enrolled identity with its key store, to act as that identity. */
    record Enrolled(String enrollmentId, KeyStoreEnrollment keyStore) {}

    static Enrolled enrol(FabricCaClient client, String affiliation, List<RoleAttribute> attributes) {
        Registration registration = client.register(new RegistrationRequest(affiliation, attributes, 3));
        KeyStoreEnrollment keyStore = client.enrollWithGeneratedKey(
                registration.enrollmentId(), registration.secret(), List.of(), PASSWORD.toCharArray());
        return new Enrolled(registration.enrollmentId(), keyStore);
    }

    /** Loads a PKCS#12 key store as a ledger signing identity. */
    static SigningIdentity signingIdentity(String mspId, byte[] pkcs12, String password) {
        try {
            Path file = Files.createTempFile("erasure-identity", ".p12");
            Files.write(file, pkcs12);
            SigningIdentity identity = SigningIdentities.fromPkcs12(mspId, file, password.toCharArray());
            Files.delete(file);
            return identity;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Opens a channel admin that reads and submits as the given identity. */
    static ChannelAdmin channelAdmin(SigningIdentity identity) {
        return new ChannelAdmin(orderer(), identity);
    }

    /** Loads the orderer admin of the test network, a submitter that passes /Channel/Writers. */
    static SigningIdentity ordererAdmin() {
        Properties network = network();
        return SigningIdentities.fromPem("OrdererMSP",
                Path.of(network.getProperty("identity.orderer-admin.cert")),
                Path.of(network.getProperty("identity.orderer-admin.key")));
    }

    /** Loads the BAMF admin of the test network, whose signature satisfies BAMF's MSP mod_policy. */
    static SigningIdentity bamfAdmin() {
        Properties network = network();
        return SigningIdentities.fromPem("BamfMSP",
                Path.of(network.getProperty("identity.bamf-admin.cert")),
                Path.of(network.getProperty("identity.bamf-admin.key")));
    }

    static OrdererEndpoint orderer() {
        Properties network = network();
        return new OrdererEndpoint(
                network.getProperty("orderer.host"),
                Integer.parseInt(network.getProperty("orderer.port")),
                Path.of(network.getProperty("orderer.tls.ca")),
                network.getProperty("orderer.tls.hostname"));
    }

    static String channel() {
        return network().getProperty("channel");
    }

    static Properties network() {
        String location = System.getProperty("klammer.network.descriptor");
        if (location == null || location.isBlank()) {
            throw new IllegalStateException("No running Fabric network: set -Dklammer.network.descriptor or run the"
                    + " tests with ./klammer test");
        }
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(Path.of(location))) {
            properties.load(reader);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the network descriptor " + location, e);
        }
        return properties;
    }
}
