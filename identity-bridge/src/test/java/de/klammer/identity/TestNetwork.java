package de.klammer.identity;

import de.klammer.identity.internal.Certificates;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Properties;

/**
 * The local Fabric network with its CA servers, started by {@code ./klammer network start} and read from the
 * descriptor file the script writes. Tests that need it fail, never skip, when it is missing, because CI must not
 * pass without it.
 */
final class TestNetwork {

    private static TestNetwork instance;

    private final Properties properties;

    private TestNetwork(Properties properties) {
        this.properties = properties;
    }

    /** Returns the running network; fails with the command that starts it when its descriptor is missing. */
    static synchronized TestNetwork get() {
        if (instance == null) {
            String location = System.getProperty("klammer.network.descriptor", ".run/network/network.properties");
            Path descriptor = Path.of(location);
            if (!Files.isRegularFile(descriptor)) {
                throw new IllegalStateException("No running Fabric network: descriptor " + descriptor.toAbsolutePath()
                        + " is missing. Start it with './klammer network start' or run the tests with"
                        + " './klammer test'");
            }
            var properties = new Properties();
            try (Reader reader = Files.newBufferedReader(descriptor)) {
                properties.load(reader);
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot read network descriptor " + descriptor, e);
            }
            instance = new TestNetwork(properties);
        }
        return instance;
    }

    FabricCaEndpoint caEndpoint(String mspId) {
        return FabricCaEndpoint.of(
                URI.create(value("ca." + mspId + ".url")),
                value("ca." + mspId + ".name"),
                Path.of(value("ca." + mspId + ".tls.ca")));
    }

    /** Enrolls the CA's bootstrap registrar and returns a client acting as it. */
    FabricCaClient caClient(String mspId) {
        FabricCaEndpoint endpoint = caEndpoint(mspId);
        SigningIdentity registrar = FabricCaClient.enrollRegistrar(
                endpoint, value("ca." + mspId + ".registrar.id"), value("ca." + mspId + ".registrar.secret"));
        return new FabricCaClient(endpoint, registrar);
    }

    /** Returns the organization's affiliation at its CA, for example {@code bamf}. */
    String affiliation(String mspId) {
        return value("ca." + mspId + ".affiliation");
    }

    /** Returns the departments below the affiliation, for example {@code registration}. */
    List<String> departments(String mspId) {
        return List.of(value("ca." + mspId + ".departments").split(","));
    }

    int passwordAttempts(String mspId) {
        return Integer.parseInt(value("ca." + mspId + ".password.attempts"));
    }

    /** Returns the organization's MSP root certificate as the channel configuration has it (msp/cacerts). */
    X509Certificate mspRootCertificate(String mspId) {
        Path cacerts = Path.of(value("org." + mspId + ".msp.dir"), "cacerts");
        try (var files = Files.list(cacerts)) {
            List<Path> pems =
                    files.filter(file -> file.toString().endsWith(".pem")).toList();
            if (pems.size() != 1) {
                throw new IllegalStateException("Expected one root certificate in " + cacerts + ", found " + pems);
            }
            return Certificates.parseCertificate(Files.readString(pems.getFirst()));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + cacerts, e);
        }
    }

    /** Returns the folder with fabric-ca-server and fabric-ca-client. */
    Path fabricCaBinaries() {
        return Path.of(value("fabric-ca.bin"));
    }

    String value(String key) {
        String value = properties.getProperty(key);
        if (value == null) {
            throw new IllegalStateException("Network descriptor has no entry '" + key
                    + "'. Restart the network with the current script: ./klammer network stop && ./klammer"
                    + " network start");
        }
        return value;
    }
}
