package org.hypomag.cds.cdshooks;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.github.tomakehurst.wiremock.WireMockServer;
import org.hypomag.cds.testing.Http;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Issue 15 metrics, end to end in demo mode: a known series of hook calls, feedback and FHIR queries (WireMock
 * answering one key each way: ok, 500, HTML, too late), then one scrape of {@code /actuator/prometheus}. The
 * counters must equal what was sent; no identifier sent in the calls may appear anywhere in the scrape; the
 * labels stay in closed sets; every metric the Grafana dashboard names is exported.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "cds.security.mode=demo", "cds.clock.fixed=2026-11-23T12:00:00Z",
        "cds.fhir.query-timeout=2s", "cds.fhir.deadline=3s"})
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MetricsEndpointTest {

    static final String PV = "hypomagnesemia-patient-view";
    static final int N = 3;
    static final String USER = "Practitioner/user-marker-55";
    static final String ENCOUNTER = "enc-marker-66";
    static final String TOKEN = "tok-marker-77";
    static final String OVERRIDE_SYSTEM = "https://hypomag.example.org/cds/override-reason";
    static final String CLIENT_REASON = "SECRET-REASON-88";
    static final List<String> UNKNOWN_IDS = List.of("patient-severe-ckd-id-99", "hypomagnesemia-patient-view-x");

    final WireMockServer fhir = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1")
            .asynchronousResponseEnabled(true).asynchronousResponseThreads(8));

    @LocalServerPort
    int port;
    Http http;
    final List<String> hookInstances = new ArrayList<>();
    final List<String> cardUuids = new ArrayList<>();
    final Map<String, Integer> cardsByTypeAndIndicator = new HashMap<>();
    Scrape scrape;

    @BeforeAll
    void callsThenScrape() throws IOException {
        http = Http.local(port).accepting(Http.JSON_TYPE);
        fhir.start();
        stubFhir();
        JsonNode fixture = Http.JSON.readTree(Files.readString(Path.of("hooks/patient-view-severe-ckd-prefetch.json")));
        List<JsonNode> firstCards = new ArrayList<>();
        for (int i = 0; i < N; i++) {
            Http.Answer r = http.post("/cds-services/" + PV, request(fixture, false).toString()).send();
            assertThat(r.status()).isEqualTo(200);
            JsonNode cards = r.json().path("cards");
            assertThat(cards.size()).isPositive();
            cards.forEach(c -> {
                cardUuids.add(c.path("uuid").asString());
                cardsByTypeAndIndicator.merge(c.at("/source/topic/code").asString() + "/" + c.path("indicator").asString(),
                        1, Integer::sum);
            });
            if (i == 0) {
                cards.forEach(firstCards::add);
            }
        }
        // one call with four keys left to the FHIR server: magnesium ok, potassium 500, calcium HTML, renal too late
        Http.Answer fetched = http.post("/cds-services/" + PV, request(fixture, true).toString()).send();
        assertThat(fetched.status()).isEqualTo(200);
        fetched.json().path("cards").forEach(c -> {
            cardUuids.add(c.path("uuid").asString());
            cardsByTypeAndIndicator.merge(c.at("/source/topic/code").asString() + "/" + c.path("indicator").asString(),
                    1, Integer::sum);
        });
        for (String id : UNKNOWN_IDS) {
            assertThat(http.post("/cds-services/" + id, request(fixture, false).toString()).send().status())
                    .isEqualTo(404);
        }
        ObjectNode noHookInstance = request(fixture, false);
        noHookInstance.remove("hookInstance");
        assertThat(http.post("/cds-services/" + PV, noHookInstance.toString()).send().status()).isEqualTo(400);

        JsonNode alert = firstCards.stream().filter(c -> c.at("/source/topic/code").asString().equals("hypomag-alert"))
                .findFirst().orElseThrow();
        feedback(alert.path("uuid").asString(), "overridden", OVERRIDE_SYSTEM, "already-treated", null);
        feedback(firstCards.get(firstCards.size() - 1).path("uuid").asString(), "overridden", "urn:ehr:local", CLIENT_REASON, null);
        feedback(alert.path("uuid").asString(), "accepted", null, null, alert.at("/suggestions/0/uuid").asString());
        String text = prometheus();
        Files.createDirectories(Path.of("target"));
        Files.writeString(Path.of("target/metrics-endpoint-scrape.txt"), text); // for reading after a failure
        scrape = Scrape.parse(text);
    }

    @AfterAll
    void stopFhir() {
        fhir.stop();
    }

    @Test
    void hookCalls_countedByServiceAndStatus() {
        assertThat(scrape.value("cds_hook_calls_total", "service", PV, "status", "200")).isEqualTo(N + 1);
        assertThat(scrape.value("cds_hook_calls_total", "service", PV, "status", "400")).isEqualTo(1);
        assertThat(scrape.value("cds_hook_duration_seconds_count", "service", PV)).isEqualTo(N + 2);
        // SLO buckets around the 500 ms budget, cumulative up to +Inf
        assertThat(scrape.has("cds_hook_duration_seconds_bucket", "service", PV, "le", "0.5")).isTrue();
        assertThat(scrape.has("cds_hook_duration_seconds_bucket", "service", PV, "le", "0.1")).isTrue();
        assertThat(scrape.value("cds_hook_duration_seconds_bucket", "service", PV, "le", "+Inf")).isEqualTo(N + 2);
    }

    @Test
    void unknownServiceIds_collapseToOneLabelValue() {
        assertThat(scrape.value("cds_hook_calls_total", "service", "unknown", "status", "404")).isEqualTo(UNKNOWN_IDS.size());
        assertThat(scrape.labelValues("cds_", "service")).containsExactlyInAnyOrder(PV,
                "hypomagnesemia-order-select", "hypomagnesemia-order-sign", "unknown");
    }

    @Test
    void cardsIssued_countedByTypeAndIndicator_asInTheResponses() {
        cardsByTypeAndIndicator.forEach((typeAndIndicator, count) -> {
            String[] parts = typeAndIndicator.split("/");
            assertThat(scrape.value("cds_cards_issued_total", "service", PV, "type", parts[0], "indicator", parts[1]))
                    .as(typeAndIndicator).isEqualTo(count.doubleValue());
        });
        double total = scrape.samples().stream().filter(s -> s.name().equals("cds_cards_issued_total"))
                .mapToDouble(Scrape.Sample::value).sum();
        assertThat(total).isEqualTo(cardUuids.size());
    }

    @Test
    void feedback_countedByOutcomeAndKnownReason_clientReasonsCollapse() {
        assertThat(scrape.value("cds_feedback_total", "service", PV, "outcome", "overridden", "reason", "already-treated"))
                .isEqualTo(1);
        assertThat(scrape.value("cds_feedback_total", "service", PV, "outcome", "overridden", "reason", "unlisted"))
                .isEqualTo(1);
        assertThat(scrape.value("cds_feedback_total", "service", PV, "outcome", "accepted", "reason", "none"))
                .isEqualTo(1);
        assertThat(scrape.value("cds_store_duration_seconds_count", "store", "feedback", "operation", "save",
                "outcome", "ok")).isEqualTo(3);
        assertThat(scrape.value("cds_store_degraded", "store", "feedback")).isEqualTo(0);
    }

    @Test
    void fhirQueries_countedByKeyAndResult_prefetchKeysByHowTheyWereSettled() {
        assertThat(scrape.value("cds_fhir_queries_total", "key", "magnesium", "result", "ok")).isEqualTo(1);
        assertThat(scrape.value("cds_fhir_queries_total", "key", "potassium", "result", "error")).isEqualTo(1);
        assertThat(scrape.value("cds_fhir_queries_total", "key", "calcium", "result", "unusable")).isEqualTo(1);
        assertThat(scrape.value("cds_fhir_queries_total", "key", "renal", "result", "timeout")).isEqualTo(1);
        assertThat(scrape.value("cds_fhir_queries_total", "key", "patient")).isZero();
        assertThat(scrape.value("cds_prefetch_keys_total", "key", "magnesium", "source", "fetched")).isEqualTo(1);
        assertThat(scrape.value("cds_prefetch_keys_total", "key", "magnesium", "source", "prefetch")).isEqualTo(N);
        assertThat(scrape.value("cds_prefetch_keys_total", "key", "patient", "source", "prefetch")).isEqualTo(N + 1);
        assertThat(scrape.value("cds_prefetch_keys_total", "key", "patient", "source", "unavailable")).isZero();
    }

    @Test
    void noIdentifierSentInTheCalls_appearsInTheScrape() {
        List<String> sent = new ArrayList<>(List.of("severe-ckd", "user-marker-55", ENCOUNTER, TOKEN, CLIENT_REASON,
                "urn:ehr:local", "127.0.0.1:" + fhir.port(), "localhost:" + fhir.port()));
        sent.addAll(hookInstances);
        sent.addAll(cardUuids);
        sent.addAll(UNKNOWN_IDS);
        for (String s : sent) {
            assertThat(scrape.text()).as("scrape must not contain %s", s).doesNotContain(s);
        }
    }

    @Test
    void everyCdsLabelValue_isFromAClosedSet() {
        assertThat(scrape.labelValues("cds_", "status")).allMatch(s -> s.matches("[1-5]\\d\\d"));
        assertThat(scrape.labelValues("cds_cards_issued", "type")).allMatch(t -> t.startsWith("hypomag-"));
        assertThat(scrape.labelValues("cds_", "indicator")).isSubsetOf("info", "warning", "critical");
        assertThat(scrape.labelValues("cds_", "result")).isSubsetOf("ok", "timeout", "unusable", "error");
        assertThat(scrape.labelValues("cds_", "source")).isSubsetOf("prefetch", "fetched", "unavailable");
    }

    @Test
    void everyMetricTheDashboardQueries_isExported() throws IOException {
        String dashboard = Files.readString(Path.of("ops/grafana/cds-dashboard.json"));
        JsonNode root = Http.JSON.readTree(dashboard);
        List<String> exprs = new ArrayList<>();
        root.findValues("expr").forEach(e -> exprs.add(e.asString()));
        assertThat(exprs).hasSizeGreaterThanOrEqualTo(8);
        Set<String> referenced = new TreeSet<>();
        Pattern metric = Pattern.compile("\\b(cds_[a-z0-9_]+)");
        for (String e : exprs) {
            Matcher m = metric.matcher(e);
            while (m.find()) {
                referenced.add(m.group(1));
            }
        }
        assertThat(referenced).contains("cds_hook_calls_total", "cds_hook_duration_seconds_bucket",
                "cds_cards_issued_total", "cds_feedback_total", "cds_fhir_queries_total", "cds_jwt_rejections_total",
                "cds_store_degraded");
        assertThat(scrape.names()).containsAll(referenced);
    }

    private ObjectNode request(JsonNode fixture, boolean leaveKeysToServer) {
        ObjectNode body = (ObjectNode) fixture.deepCopy();
        String hookInstance = UUID.randomUUID().toString();
        hookInstances.add(hookInstance);
        body.put("hookInstance", hookInstance);
        ObjectNode context = (ObjectNode) body.path("context");
        context.put("userId", USER);
        context.put("encounterId", ENCOUNTER);
        if (leaveKeysToServer) {
            ObjectNode prefetch = (ObjectNode) body.path("prefetch");
            for (String key : List.of("magnesium", "potassium", "calcium", "renal")) {
                prefetch.remove(key);
            }
            body.put("fhirServer", "http://127.0.0.1:" + fhir.port() + "/fhir");
            body.putObject("fhirAuthorization").put("access_token", TOKEN).put("token_type", "Bearer")
                    .put("expires_in", 300).put("scope", "patient/*.read").put("subject", "hypomagnesemia-cds");
        }
        return body;
    }

    private void stubFhir() {
        String empty = "{\"resourceType\":\"Bundle\",\"type\":\"searchset\",\"total\":0,\"entry\":[]}";
        fhir.stubFor(any(urlPathMatching("/fhir/.*")).withQueryParam("code", containing("19123-9"))
                .willReturn(aResponse().withHeader("Content-Type", "application/fhir+json").withBody(empty)));
        fhir.stubFor(any(urlPathMatching("/fhir/.*")).withQueryParam("code", containing("2823-3"))
                .willReturn(aResponse().withStatus(500).withHeader("Content-Type", "application/fhir+json")
                        .withBody("{\"resourceType\":\"OperationOutcome\",\"issue\":[{\"severity\":\"error\",\"code\":\"exception\"}]}")));
        fhir.stubFor(any(urlPathMatching("/fhir/.*")).withQueryParam("code", containing("17861-6"))
                .willReturn(aResponse().withHeader("Content-Type", "text/html").withBody("<html>login</html>")));
        fhir.stubFor(any(urlPathMatching("/fhir/.*")).withQueryParam("code", containing("2160-0"))
                .willReturn(aResponse().withHeader("Content-Type", "application/fhir+json").withBody(empty)
                        .withFixedDelay(8000)));
    }

    private void feedback(String card, String outcome, String system, String code, String suggestion) {
        ObjectNode item = Http.JSON.createObjectNode().put("card", card).put("outcome", outcome)
                .put("outcomeTimestamp", "2026-11-23T12:05:00Z");
        if (code != null) {
            ObjectNode reason = item.putObject("overrideReason").putObject("reason");
            reason.put("system", system).put("code", code).put("display", "a reason");
        }
        if (suggestion != null) {
            item.putArray("acceptedSuggestions").addObject().put("id", suggestion);
        }
        ObjectNode body = Http.JSON.createObjectNode();
        body.putArray("feedback").add(item);
        Http.Answer r = http.post("/cds-services/" + PV + "/feedback", body.toString()).send();
        assertThat(r.status()).as(r.body()).isEqualTo(200);
    }

    private String prometheus() {
        Http.Answer r = http.get("/actuator/prometheus").accept("text/plain").send();
        assertThat(r.status()).isEqualTo(200);
        return r.body();
    }
}
