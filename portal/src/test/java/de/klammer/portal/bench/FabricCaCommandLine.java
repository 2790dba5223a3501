package de.klammer.portal.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

/**
 * Runs the {@code fabric-ca-client} binary that the network script built, one process per command, against one CA of
 * the network descriptor. The registrar is enrolled once into its own client home; every identity gets its own MSP
 * folder, into which {@code enroll} writes the key it generated and the issued certificate.
 */
final class FabricCaCommandLine {

    private static final long COMMAND_TIMEOUT_SECONDS = 60;

    private final Path binary;
    private final String hostAndPort;
    private final String caName;
    private final String tlsRoot;
    private final String registrarId;
    private final String registrarSecret;
    private final String affiliation;
    private final Path home;

    FabricCaCommandLine(Properties network, String mspId, Path home) {
        this.binary = Path.of(network.getProperty("fabric-ca.bin"), "fabric-ca-client");
        this.hostAndPort = network.getProperty("ca." + mspId + ".url").replaceFirst("^https://", "");
        this.caName = network.getProperty("ca." + mspId + ".name");
        this.tlsRoot = network.getProperty("ca." + mspId + ".tls.ca");
        this.registrarId = network.getProperty("ca." + mspId + ".registrar.id");
        this.registrarSecret = network.getProperty("ca." + mspId + ".registrar.secret");
        this.affiliation = network.getProperty("ca." + mspId + ".affiliation");
        this.home = home;
        if (!Files.isExecutable(binary)) {
            throw new IllegalStateException("fabric-ca-client not found at " + binary
                    + "; start the network with ./klammer network start, which builds it");
        }
    }

    /** Enrolls the registrar into the client home, once before the measured commands. */
    void enrollRegistrar() {
        run(List.of("enroll", "-u", "https://" + registrarId + ":" + registrarSecret + "@" + hostAndPort), home);
    }

    /** Registers a client identity with the affiliation, one attribute and a bounded number of enrollments. */
    void register(String enrollmentId, String secret, String attribute, int maxEnrollments) {
        run(
                List.of(
                        "register",
                        "--id.name", enrollmentId,
                        "--id.secret", secret,
                        "--id.type", "client",
                        "--id.affiliation", affiliation,
                        "--id.maxenrollments", Integer.toString(maxEnrollments),
                        "--id.attrs", attribute,
                        "-u", "https://" + hostAndPort),
                home);
    }

    /** Enrolls an identity with a key that the client generates, requesting the attribute into the certificate. */
    void enroll(String enrollmentId, String secret, String attributeName) {
        Path identityHome = home.resolve("identities").resolve(enrollmentId);
        run(
                List.of(
                        "enroll",
                        "-u", "https://" + enrollmentId + ":" + secret + "@" + hostAndPort,
                        "--enrollment.attrs", attributeName,
                        "-M", identityHome.resolve("msp").toString()),
                identityHome);
    }

    /** Returns the certificate that {@link #enroll} wrote for the identity. */
    Path certificate(String enrollmentId) {
        return home.resolve("identities").resolve(enrollmentId).resolve("msp/signcerts/cert.pem");
    }

    private void run(List<String> arguments, Path clientHome) {
        List<String> command = new ArrayList<>();
        command.add(binary.toString());
        command.addAll(arguments);
        command.addAll(List.of("--caname", caName, "--tls.certfiles", tlsRoot));
        try {
            Files.createDirectories(clientHome);
            Path output = Files.createTempFile("fabric-ca-client", ".log");
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile());
            builder.environment().put("FABRIC_CA_CLIENT_HOME", clientHome.toString());
            Process process = builder.start();
            if (!process.waitFor(COMMAND_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException("fabric-ca-client " + arguments.getFirst() + " timed out after "
                        + COMMAND_TIMEOUT_SECONDS + " s");
            }
            String log = Files.readString(output, StandardCharsets.UTF_8);
            Files.delete(output);
            if (process.exitValue() != 0) {
                throw new IllegalStateException("fabric-ca-client " + arguments.getFirst() + " failed with exit code "
                        + process.exitValue() + ": " + log.strip());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot run " + binary, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while running fabric-ca-client", e);
        }
    }
}
