package de.klammer.load;

import static io.gatling.javaapi.core.CoreDsl.constantConcurrentUsers;
import static io.gatling.javaapi.core.CoreDsl.css;
import static io.gatling.javaapi.core.CoreDsl.doIf;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.global;
import static io.gatling.javaapi.core.CoreDsl.jsonPath;
import static io.gatling.javaapi.core.CoreDsl.rampConcurrentUsers;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.currentLocation;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.PopulationBuilder;
import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Simulation;
import io.gatling.javaapi.http.HttpProtocolBuilder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * Drives the server side of the portal's main screens with 50 concurrent users. Each virtual user signs in through
 * the real OIDC authorization-code flow of the demo identity provider, then requests the JSON endpoints that call
 * the same service methods as the screens, with think time between requests.
 *
 * <p>System properties: {@code load.baseUrl} (the portal, default http://127.0.0.1:8080), {@code load.durationSeconds}
 * (how long each user keeps looping after the ramp, default 300), {@code load.rampSeconds} (default 60),
 * {@code load.portalPid} and {@code load.postgresDataDir} (the portal's process id and the data directory of its
 * embedded PostgreSQL, whose CPU times the run reports) and {@code load.cpuReport} (file that receives the CPU times).
 */
public class PortalScreensSimulation extends Simulation {

    private static final String BASE_URL = System.getProperty("load.baseUrl", "http://127.0.0.1:8080");
    private static final Duration DURATION = Duration.ofSeconds(Long.getLong("load.durationSeconds", 300));
    private static final Duration RAMP = Duration.ofSeconds(Long.getLong("load.rampSeconds", 60));
    private static final Duration MIN_THINK_TIME = Duration.ofSeconds(1);
    private static final Duration MAX_THINK_TIME = Duration.ofSeconds(3);

    /**
     * Spring Security's default CSRF header. The name is fixed because Gatling 3.16 sent an expression in a header
     * name as written, and the portal returned 400.
     */
    private static final String CSRF_HEADER = "X-CSRF-TOKEN";

    private final CpuClock cpu = new CpuClock(
            Long.getLong("load.portalPid", -1L), System.getProperty("load.postgresDataDir", ""));

    private final HttpProtocolBuilder protocol = http.baseUrl(BASE_URL)
            .acceptHeader("application/json, text/html;q=0.9")
            .disableCaching();

    {
        setUp(population("board members", List.of("bamf:bamf-board-1", "bamf:bamf-board-2", "lds:lds-board-1"), 20,
                        boardMemberScreens()),
                population("administrators", List.of("bamf:bamf-admin", "lds:lds-admin"), 12, adminScreens()),
                population("auditors", List.of("lds:lds-auditor", "bamf:bamf-dpo"), 8, auditorScreens()),
                population("clerks", List.of("bamf:bamf-clerk", "lds:lds-clerk"), 8, clerkScreens()),
                auditVerification())
                .protocols(protocol)
                .assertions(global().failedRequests().count().is(0L));
    }

    @Override
    public void before() {
        cpu.start();
    }

    @Override
    public void after() {
        String report = cpu.report();
        String file = System.getProperty("load.cpuReport");
        if (file != null) {
            try {
                Files.writeString(Path.of(file), report);
            } catch (IOException e) {
                throw new UncheckedIOException("Failed to write the CPU report to " + file, e);
            }
        }
    }

    /** Users of one kind: they sign in as the listed demo users in turn and loop over their screens. */
    private PopulationBuilder population(String name, List<String> accounts, int users, ChainBuilder screens) {
        ScenarioBuilder scenario = scenario(name)
                .feed(accountFeeder(accounts))
                .exec(signIn())
                .during(RAMP.plus(DURATION))
                .on(screens.pause(MIN_THINK_TIME, MAX_THINK_TIME));
        return scenario.injectClosed(rampConcurrentUsers(0).to(users).during(RAMP),
                constantConcurrentUsers(users).during(DURATION));
    }

    /** Two auditors who each verify the whole audit trail once, as the audit trail screen's button does. */
    private PopulationBuilder auditVerification() {
        ScenarioBuilder scenario = scenario("audit trail verification")
                .feed(accountFeeder(List.of("lds:lds-auditor", "bamf:bamf-dpo")))
                .exec(signIn())
                .exec(http("csrf token").get("/api/v1/csrf-token")
                        .check(jsonPath("$.headerName").is(CSRF_HEADER))
                        .check(jsonPath("$.token").saveAs("csrfToken")))
                .exec(http("audit trail verification").post("/api/v1/audit-trail/verifications")
                        .header(CSRF_HEADER, "#{csrfToken}")
                        .requestTimeout(Duration.ofMinutes(10))
                        .check(jsonPath("$.firstBreak").isNull()));
        return scenario.injectClosed(constantConcurrentUsers(2).during(Duration.ofSeconds(1)));
    }

    /**
     * Signs in through the portal's OIDC login: the portal redirects to the provider's sign-in form, the form post
     * returns the authorization code to the portal's callback, and the portal opens the session.
     */
    private static ChainBuilder signIn() {
        return exec(http("sign-in: authorization request").get("/oauth2/authorization/#{authority}")
                        .check(css("#username").exists())
                        .check(currentLocation().saveAs("loginForm")))
                .exec(http("sign-in: form post").post("#{loginForm}")
                        .formParam("username", "#{username}")
                        .check(status().is(200)))
                .exec(http("sign-in: session check").get("/api/v1/csrf-token")
                        .check(jsonPath("$.token").exists()));
    }

    private static ChainBuilder boardMemberScreens() {
        return exec(proposalList(), proposalDetails(), inbox(), matrix(), channel());
    }

    private static ChainBuilder adminScreens() {
        return exec(identityList(), identityDetails(), proposalList(), matrix());
    }

    private static ChainBuilder auditorScreens() {
        return exec(proposalList(), proposalDetails(), matrix(), channel());
    }

    private static ChainBuilder clerkScreens() {
        return exec(identityList(), identityDetails());
    }

    private static ChainBuilder proposalList() {
        return listPickingOne("proposal list", "/api/v1/proposals", "proposalId");
    }

    private static ChainBuilder proposalDetails() {
        return detailsOfPicked("proposal details", "/api/v1/proposals", "proposalId");
    }

    private static ChainBuilder identityList() {
        return listPickingOne("identity list", "/api/v1/identities", "identityId");
    }

    private static ChainBuilder identityDetails() {
        return detailsOfPicked("identity details", "/api/v1/identities", "identityId");
    }

    /** Requests a list and saves the id of a random item under the key, for the details request that follows. */
    private static ChainBuilder listPickingOne(String name, String path, String key) {
        return exec(http(name).get(path).check(jsonPath("$[*].id").findRandom().optional().saveAs(key)));
    }

    /** Requests the details of the item picked from the list, unless the list was empty. */
    private static ChainBuilder detailsOfPicked(String name, String path, String key) {
        return doIf(session -> session.contains(key)).then(exec(http(name).get(path + "/#{" + key + "}")));
    }

    private static ChainBuilder inbox() {
        return exec(http("inbox").get("/api/v1/inbox"));
    }

    private static ChainBuilder matrix() {
        return exec(http("rights matrix page").get("/api/v1/concept/matrix?page=0"));
    }

    private static ChainBuilder channel() {
        return exec(http("channel overview").get("/api/v1/channel"));
    }

    /** Hands out the accounts ("authority:username") in turn, so each demo user gets several sessions. */
    private static Iterator<Map<String, Object>> accountFeeder(List<String> accounts) {
        AtomicInteger next = new AtomicInteger();
        return Stream.generate(() -> {
            String[] account = accounts.get(next.getAndIncrement() % accounts.size()).split(":");
            return Map.<String, Object>of("authority", account[0], "username", account[1]);
        }).iterator();
    }
}
