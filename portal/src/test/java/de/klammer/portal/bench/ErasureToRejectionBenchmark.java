package de.klammer.portal.bench;

import static org.assertj.core.api.Assertions.assertThat;

import de.klammer.identity.FabricCaClient;
import de.klammer.identity.KeyStoreEnrollment;
import de.klammer.identity.PersonRecord;
import de.klammer.identity.Registration;
import de.klammer.identity.RegistrationRequest;
import de.klammer.identity.RoleAttribute;
import de.klammer.ledger.ChannelAdmin;
import de.klammer.ledger.DeliverRefusedException;
import de.klammer.ledger.OrdererEndpoint;
import de.klammer.ledger.SigningIdentities;
import de.klammer.ledger.SigningIdentity;
import de.klammer.portal.PortalApplication;
import de.klammer.portal.authority.AuthorityService;
import de.klammer.portal.authority.BoardMemberService;
import de.klammer.portal.identity.CertificateAuthorities;
import de.klammer.portal.identity.IdentityVaultService;
import de.klammer.portal.identity.erasure.DataSubjectRequestService;
import de.klammer.portal.identity.erasure.RequestExecutionService;
import de.klammer.portal.identity.erasure.RequestStatus;
import de.klammer.portal.identity.erasure.RequestSummary;
import de.klammer.portal.security.PortalRole;
import de.klammer.portal.security.TestUsers;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/**
 * Measures the time from a DPO's approval of an erasure, the call that executes the filed request, to the moment the
 * real orderer rejects a Deliver signed with the erased identity's own key (status FORBIDDEN). A probe thread reads
 * the channel config as that identity in a loop, starting with the approval, so the clock stops at the first rejected
 * Deliver, whichever step of the execution is still running. The time until the execution returns completed is
 * reported too. Not part of the test suite; run it with {@code ./klammer bench}, and pass
 * {@code -Dklammer.bench.runs=N} for fewer measured runs.
 */
@SpringBootTest(
        classes = PortalApplication.class,
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "klammer.ledger.network-descriptor=${klammer.network.descriptor}",
            "klammer.ledger.key-store-directory=${java.io.tmpdir}/klammer-keys-${random.uuid}",
            "klammer.ledger.key-store-password=bench-key-password"
        })
@ActiveProfiles({"demo", "test"})
class ErasureToRejectionBenchmark {

    private static final String MSP_ID = "BamfMSP";
    private static final int WARMUP_RUNS = 2;
    private static final int DEFAULT_MEASURED_RUNS = 12;
    private static final String KEY_STORE_PASSWORD = "bench-identity-password";
    private static final long PROBE_PAUSE_MILLIS = 10;
    private static final long REJECTION_TIMEOUT_SECONDS = 60;

    @Autowired
    DataSubjectRequestService requests;

    @Autowired
    RequestExecutionService execution;

    @Autowired
    CertificateAuthorities authorities;

    @Autowired
    IdentityVaultService vault;

    @Autowired
    AuthorityService authorityService;

    @Autowired
    BoardMemberService boardMembers;

    private final Timings toRejection = new Timings();
    private final Timings toCompleted = new Timings();
    private final Timings probeRoundTrips = new Timings();

    @Test
    void measuresApprovalToOrdererRejection() throws Exception {
        Properties network = BenchmarkNetwork.descriptor();
        TestUsers.signIn(new TestUsers(authorityService, boardMembers).user("bamf", PortalRole.DPO));

        int measuredRuns = BenchmarkNetwork.intProperty("klammer.bench.runs", DEFAULT_MEASURED_RUNS);
        for (int run = 0; run < WARMUP_RUNS + measuredRuns; run++) {
            measureOnce(network, run >= WARMUP_RUNS);
        }
        TestUsers.signOut();

        Timings.write("erasure-to-rejection.txt", String.format(Locale.ROOT,
                "DPO approval of an erasure to the orderer's first FORBIDDEN Deliver as the erased identity,"
                        + " after %d warm-up runs%n"
                        + "to rejection: %s%nruns: %s%n"
                        + "to execution completed: %s%nruns: %s%n"
                        + "probe Deliver round trip: median %.3f s, max %.3f s over %d probes%n",
                WARMUP_RUNS, toRejection.summary(), toRejection.runs(), toCompleted.summary(), toCompleted.runs(),
                probeRoundTrips.median(), probeRoundTrips.max(), probeRoundTrips.count()));
        assertThat(toRejection.count()).isEqualTo(measuredRuns);
    }

