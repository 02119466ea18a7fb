package org.hypomag.cds.cdshooks;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.hypomag.cds.testing.Http;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * With Boot's structured console logging (ECS), each hook call writes one JSON line: the hookInstance as
 * correlation id, service, status, duration, cards by type, the FHIR keys fetched and failed; and nothing that
 * identifies the patient, the user or the token.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "cds.security.mode=demo", "cds.clock.fixed=2026-11-23T12:00:00Z", "logging.structured.format.console=ecs"})
@ExtendWith(OutputCaptureExtension.class)
class HookCallLogTest {

    static final String PV = "hypomagnesemia-patient-view";

    @LocalServerPort
    int port;

    /**
     * Boot initialises logging once per JVM while earlier test contexts stay cached; forget that, so this
     * context's logging.structured.format.console applies, and again afterwards, so the next context gets its own.
     */
    @BeforeAll
    @AfterAll
    static void reinitialiseLogging() {
        LoggingSystem.get(HookCallLogTest.class.getClassLoader()).cleanUp();
    }

    @Test
    void oneJsonLinePerHookCall_withCorrelationIdCardsAndFailedFhirKeys(CapturedOutput output) throws IOException {
        ObjectNode body = (ObjectNode) Http.JSON.readTree(
                Files.readString(Path.of("hooks/patient-view-severe-ckd-prefetch.json")));
        String hookInstance = "0d6f6a52-7c1e-4c11-9d5a-log-line-test";
        body.put("hookInstance", hookInstance);
        ((ObjectNode) body.path("prefetch")).remove("magnesium");
        // nothing listens on port 9 of loopback: the magnesium query fails to connect
        body.put("fhirServer", "http://127.0.0.1:9/fhir");
        body.putObject("fhirAuthorization").put("access_token", "log-test-token-123").put("token_type", "Bearer")
                .put("expires_in", 300).put("scope", "patient/*.read").put("subject", "hypomagnesemia-cds");
        Http.Answer r = Http.local(port).accepting(Http.JSON_TYPE).post("/cds-services/" + PV, body.toString()).send();
        assertThat(r.status()).isEqualTo(200);
        Map<String, Integer> cards = new TreeMap<>();
        r.json().path("cards").forEach(c -> cards.merge(c.at("/source/topic/code").asString(), 1, Integer::sum));
        ObjectNode noInstance = body.deepCopy();
        noInstance.remove("hookInstance");
        assertThat(Http.local(port).accepting(Http.JSON_TYPE).post("/cds-services/" + PV, noInstance.toString())
                .send().status()).isEqualTo(400);

        // the line is written when the filter returns, which may be just after the client has the answer
        List<JsonNode> lines = hookCallLines(output);
        for (int i = 0; i < 50 && lines.size() < 2; i++) {
            sleep();
            lines = hookCallLines(output);
        }
        assertThat(lines).hasSize(2);
        JsonNode ok = lines.get(0);
        assertThat(ok.path("hookInstance").asString()).isEqualTo(hookInstance);
        assertThat(ok.path("cdsService").asString()).isEqualTo(PV);
        assertThat(ok.path("status").asInt()).isEqualTo(200);
        assertThat(ok.path("durationMs").asDouble()).isPositive();
        Map<String, Integer> logged = new TreeMap<>();
        ok.path("cards").properties().forEach(e -> logged.put(e.getKey(), e.getValue().asInt()));
        assertThat(logged).isEqualTo(cards).isNotEmpty();
        assertThat(texts(ok.path("fhirFetched"))).containsExactly("magnesium");
        assertThat(texts(ok.path("fhirFailed"))).containsExactly("magnesium:error");
        assertThat(ok.path("log").path("level").asString()).isEqualTo("INFO");
        JsonNode refused = lines.get(1);
        assertThat(refused.path("status").asInt()).isEqualTo(400);
        assertThat(refused.path("hookInstance").isMissingNode() || refused.path("hookInstance").isNull()).isTrue();
        for (JsonNode line : lines) {
            assertThat(line.toString()).doesNotContain("severe-ckd").doesNotContain("log-test-token-123")
                    .doesNotContain("Practitioner").doesNotContain("127.0.0.1:9");
        }
    }

    @Test
    void defaultConsole_writesNoPerCallLine() {
        assertThat(new HookCallLog("", "", "").enabled()).isFalse();
        assertThat(new HookCallLog("ecs", "", "").enabled()).isTrue();
        assertThat(new HookCallLog("", "logstash", "").enabled()).isTrue();
        assertThat(new HookCallLog("ecs", "", "false").enabled()).isFalse();
    }

    private static List<JsonNode> hookCallLines(CapturedOutput output) {
        List<JsonNode> out = new ArrayList<>();
        for (String line : output.getOut().split("\n")) {
            if (line.startsWith("{") && line.contains("\"hook call\"")) {
                out.add(Http.JSON.readTree(line));
            }
        }
        return out;
    }

    private static void sleep() {
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static List<String> texts(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asString()));
        return out;
    }
}
