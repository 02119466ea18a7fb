package org.hypomag.cds.cdshooks;

import static org.assertj.core.api.Assertions.assertThat;


import org.hypomag.cds.testing.Http;
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
        assertThat(get("/actuator/health").status()).isEqualTo(200);
        assertThat(get("/actuator/health/liveness").status()).isEqualTo(200);
        for (String path : new String[] {"/actuator/prometheus", "/%61ctuator/prometheus", "//actuator/prometheus",
                "/actuator/health/../prometheus", "/actuator;a=b/prometheus", "/actuator/info", "/actuator"}) {
            Http.Answer r = get(path);
            assertThat(r.status()).as(path).isIn(400, 404);
            assertThat(r.body()).as(path).doesNotContain("cds_").doesNotContain("jvm_");
        }
    }

    private Http.Answer get(String path) {
        return Http.local(port).get(path).accept("*/*").send();
    }
}