    private void measureOnce(Properties network, boolean measured) throws Exception {
        Erasable erasable = enrolWithVaultRecord();
        try (ChannelAdmin asIdentity = new ChannelAdmin(orderer(network), erasable.identity())) {
            assertThat(asIdentity.readConfig(channel(network)).channelId())
                    .as("channel read as the identity before its erasure")
                    .isEqualTo(channel(network));
            RequestSummary filed = requests.fileErasure(erasable.enrollmentId(), "Art. 17(1)(a) GDPR", LocalDate.now());

            AtomicBoolean stop = new AtomicBoolean();
            long start = System.nanoTime();
            CompletableFuture<Long> rejected =
                    CompletableFuture.supplyAsync(() -> probeUntilRejected(asIdentity, channel(network), stop));
            RequestSummary executed;
            long rejectedAt;
            long completed;
            try {
                executed = execution.execute(filed.id()).request();
                completed = System.nanoTime();
                rejectedAt = rejected.get(REJECTION_TIMEOUT_SECONDS, TimeUnit.SECONDS);
            } finally {
                stop.set(true);
            }

            assertThat(executed.status()).isEqualTo(RequestStatus.COMPLETED);
            if (measured) {
                toRejection.add(start, rejectedAt);
                toCompleted.add(start, completed);
            }
        }
    }

    /** Reads the config as the identity until the orderer rejects it; returns the time the rejection arrived. */
    private long probeUntilRejected(ChannelAdmin asIdentity, String channel, AtomicBoolean stop) {
        while (!stop.get()) {
            long sent = System.nanoTime();
            try {
                asIdentity.readConfig(channel);
            } catch (DeliverRefusedException e) {
                long received = System.nanoTime();
                if (!"FORBIDDEN".equals(e.status())) {
                    throw new IllegalStateException("The orderer answered the probe with " + e.status()
                            + " instead of FORBIDDEN: " + e.getMessage(), e);
                }
                return received;
            }
            probeRoundTrips.add(sent, System.nanoTime());
            try {
                Thread.sleep(PROBE_PAUSE_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Probe interrupted", e);
            }
        }
        throw new IllegalStateException("The probe was stopped before the orderer rejected the identity");
    }

    /** An enrolled identity with its signing key. */
    private record Erasable(String enrollmentId, SigningIdentity identity) {}

    /** Registers and enrols a client with a generated key at the BAMF CA and stores a person for it in the vault. */
    private Erasable enrolWithVaultRecord() throws Exception {
        FabricCaClient client = authorities.client(MSP_ID);
        Registration registration = client.register(new RegistrationRequest(
                authorities.settings(MSP_ID).affiliation(),
                List.of(new RoleAttribute("klammer.roles", "registration-clerk")),
                1));
        KeyStoreEnrollment enrollment = client.enrollWithGeneratedKey(
                registration.enrollmentId(), registration.secret(), List.of(), KEY_STORE_PASSWORD.toCharArray());
        String unique = UUID.randomUUID().toString().substring(0, 8);
        vault.store(
                registration.enrollmentId(),
                authorityService.findByMspId(MSP_ID).orElseThrow().id(),
                new PersonRecord("Benchmark", "Person" + unique, "person." + unique + "@bamf.example",
                        "http://127.0.0.1/bamf", "bench-" + unique));
        Path file = Files.createTempFile("erasure-bench", ".p12");
        Files.write(file, enrollment.pkcs12());
        SigningIdentity identity = SigningIdentities.fromPkcs12(MSP_ID, file, KEY_STORE_PASSWORD.toCharArray());
        Files.delete(file);
        return new Erasable(registration.enrollmentId(), identity);
    }

    private static OrdererEndpoint orderer(Properties network) {
        return new OrdererEndpoint(
                network.getProperty("orderer.host"),
                Integer.parseInt(network.getProperty("orderer.port")),
                Path.of(network.getProperty("orderer.tls.ca")),
                network.getProperty("orderer.tls.hostname"));
    }

    private static String channel(Properties network) {
        return network.getProperty("channel");
    }
}
