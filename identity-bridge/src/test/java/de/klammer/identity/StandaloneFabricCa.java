package de.klammer.identity;

import de.klammer.identity.internal.Certificates;
import java.io.IOException;
import java.math.BigInteger;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * A fabric-ca-server of the network's cached build, started with fabric-ca's default configuration in a test's own
 * folder: a self-signed CA, and TLS with a self-signed certificate for 127.0.0.1. The default configuration keeps
 * identity removal disabled. The portal's tests use it through this module's test jar.
 */
public final class StandaloneFabricCa implements AutoCloseable {

    private static final Duration START_TIMEOUT = Duration.ofSeconds(30);

    private final Process process;
    private final FabricCaEndpoint endpoint;
    private final String registrarSecret;
    private final Path log;

    private StandaloneFabricCa(Process process, FabricCaEndpoint endpoint, String registrarSecret, Path log) {
        this.process = process;
        this.endpoint = endpoint;
        this.registrarSecret = registrarSecret;
        this.log = log;
    }

    public static StandaloneFabricCa start(Path binaries, Path home, String caName) throws Exception {
        X509Certificate tlsCertificate = writeTlsCertificate(home);
        int port = freePort();
        int operationsPort = freePort();
        String secret = EnrollmentSecrets.random();
        Path log = home.resolve("fabric-ca-server.log");

        List<String> command = List.of(
                binaries.resolve("fabric-ca-server").toString(),
                "start",
                "--boot",
                "admin:" + secret,
                "--home",
                home.toString(),
                "--address",
                "127.0.0.1",
                "--port",
                Integer.toString(port),
                "--ca.name",
                caName,
                "--tls.enabled",
                "--tls.certfile",
                home.resolve("tls-cert.pem").toString(),
                "--tls.keyfile",
                home.resolve("tls-key.pem").toString(),
                "--operations.listenaddress",
                "127.0.0.1:" + operationsPort);
        var builder = new ProcessBuilder(command)
                .directory(home.toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        // FABRIC_CA_SERVER_* variables would override the flags.
        builder.environment().keySet().removeIf(name -> name.startsWith("FABRIC_CA_"));
        Process process = builder.start();

        var endpoint = new FabricCaEndpoint(
                URI.create("https://127.0.0.1:" + port), caName, tlsCertificate, Duration.ofSeconds(5));
        var ca = new StandaloneFabricCa(process, endpoint, secret, log);
        ca.awaitReady();
        return ca;
    }

    public FabricCaEndpoint endpoint() {
        return endpoint;
    }

    /** Returns the secret of the bootstrap identity {@code admin}. */
    public String registrarSecret() {
        return registrarSecret;
    }

    /** Enrolls the bootstrap identity {@code admin} and returns a client acting as it. */
    public FabricCaClient client() {
        return new FabricCaClient(endpoint, FabricCaClient.enrollRegistrar(endpoint, "admin", registrarSecret));
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }

    private void awaitReady() throws IOException, InterruptedException {
        Instant deadline = Instant.now().plus(START_TIMEOUT);
        while (true) {
            if (!process.isAlive()) {
                throw new IllegalStateException("fabric-ca-server exited with " + process.exitValue()
                        + " during start-up:\n" + Files.readString(log));
            }
            try {
                FabricCaClient.fetchCaInfo(endpoint);
                return;
            } catch (CaUnreachableException e) {
                if (Instant.now().isAfter(deadline)) {
                    throw new IllegalStateException(
                            "fabric-ca-server did not answer within " + START_TIMEOUT + ":\n" + Files.readString(log),
                            e);
                }
                Thread.sleep(200);
            }
        }
    }

    private static X509Certificate writeTlsCertificate(Path home) throws Exception {
        KeyPair keyPair = CertificateSigningRequests.newKeyPair();
        var name = new X500Name("CN=standalone-fabric-ca");
        Instant now = Instant.now();
        var builder = new JcaX509v3CertificateBuilder(
                name,
                BigInteger.valueOf(now.toEpochMilli()),
                Date.from(now.minus(Duration.ofMinutes(5))),
                Date.from(now.plus(Duration.ofDays(1))),
                name,
                keyPair.getPublic());
        builder.addExtension(Extension.subjectAlternativeName, false, new GeneralNames(new GeneralName[] {
            new GeneralName(
                    GeneralName.iPAddress, InetAddress.getLoopbackAddress().getHostAddress()),
            new GeneralName(GeneralName.dNSName, "localhost")
        }));
        X509Certificate certificate = new JcaX509CertificateConverter()
                .getCertificate(
                        builder.build(new JcaContentSignerBuilder("SHA256withECDSA").build(keyPair.getPrivate())));
        Files.writeString(home.resolve("tls-cert.pem"), Certificates.toPem(certificate));
        Files.writeString(
                home.resolve("tls-key.pem"),
                Certificates.pem("PRIVATE KEY", keyPair.getPrivate().getEncoded()));
        return certificate;
    }

    private static int freePort() throws IOException {
        try (var socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
