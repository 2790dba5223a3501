package de.klammer.portal.shell;

import static org.assertj.core.api.Assertions.assertThat;

import de.klammer.portal.IntegrationTest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The health and metrics endpoints that an operator wires into a load balancer and a Prometheus server. */
@IntegrationTest
class OperationsEndpointsIT {

    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Test
    void healthAnswersWithoutSignIn() throws Exception {
        HttpResponse<String> response = get("/actuator/health");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("\"status\":\"UP\"");
        assertThat(response.headers().firstValue("Set-Cookie")).isEmpty();
    }

    @Test
    void readinessProbeAnswersWithoutSignIn() throws Exception {
        HttpResponse<String> response = get("/actuator/health/readiness");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("\"status\":\"UP\"");
    }

    @Test
    void prometheusReportsSubmissionOutbox() throws Exception {
        long pending = jdbc.sql("select count(*) from ledger_submission where state = 'pending'")
                .query(Long.class)
                .single();

        HttpResponse<String> response = get("/actuator/prometheus");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("klammer_ledger_submissions{state=\"pending\"} " + (double) pending);
        assertThat(response.body()).contains("klammer_ledger_submissions_oldest_waiting_seconds");
        assertThat(response.body()).contains("jvm_memory_used_bytes");
    }

    @Test
    void otherActuatorPathsAreDenied() throws Exception {
        assertThat(get("/actuator/env").statusCode()).isEqualTo(403);
        assertThat(get("/actuator/beans").statusCode()).isEqualTo(403);
    }

    private HttpResponse<String> get(String path) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).GET().build();
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }
}
