package org.hypomag.cds.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.hypomag.cds.TestPhases;
import org.hypomag.cds.testing.Http;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Issue 18.2, 18.5, 18.7 and 19.18 end to end: the exposure chain (D22), one serum Mg order per response, no
 * stale re-check for a low older than 365 days, each class's own gap wording and source, administrations.
 * Built on the severe-ckd example request (clock pinned at its 2026-11-23 anchor).
 */
@Tag(TestPhases.CONTEXT)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"cds.security.mode=demo", "cds.clock.fixed=2026-11-23T12:00:00Z"})
class ExposureEndToEndTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String RXNORM = "http://www.nlm.nih.gov/research/umls/rxnorm";

    @LocalServerPort
    int port;

    @Test
    void renewedThiazide_oldLowMg_givesOneGapCardWithOneMgOrder_andTheThiazidesOwnWording() throws Exception {
        ObjectNode request = base();
        prefetch(request).set("magnesium", bundle(mg("mg-2016", "2016-03-02T08:00:00Z", 1.5)));
        prefetch(request).set("medicationRequests", bundle(
                request("rx-1", "stopped", "310798", "HCTZ 25 mg", "2025-12-01",
                        ",\"dispenseRequest\":{\"validityPeriod\":{\"start\":\"2025-12-01\",\"end\":\"2026-10-15\"}}"),
                request("rx-2", "active", "310798", "HCTZ 25 mg", "2026-10-21", "")));

        JsonNode cards = post(request).path("cards");

        assertThat(topics(cards)).as(cards.toString()).containsExactly("hypomag-monitoring-gap");
        JsonNode gap = cards.get(0);
        assertThat(gap.path("detail").asString()).contains("HCTZ 25 mg").contains("(last result 2016-03-02)")
                .contains("renal Mg loss").doesNotContain("FDA").doesNotContain("PPI").doesNotContain("on record")
                .doesNotContain("D10").doesNotContain("D22");
        assertThat(gap.path("source").path("url").isMissingNode() || gap.path("source").path("url").isNull())
                .as("no FDA PPI page on a thiazide gap card").isTrue();
        assertThat(gap.at("/suggestions/0/label").asString())
                .isEqualTo("Serum magnesium: now, none in the last 365 days (last one 2016-03-02)");
        assertThat(mgOrders(cards)).isEqualTo(1);
    }

    @Test
    void longTermPpi_noMg_linksTheFdaPage() throws Exception {
        ObjectNode request = base();
        prefetch(request).set("magnesium", bundle());
        prefetch(request).set("medicationRequests", bundle(
                request("rx-ppi", "active", "7646", "omeprazole 20 mg", "2025-06-01", "")));

        JsonNode cards = post(request).path("cards");

        JsonNode gap = only(cards, "hypomag-monitoring-gap");
        assertThat(gap.path("source").path("url").asString()).contains("fda.gov");
        assertThat(gap.path("detail").asString()).contains("FDA (2011)").contains("(none on record)");
        assertThat(mgOrders(cards)).isEqualTo(1);
    }

    /** 19.18: the drug-cause card of a loop diuretic does not link the FDA PPI page. */
    @Test
    void lowMgOnFurosemide_drugCauseCardLinksNoPpiPage() throws Exception {
        JsonNode cards = post(base()).path("cards");
        JsonNode cause = only(cards, "hypomag-drug-cause");
        assertThat(cause.path("summary").asString()).contains("Loop diuretic");
        JsonNode url = cause.path("source").path("url");
        assertThat(url.isMissingNode() || url.isNull()).as(cause.toString()).isTrue();
    }

    /** 18.7: a cisplatin infusion 60 days ago (an administration) is a cause of today's low Mg. */
    @Test
    void cisplatinAdministration_isADrugCause() throws Exception {
        ObjectNode request = base();
        prefetch(request).set("medicationRequests", bundle());
        prefetch(request).set("medicationAdministrations", bundle(JSON.readTree("""
                {"resourceType":"MedicationAdministration","id":"ma-1","status":"completed",
                 "medicationCodeableConcept":{"coding":[{"system":"%s","code":"2555"}],"text":"cisplatin 75 mg/m2 IV"},
                 "subject":{"reference":"Patient/severe-ckd"},
                 "effectivePeriod":{"start":"2026-09-24T09:00:00Z","end":"2026-09-24T11:00:00Z"}}""".formatted(RXNORM))));

        JsonNode cards = post(request).path("cards");

        JsonNode cause = only(cards, "hypomag-drug-cause");
        assertThat(cause.path("detail").asString()).contains("cisplatin 75 mg/m2 IV").contains("20-40%");
    }

    private static ObjectNode base() throws IOException {
        return (ObjectNode) JSON.readTree(Files.readString(Path.of("hooks", "patient-view-severe-ckd-prefetch.json")));
    }

    private static ObjectNode prefetch(ObjectNode request) {
        return (ObjectNode) request.path("prefetch");
    }

    private JsonNode post(JsonNode body) throws Exception {
        Http.Answer r = Http.local(port).post("/cds-services/hypomagnesemia-patient-view", body.toString()).send();
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return JSON.readTree(r.body());
    }

    private static List<String> topics(JsonNode cards) {
        List<String> out = new ArrayList<>();
        cards.forEach(c -> out.add(c.at("/source/topic/code").asString()));
        return out;
    }

    private static JsonNode only(JsonNode cards, String topic) {
        List<JsonNode> found = new ArrayList<>();
        cards.forEach(c -> {
            if (topic.equals(c.at("/source/topic/code").asString())) {
                found.add(c);
            }
        });
        assertThat(found).as(cards.toString()).hasSize(1);
        return found.get(0);
    }

    /** Serum Mg ServiceRequests across every card of the response. */
    private static int mgOrders(JsonNode cards) {
        int n = 0;
        for (JsonNode c : cards) {
            for (JsonNode s : c.path("suggestions")) {
                for (JsonNode a : s.path("actions")) {
                    JsonNode r = a.path("resource");
                    if ("ServiceRequest".equals(r.path("resourceType").asString())
                            && r.toString().contains("\"19123-9\"")) {
                        n++;
                    }
                }
            }
        }
        return n;
    }

    private static JsonNode mg(String id, String when, double value) throws IOException {
        return JSON.readTree("""
                {"resourceType":"Observation","id":"%s","status":"final",
                 "code":{"coding":[{"system":"http://loinc.org","code":"19123-9"}]},
                 "subject":{"reference":"Patient/severe-ckd"},"effectiveDateTime":"%s",
                 "valueQuantity":{"value":%s,"unit":"mg/dL","system":"http://unitsofmeasure.org","code":"mg/dL"}}"""
                .formatted(id, when, value));
    }

    private static JsonNode request(String id, String status, String code, String text, String authored,
                                    String extra) throws IOException {
        return JSON.readTree("""
                {"resourceType":"MedicationRequest","id":"%s","status":"%s","intent":"order",
                 "medicationCodeableConcept":{"coding":[{"system":"%s","code":"%s"}],"text":"%s"},
                 "subject":{"reference":"Patient/severe-ckd"},"authoredOn":"%s"%s}"""
                .formatted(id, status, RXNORM, code, text, authored, extra));
    }

    private static ObjectNode bundle(JsonNode... resources) {
        ObjectNode b = JSON.createObjectNode();
        b.put("resourceType", "Bundle");
        b.put("type", "searchset");
        b.put("total", resources.length);
        var entries = b.putArray("entry");
        for (JsonNode r : resources) {
            entries.addObject().set("resource", r);
        }
        return b;
    }
}
