package org.hypomag.cds.cdshooks;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Default settings (JWT mode) and no management port: the application's port keeps the health probes and refuses
 * the metrics, so /actuator/prometheus is never open to the EHRs' network by accident. Demo mode serves it
 * (MetricsEndpointTest).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class OperationsEndpointJwtModeTest {

    @LocalServerPort
    int port;

    @Test
    void jwtModeWithoutManagementPort_healthAnswers_prometheusIs404() {
        assertThat(get("/actuator/health").statusCode()).isEqualTo(200);
        assertThat(get("/actuator/health/liveness").statusCode()).isEqualTo(200);
        for (String path : new String[] {"/actuator/prometheus", "/%61ctuator/prometheus", "//actuator/prometheus",
                "/actuator/health/../prometheus", "/actuator;a=b/prometheus", "/actuator/info", "/actuator"}) {
            HttpResponse<String> r = get(path);
            assertThat(r.statusCode()).as(path).isIn(400, 404);
            assertThat(r.body()).as(path).doesNotContain("cds_").doesNotContain("jvm_");
        }
    }

    private HttpResponse<String> get(String path) {
        return new HttpCalls(port).send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).GET()
                .header("Accept", "*/*"));
    }
}
