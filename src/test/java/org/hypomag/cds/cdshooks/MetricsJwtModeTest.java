package org.hypomag.cds.cdshooks;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.hypomag.cds.security.TestIssuer;
import org.hypomag.cds.testing.Http;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.node.ObjectNode;

/**
 * Production security (JWT mode) with a management port: the application's port answers no actuator path
 * (however it is spelled); the management port serves health and {@code /actuator/prometheus}, where
 * each refused token is counted by its internal reason while every 401 answer stays the same generic text.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "cds.clock.fixed=2026-11-23T12:00:00Z", "management.server.port=0", "management.server.address=127.0.0.1"})
class MetricsJwtModeTest {

    static final String BASE = "http://cds.metrics.example";
    static final String PV = "hypomagnesemia-patient-view";
    static final String AUD = BASE + "/cds-services/" + PV;
    static final TestIssuer EHR = new TestIssuer("https://ehr.metrics.example");
    static final TestIssuer ROGUE = new TestIssuer("https://ehr.metrics.example");

    @LocalServerPort
    int port;
    @LocalManagementPort
    int managementPort;

    @DynamicPropertySource
    static void trustTestEhr(DynamicPropertyRegistry registry) throws IOException {
        Path dir = Files.createTempDirectory("metrics-jwks");
        Path jwks = EHR.writeJwks(dir, "jwks.json");
        registry.add("cds.security.public-base-url", () -> BASE);
        registry.add("cds.security.issuers[0].iss", EHR::iss);
        registry.add("cds.security.issuers[0].jwks-file", () -> jwks.toUri().toString());
    }

    @Test
    void refusedTokens_countedByInternalReason_answersStayGeneric_metricsOnlyOnTheManagementPort() {
        Http app = Http.local(port);
        String body = body();
        Instant now = Instant.now();
        String valid = EHR.token(AUD, now).sign();
        List<String> tokens = List.of(valid, EHR.token(AUD, now.minusSeconds(3600)).sign(),
                EHR.token(BASE + "/cds-services/other", now).sign(), ROGUE.token(AUD, now).sign());

        assertThat(call(app, null, body).status()).isEqualTo(401);
        List<String> invalidAnswers = new ArrayList<>();
        invalidAnswers.add(expect401(app, tokens.get(1), body));        // expired
        invalidAnswers.add(expect401(app, tokens.get(2), body));        // aud is another URL
        invalidAnswers.add(expect401(app, tokens.get(3), body));        // signed with another key
        assertThat(call(app, valid, body).status()).isEqualTo(200);
        invalidAnswers.add(expect401(app, valid, body));                // the same jti again
        assertThat(invalidAnswers).as("the answer never says which check failed").containsOnly(invalidAnswers.get(0));

        // with a management port the whole actuator moves there, health too
        assertThat(scrapeStatus(managementPort, "/actuator/health")).isEqualTo(200);
        for (String path : List.of("/actuator/prometheus", "//actuator/prometheus", "/actuator/prometheus/",
                "/ACTUATOR/prometheus", "/%61ctuator/prometheus", "/actuator;x=1/prometheus", "/actuator",
                "/actuator/health/../prometheus", "/actuator/info")) {
            Http.Answer r = get(port, path);
            assertThat(r.status()).as(path).isIn(400, 404);
            assertThat(r.body()).as(path).doesNotContain("cds_");
        }

        Http.Answer metrics = get(managementPort, "/actuator/prometheus");
        assertThat(metrics.status()).isEqualTo(200);
        Scrape scrape = Scrape.parse(metrics.body());
        for (String reason : List.of("missing-token", "expired", "audience", "signature", "replayed")) {
            assertThat(scrape.value("cds_jwt_rejections_total", "reason", reason)).as(reason).isEqualTo(1);
        }
        assertThat(scrape.value("cds_jwt_rejections_total")).isEqualTo(5);
        assertThat(scrape.value("cds_hook_calls_total", "service", PV, "status", "401")).isEqualTo(5);
        assertThat(scrape.value("cds_hook_calls_total", "service", PV, "status", "200")).isEqualTo(1);
        for (String secret : tokens) {
            assertThat(metrics.body()).doesNotContain(secret.substring(secret.lastIndexOf('.') + 1));
            assertThat(metrics.body()).doesNotContain(secret.substring(0, secret.indexOf('.')));
        }
        assertThat(metrics.body()).doesNotContain("ehr.metrics.example").doesNotContain("severe-ckd");
    }

    private String expect401(Http app, String token, String body) {
        Http.Answer r = call(app, token, body);
        assertThat(r.status()).isEqualTo(401);
        return r.body();
    }

    private static Http.Answer call(Http app, String token, String body) {
        return app.post("/cds-services/" + PV, body).accept(Http.JSON_TYPE).bearer(token).send();
    }

    private static String body() {
        try {
            ObjectNode fixture = (ObjectNode) Http.JSON.readTree(
                    Files.readString(Path.of("hooks/patient-view-severe-ckd-prefetch.json")));
            return fixture.toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static int scrapeStatus(int port, String path) {
        return get(port, path).status();
    }

    private static Http.Answer get(int port, String path) {
        return Http.local(port).get(path).accept("*/*").send();
    }
}
