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
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * One request in, the HTTP response out, for each hook: the example requests of hooks/ (built from the
 * sample patients of fhir-samples/, dated at the 2026-11-23 anchor, so the clock is pinned there).
 */
@Tag(TestPhases.CONTEXT)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"cds.security.mode=demo", "cds.clock.fixed=2026-11-23T12:00:00Z"})
class HookEndToEndTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    int port;

    private JsonNode post(String service, JsonNode body) throws Exception {
        Http.Answer r = Http.local(port).post("/cds-services/" + service, body.toString()).send();
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return JSON.readTree(r.body());
    }

    private static ObjectNode hookFile(String name) throws IOException {
        return (ObjectNode) JSON.readTree(Files.readString(Path.of("hooks", name)));
    }

    private static List<JsonNode> resources(JsonNode card) {
        List<JsonNode> out = new ArrayList<>();
        card.path("suggestions").forEach(s -> s.path("actions").forEach(a -> out.add(a.path("resource"))));
        return out;
    }

    private static JsonNode dose(JsonNode medicationRequest) {
        return medicationRequest.at("/dosageInstruction/0/doseAndRate/0/doseQuantity");
    }

    @Test
    void patientView_severeCkd_givesCriticalAlertWithTheHalvedDose() throws Exception {
        JsonNode cards = post("hypomagnesemia-patient-view", hookFile("patient-view-severe-ckd-prefetch.json"))
                .path("cards");
        JsonNode alert = cards.get(0);
        assertThat(alert.path("indicator").asString()).isEqualTo("critical");
        assertThat(alert.path("summary").asString()).contains("0.8 mg/dL").contains("2026-11-2");
        assertThat(alert.path("summary").asString().length()).isLessThan(140);
        assertThat(alert.path("selectionBehavior").asString()).isEqualTo("at-most-one");
        JsonNode first = alert.at("/suggestions/0/actions/0/resource");
        assertThat(first.path("resourceType").asString()).isEqualTo("MedicationRequest");
        assertThat(dose(first).path("value").decimalValue()).isEqualByComparingTo("2");
        assertThat(dose(first).path("code").asString()).isEqualTo("g");
        assertThat(first.at("/medicationCodeableConcept/coding/0/code").asString()).isEqualTo("B05XA05");
        assertThat(first.at("/dosageInstruction/0/text").asString()).contains("mEq");
        assertThat(alert.path("source").path("topic").path("code").asString()).isNotBlank();
    }

    @Test
    void patientView_decimalsOfThePrefetchStayAsWritten() throws Exception {
        ObjectNode request = hookFile("patient-view-severe-ckd-prefetch.json");
        ObjectNode newest = (ObjectNode) request.at("/prefetch/magnesium/entry").get(0).path("resource")
                .path("valueQuantity");
        newest.put("value", new java.math.BigDecimal("0.50"));
        newest.put("unit", "mmol/L");
        newest.put("code", "mmol/L");
        JsonNode alert = post("hypomagnesemia-patient-view", request).path("cards").get(0);
        // 0.50 mmol/L = 1.2 mg/dL (x 2.431); the reported value is quoted as the lab wrote it, not as 0.5
        assertThat(alert.path("detail").asString()).contains("0.50 mmol/L").contains("1.2 mg/dL");
    }

    @Test
    void patientView_normalMgOnAPpi_givesNoCard() throws Exception {
        ObjectNode request = hookFile("patient-view-severe-ckd-prefetch.json");
        setNewestMg(request, 2.0);
        ((ObjectNode) request.path("prefetch")).set("medicationRequests", emptyBundle());
        ((ObjectNode) request.path("prefetch")).set("medicationStatements", emptyBundle());
        // eGFR 25 with a normal Mg and no wasting drug: nothing to say (D12)
        assertThat(post("hypomagnesemia-patient-view", request).path("cards").size()).isZero();
    }

    @Test
    void orderSelect_loopDiureticForMg1_1_givesOneWarningWithDose_andNoDuplicateAfterAccepting() throws Exception {
        ObjectNode request = hookFile("order-select-furosemide-moderate-ppi-prefetch.json");
        setNewestMg(request, 1.1);
        ((ObjectNode) request.path("prefetch")).set("medicationStatements", emptyBundle());
        ((ObjectNode) request.path("prefetch")).set("medicationRequests", emptyBundle());
        JsonNode cards = post("hypomagnesemia-order-select", request).path("cards");
        // the warning, and the D8 labs that go with its IV suggestion on their own card (issue 19 item 11)
        assertThat(cards.size()).as(cards.toString()).isEqualTo(2);
        assertThat(cards.get(1).at("/source/topic/code").asString()).isEqualTo("hypomag-monitoring");
        JsonNode card = cards.get(0);
        assertThat(card.path("indicator").asString()).isEqualTo("warning");
        assertThat(card.path("summary").asString()).contains("1.1 mg/dL");
        JsonNode order = resources(card).stream()
                .filter(r -> r.path("resourceType").asString().equals("MedicationRequest")).findFirst().orElseThrow();
        assertThat(dose(order).path("value").decimalValue()).isEqualByComparingTo("2");

        ObjectNode accepted = (ObjectNode) order.deepCopy();
        accepted.put("id", "accepted-mg");
        ObjectNode context = (ObjectNode) request.path("context");
        ((ArrayNode) context.path("draftOrders").path("entry")).addObject().set("resource", accepted);
        ((ArrayNode) context.path("selections")).add("MedicationRequest/accepted-mg");
        request.put("hookInstance", "2c1a3c5e-9d52-4c4e-8d7a-4a1a8f0b9e11");
        JsonNode again = post("hypomagnesemia-order-select", request).path("cards");
        for (JsonNode c : again) {
            assertThat(resources(c)).noneMatch(r -> r.path("resourceType").asString().equals("MedicationRequest"));
        }
    }

    @Test
    void orderSelect_sixGramsForEgfr25_givesAWarningThatUpdatesTheDraftToTwoGrams() throws Exception {
        JsonNode cards = post("hypomagnesemia-order-select",
                hookFile("order-select-mgso4-overdose-severe-ckd-prefetch.json")).path("cards");
        JsonNode check = null;
        for (JsonNode c : cards) {
            for (JsonNode s : c.path("suggestions")) {
                for (JsonNode a : s.path("actions")) {
                    if (a.path("type").asString().equals("update")) {
                        check = c;
                        assertThat(a.path("resource").path("id").asString()).isEqualTo("draft-mgso4");
                        assertThat(dose(a.path("resource")).path("value").decimalValue()).isEqualByComparingTo("2");
                    }
                }
            }
        }
        assertThat(check).as(cards.toString()).isNotNull();
        assertThat(check.path("indicator").asString()).isEqualTo("warning");
    }

    @Test
    void orderSelect_correctMgSulfate_getsNoReplacementSuggestion() throws Exception {
        JsonNode cards = post("hypomagnesemia-order-select",
                hookFile("order-select-mgso4-correct-severe-ckd-prefetch.json")).path("cards");
        for (JsonNode c : cards) {
            for (JsonNode s : c.path("suggestions")) {
                for (JsonNode a : s.path("actions")) {
                    assertThat(a.path("resource").path("resourceType").asString()).isNotEqualTo("MedicationRequest");
                }
            }
        }
    }

    private static void setNewestMg(ObjectNode request, double value) {
        JsonNode entries = request.at("/prefetch/magnesium/entry");
        ObjectNode newest = (ObjectNode) entries.get(0).path("resource").path("valueQuantity");
        newest.put("value", value);
    }

    private static ObjectNode emptyBundle() {
        ObjectNode b = JSON.createObjectNode();
        b.put("resourceType", "Bundle");
        b.put("type", "searchset");
        b.put("total", 0);
        return b;
    }
}
