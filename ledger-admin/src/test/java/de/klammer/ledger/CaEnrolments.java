package de.klammer.ledger;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Registers and enrols identities at an authority's real Fabric CA with the {@code fabric-ca-client} binary from
 * the network descriptor, so tests get certificates exactly as the CA writes them (type and affiliation OUs).
 */
final class CaEnrolments {

    private final TestNetwork network;
    private final String mspId;
    private final Path home;

    CaEnrolments(TestNetwork network, String mspId, Path home) {
        this.network = network;
        this.mspId = mspId;
        this.home = home;
    }

    /**
     * Registers a new client identity under {@code affiliation} (for example {@code bamf.decision}) and enrols it.
     */
    SigningIdentity enrolClient(String affiliation) throws IOException, InterruptedException {
        Path registrarMsp = home.resolve("registrar-msp");
        if (!Files.isDirectory(registrarMsp)) {
            run(List.of("enroll", "-u", url(value("registrar.id"), value("registrar.secret")),
                    "--mspdir", registrarMsp.toString()));
        }
        String name = "role-probe-" + UUID.randomUUID();
        String secret = UUID.randomUUID().toString().replace("-", "");
        run(List.of("register", "-u", value("url"), "--mspdir", registrarMsp.toString(),
                "--id.name", name, "--id.secret", secret, "--id.type", "client",
                "--id.affiliation", affiliation));
        Path msp = home.resolve(name);
        run(List.of("enroll", "-u", url(name, secret), "--mspdir", msp.toString()));
        Path key;
        try (Stream<Path> keys = Files.list(msp.resolve("keystore"))) {
            key = keys.filter(path -> path.getFileName().toString().endsWith("_sk")).findFirst()
                    .orElseThrow(() -> new IllegalStateException("fabric-ca-client wrote no key into " + msp));
        }
        return SigningIdentities.fromPem(mspId, msp.resolve("signcerts/cert.pem"), key);
    }

    private String url(String user, String secret) {
        return value("url").replace("https://", "https://" + user + ":" + secret + "@");
    }

    private String value(String key) {
        return network.value("ca." + mspId + "." + key);
    }

    private void run(List<String> arguments) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(network.value("fabric-ca.bin"), "fabric-ca-client").toString());
        command.addAll(arguments);
        command.addAll(List.of("--caname", value("name"), "--tls.certfiles", value("tls.ca"), "--home",
                home.toString()));
        Path output = Files.createTempFile(home, "fabric-ca-client", ".log");
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile()).start();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException("fabric-ca-client " + arguments.getFirst() + " timed out after 60 s");
        }
        if (process.exitValue() != 0) {
            throw new IllegalStateException("fabric-ca-client " + arguments.getFirst() + " failed with exit code "
                    + process.exitValue() + ": " + Files.readString(output, StandardCharsets.UTF_8));
        }
    }
}
