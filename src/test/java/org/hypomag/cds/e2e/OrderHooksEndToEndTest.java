package org.hypomag.cds.e2e;

import static org.assertj.core.api.Assertions.assertThat;

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
 * Issue 5 end to end: drafts as EHRs really send them (SNOMED-only, text-only, a contained Medication, a dose
 * given as a rate, a child's mg/kg order), the sandbox's own requests, and order-sign after the clinician
 * answered an order-select card.
 */
@Tag(TestPhases.CONTEXT)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"cds.security.mode=demo", "cds.clock.fixed=2026-11-23T12:00:00Z"})
class OrderHooksEndToEndTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    int port;

    private JsonNode post(String path, JsonNode body) throws Exception {
        Http.Answer r = Http.local(port).post(path, body.toString()).send();
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return JSON.readTree(r.body());
    }

    private JsonNode orderSelect(JsonNode body) throws Exception {
        return post("/cds-services/hypomagnesemia-order-select", body).path("cards");
    }

    /** moderate-ppi with Mg 1.1 and no other wasting drug; the draft's medication replaced by {@code med}. */
    private static ObjectNode lowMgWithDraft(String medicationJson) throws Exception {
        ObjectNode request = (ObjectNode) JSON.readTree(Files.readString(
                Path.of("hooks", "order-select-furosemide-moderate-ppi-prefetch.json")));
        ((ObjectNode) request.at("/prefetch/magnesium/entry/0/resource/valueQuantity")).put("value", 1.1);
        ObjectNode empty = JSON.createObjectNode().put("resourceType", "Bundle").put("type", "searchset").put("total", 0);
        ((ObjectNode) request.path("prefetch")).set("medicationStatements", empty);
        ((ObjectNode) request.path("prefetch")).set("medicationRequests", empty.deepCopy());
        ObjectNode draft = (ObjectNode) request.at("/context/draftOrders/entry/0/resource");
        draft.remove("medicationCodeableConcept");
        JsonNode med = JSON.readTree(medicationJson);
        med.properties().forEach(e -> draft.set(e.getKey(), e.getValue()));
        return request;
    }

    private static List<String> topics(JsonNode cards) {
        List<String> out = new ArrayList<>();
        cards.forEach(c -> out.add(c.at("/source/topic/code").asString()));
        return out;
    }

    @Test
    void snomedOnlyChlorthalidone_isRecognised() throws Exception {
        JsonNode cards = orderSelect(lowMgWithDraft("{\"medicationCodeableConcept\":{\"coding\":[{\"system\":"
                + "\"http://snomed.info/sct\",\"code\":\"317935006\"}],\"text\":\"Chlorthalidone 50mg tablet\"}}"));
        assertThat(topics(cards)).contains("hypomag-order-wasting-drug");
        assertThat(cards.get(0).path("indicator").asString()).isEqualTo("warning");
    }

    @Test
    void textOnlyOmeprazole_isRecognised() throws Exception {
        JsonNode cards = orderSelect(lowMgWithDraft("{\"medicationCodeableConcept\":{\"text\":\"Omeprazole 20 mg capsule\"}}"));
        assertThat(topics(cards)).contains("hypomag-order-wasting-drug");
    }

    @Test
    void cisplatinInAContainedMedication_isRecognised() throws Exception {
        JsonNode cards = orderSelect(lowMgWithDraft("{\"contained\":[{\"resourceType\":\"Medication\",\"id\":\"med1\","
                + "\"code\":{\"coding\":[{\"system\":\"http://snomed.info/sct\",\"code\":\"57066004\",\"display\":"
                + "\"Cisplatin\"}]}}],\"medicationReference\":{\"reference\":\"#med1\"}}"));
        assertThat(topics(cards)).contains("hypomag-order-wasting-drug");
    }

    @Test
    void unrelatedDrug_givesNoCard() throws Exception {
        JsonNode cards = orderSelect(lowMgWithDraft("{\"medicationCodeableConcept\":{\"coding\":[{\"system\":"
                + "\"http://www.nlm.nih.gov/research/umls/rxnorm\",\"code\":\"308191\"}],\"text\":\"Amoxicillin 500 MG\"}}"));
        assertThat(cards.size()).isZero();
    }

    @Test
    void sixGramsGivenAsARate_forEgfr25_isCorrectedToTwoGramsInTheSameDraft() throws Exception {
        ObjectNode request = (ObjectNode) JSON.readTree(Files.readString(
                Path.of("hooks", "order-select-mgso4-overdose-severe-ckd-prefetch.json")));
        ObjectNode dosage = (ObjectNode) request.at("/context/draftOrders/entry/0/resource/dosageInstruction/0");
        dosage.remove("timing");
        ObjectNode doseAndRate = (ObjectNode) dosage.at("/doseAndRate/0");
        doseAndRate.set("rateQuantity", JSON.readTree("{\"value\":0.5,\"unit\":\"g/h\",\"system\":"
                + "\"http://unitsofmeasure.org\",\"code\":\"g/h\"}"));
        JsonNode update = updateAction(orderSelect(request));
        assertThat(update.at("/resource/id").asString()).isEqualTo("draft-mgso4");
        assertThat(update.at("/resource/dosageInstruction/0/doseAndRate/0/doseQuantity/value").decimalValue())
                .isEqualByComparingTo("2");
    }

    @Test
    void childOrderedTwoGrams_isCorrectedToTwentyFiveMgPerKg() throws Exception {
        ObjectNode request = (ObjectNode) JSON.readTree(Files.readString(
                Path.of("hooks", "patient-view-child-moderate-prefetch.json")));
        ObjectNode overdose = (ObjectNode) JSON.readTree(Files.readString(
                Path.of("hooks", "order-select-mgso4-overdose-severe-ckd-prefetch.json")));
        request.put("hook", "order-select");
        ObjectNode context = (ObjectNode) request.path("context");
        ObjectNode drafts = (ObjectNode) overdose.at("/context/draftOrders").deepCopy();
        ObjectNode draft = (ObjectNode) drafts.at("/entry/0/resource");
        ((ObjectNode) draft.path("subject")).put("reference", "Patient/" + context.path("patientId").asString());
        ((ObjectNode) draft.at("/dosageInstruction/0/doseAndRate/0/doseQuantity")).put("value", 2);
        context.set("draftOrders", drafts);
        context.set("selections", JSON.createArrayNode().add("MedicationRequest/draft-mgso4"));
        JsonNode update = updateAction(orderSelect(request));
        // D7: 25 mg/kg x 25 kg = 0.625 g (the engine rounds a child's dose down to whole mg/10)
        assertThat(update.at("/resource/dosageInstruction/0/doseAndRate/0/doseQuantity/value").decimalValue())
                .isBetween(new java.math.BigDecimal("0.6"), new java.math.BigDecimal("0.625"));
    }

    @Test
    void sandboxAfterAcceptRequest_suggestsNoMagnesiumOrderAgain() throws Exception {
        ObjectNode body = (ObjectNode) JSON.readTree(getClass().getClassLoader()
                .getResourceAsStream("fixtures/sandbox/sandbox-order-select-after-accept.json")).path("body").deepCopy();
        body.remove("fhirServer"); // no FHIR server here: everything the EHR did not prefetch is absent
        ObjectNode prefetch = (ObjectNode) body.path("prefetch");
        for (String key : List.of("magnesium", "potassium", "calcium", "renal", "weight", "medicationStatements",
                "medicationRequests", "conditions")) {
            prefetch.putNull(key);
        }
        for (JsonNode card : orderSelect(body)) {
            card.path("suggestions").forEach(s -> s.path("actions").forEach(a ->
                    assertThat(a.path("resource").path("resourceType").asString()).isNotEqualTo("MedicationRequest")));
        }
    }

    @Test
    void orderSign_doesNotRepeatACardOverriddenAtOrderSelect() throws Exception {
        ObjectNode select = lowMgWithDraft("{\"medicationCodeableConcept\":{\"coding\":[{\"system\":"
                + "\"http://www.nlm.nih.gov/research/umls/rxnorm\",\"code\":\"313988\"}],\"text\":\"Furosemide 40 MG\"}}");
        JsonNode card = orderSelect(select).get(0);
        post("/cds-services/hypomagnesemia-order-select/feedback", JSON.readTree("{\"feedback\":[{\"card\":\""
                + card.path("uuid").asString() + "\",\"outcome\":\"overridden\",\"overrideReason\":{\"reason\":"
                + card.path("overrideReasons").get(0).toString() + "},\"outcomeTimestamp\":\"2026-11-23T12:01:00Z\"}]}"));
        ObjectNode sign = select.deepCopy();
        sign.put("hook", "order-sign");
        sign.put("hookInstance", "b1d0f0c2-7e0a-4f55-9a51-7d2f5c9c0a11");
        ((ObjectNode) sign.path("context")).remove("selections");
        JsonNode signCards = post("/cds-services/hypomagnesemia-order-sign", sign).path("cards");
        assertThat(topics(signCards)).doesNotContain("hypomag-order-wasting-drug");

        ObjectNode otherEncounter = sign.deepCopy();
        ((ObjectNode) otherEncounter.path("context")).put("encounterId", "another-encounter");
        assertThat(topics(post("/cds-services/hypomagnesemia-order-sign", otherEncounter).path("cards")))
                .contains("hypomag-order-wasting-drug");
    }

    private static JsonNode updateAction(JsonNode cards) {
        for (JsonNode c : cards) {
            for (JsonNode s : c.path("suggestions")) {
                for (JsonNode a : s.path("actions")) {
                    if (a.path("type").asString().equals("update")) {
                        assertThat(c.path("indicator").asString()).isEqualTo("warning");
                        return a;
                    }
                }
            }
        }
        throw new AssertionError("no update action in " + cards);
    }

}
