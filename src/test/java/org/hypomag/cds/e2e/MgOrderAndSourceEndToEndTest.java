package org.hypomag.cds.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

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
 * Issue 19 items 9, 10, 11, 14 and 16 end to end: magnesium orders as the sandbox really sends them back (dose
 * only in the text, an ATC code labelled RxNorm, no infusion time), a drafted MgSO4 with a normal Mg with and
 * without another indication, the D8 labs with an order-hook IV suggestion, and the magnesium source on the
 * hypermagnesemia card.
 */
@Tag(TestPhases.CONTEXT)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"cds.security.mode=demo", "cds.clock.fixed=2026-11-23T12:00:00Z"})
class MgOrderAndSourceEndToEndTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Pattern RULE_ID = Pattern.compile("\\b(D\\d{1,2}|T-[A-Z]+(-[A-Z]+)*|R\\d{2})\\b");
    private static final String RXNORM = "http://www.nlm.nih.gov/research/umls/rxnorm";

    @LocalServerPort
    int port;

    private JsonNode post(String service, JsonNode body) throws Exception {
        Http.Answer r = Http.local(port).post("/cds-services/" + service, body.toString()).send();
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return JSON.readTree(r.body()).path("cards");
    }

    /** moderate-ppi (eGFR 82) with Mg {@code mg}, no medications, the draft as the sandbox returns an accepted order. */
    private static ObjectNode mgDraft(String mg, String medicationText, String code, String system) throws Exception {
        ObjectNode request = (ObjectNode) JSON.readTree(Files.readString(
                Path.of("hooks", "order-select-furosemide-moderate-ppi-prefetch.json")));
        ((ObjectNode) request.at("/prefetch/magnesium/entry/0/resource/valueQuantity")).put("value", new java.math.BigDecimal(mg));
        ObjectNode empty = JSON.createObjectNode().put("resourceType", "Bundle").put("type", "searchset").put("total", 0);
        ((ObjectNode) request.path("prefetch")).set("medicationStatements", empty);
        ((ObjectNode) request.path("prefetch")).set("medicationRequests", empty.deepCopy());
        ObjectNode draft = (ObjectNode) request.at("/context/draftOrders/entry/0/resource");
        ObjectNode med = draft.putObject("medicationCodeableConcept").put("text", medicationText);
        med.putArray("coding").addObject().put("system", system).put("code", code).put("display", medicationText);
        return request; // the dosage stays the sandbox's: doseQuantity 1 {pill}, no duration or rate
    }

    private static List<String> topics(JsonNode cards) {
        List<String> out = new ArrayList<>();
        cards.forEach(c -> out.add(c.at("/source/topic/code").asString()));
        return out;
    }

    private static JsonNode card(JsonNode cards, String topic) {
        for (JsonNode c : cards) {
            if (c.at("/source/topic/code").asString().equals(topic)) {
                return c;
            }
        }
        throw new AssertionError("no " + topic + " in " + cards);
    }

    private static void readable(JsonNode card) {
        String text = card.path("summary").asString() + "\n" + card.path("detail").asString();
        assertThat(RULE_ID.matcher(text).find()).as("no rule id in %s", text).isFalse();
        List<String> sentences = new ArrayList<>();
        for (String s : card.path("detail").asString().split("(?<=[.!?])\\s+")) {
            if (s.length() > 20) {
                assertThat(sentences).as("sentence twice: %s", s).doesNotContain(s);
                sentences.add(s);
            }
        }
        assertThat(card.path("summary").asString().length()).isLessThan(140);
    }

    @Test
    void acceptedSuggestionWithTheDoseOnlyInItsText_andAnAtcCodeLabelledRxNorm_isReadAndSaysSo() throws Exception {
        JsonNode cards = post("hypomagnesemia-order-select", mgDraft("1.1",
                "Magnesium sulfate 4 g (32.5 mEq) in D5W IV over 24 h", "B05XA05", RXNORM));
        JsonNode c = card(cards, "hypomag-order-mg-check");
        // 4 g over 24 h is inside the moderate 2-4 g over 4-12 h or longer: no problem, but not silent
        assertThat(c.path("indicator").asString()).isEqualTo("info");
        assertThat(c.path("detail").asString()).contains("1 \\{pill\\}").contains("the 4 g written in the order")
                .contains("24 h written in its text").contains("B05XA05 is an ATC code");
        assertThat(c.path("summary").asString()).contains("dose read from the text (4 g)");
        // no change is suggested, only the D8 labs that go with an IV infusion
        c.path("suggestions").forEach(s -> assertThat(s.at("/actions/0/resource/resourceType").asString())
                .isEqualTo("ServiceRequest"));
        readable(c);
    }

    @Test
    void fortyGramsOverOneHourInTheText_withAPillDose_isAWarningThatNamesTheNumbers() throws Exception {
        JsonNode cards = post("hypomagnesemia-order-select", mgDraft("1.1",
                "Magnesium sulfate 40 g in D5W IV over 1 h", "B05XA05", RXNORM));
        JsonNode c = card(cards, "hypomag-order-mg-check");
        assertThat(c.path("indicator").asString()).isEqualTo("warning");
        String detail = c.path("detail").asString();
        assertThat(detail).contains("The ordered 40 g is above the range");
        // the too-fast check names the draft's time and rate and the allowed ones (moderate: 4 h or longer)
        assertThat(detail).contains("40 g over 1 h (40 g/h)").contains("4 h (at most 10 g/h)");
        // the update changes the dose and the time, and says so
        assertThat(detail).contains("changes the dose from 40 g to 2 g and the infusion time from 1 h to 12 h");
        JsonNode update = c.at("/suggestions/0/actions/0");
        assertThat(update.path("type").asString()).isEqualTo("update");
        assertThat(update.at("/resource/dosageInstruction/0/doseAndRate/0/doseQuantity/value").decimalValue())
                .isEqualByComparingTo("2");
        readable(c);
    }

    @Test
    void magnesiumOrderWithNoReadableDoseAndNoTime_warnsThatNeitherCouldBeChecked() throws Exception {
        JsonNode cards = post("hypomagnesemia-order-select", mgDraft("1.1", "Magnesium sulfate IV", "1665764", RXNORM));
        JsonNode c = card(cards, "hypomag-order-mg-check");
        assertThat(c.path("indicator").asString()).isEqualTo("warning");
        assertThat(c.path("summary").asString()).contains("could not be read");
        assertThat(c.path("detail").asString()).contains("The dose could not be checked")
                .contains("no infusion time or rate").contains("4 h or longer");
        readable(c);
    }

    @Test
    void sandboxTwoGramsIv_withNoInfusionTime_asksForOne() throws Exception {
        JsonNode cards = post("hypomagnesemia-order-select", mgDraft("1.1", "Magnesium sulfate 2 g IV", "1665764",
                RXNORM));
        JsonNode c = card(cards, "hypomag-order-mg-check");
        assertThat(c.path("indicator").asString()).isEqualTo("warning");
        assertThat(c.path("summary").asString()).contains("no infusion time or rate");
        // the suggested complete order keeps the 2 g and adds the time; it also carries the D8 labs
        assertThat(c.path("detail").asString()).contains("the infusion time from none to 12 h")
                .doesNotContain("the dose from");
        List<String> labs = new ArrayList<>();
        c.path("suggestions").forEach(s -> s.path("actions").forEach(a -> {
            if (a.at("/resource/resourceType").asString().equals("ServiceRequest")) {
                labs.add(a.at("/resource/code/coding/0/code").asString());
            }
        }));
        assertThat(labs).containsExactly("19123-9", "2823-3");
        readable(c);
    }

    @Test
    void mgSulfateWithANormalMg_saysNoHypomagnesemiaIndication_withoutADelete() throws Exception {
        JsonNode cards = post("hypomagnesemia-order-sign", JSON.readTree(Files.readString(
                Path.of("hooks", "order-sign-mgso4-normal-mg-ppi-prefetch.json"))));
        JsonNode c = card(cards, "hypomag-order-mg-check");
        assertThat(c.path("summary").asString()).contains("no hypomagnesemia indication");
        assertThat(c.path("detail").asString()).doesNotContain("normal hypomagnesemia");
        c.path("suggestions").forEach(s -> s.path("actions").forEach(a ->
                assertThat(a.path("type").asString()).isNotEqualTo("delete")));
        List<String> reasons = new ArrayList<>();
        c.path("overrideReasons").forEach(r -> reasons.add(r.path("display").asString()));
        assertThat(reasons).anyMatch(r -> r.startsWith("Other indication for magnesium"));
        readable(c);
    }

    @Test
    void mgSulfateWithANormalMg_andPreEclampsiaInThisEncounter_isSilent() throws Exception {
        ObjectNode request = (ObjectNode) JSON.readTree(Files.readString(
                Path.of("hooks", "order-sign-mgso4-normal-mg-ppi-prefetch.json")));
        ObjectNode conditions = JSON.createObjectNode().put("resourceType", "Bundle").put("type", "searchset");
        ArrayNode entries = conditions.putArray("entry");
        ObjectNode condition = entries.addObject().putObject("resource").put("resourceType", "Condition")
                .put("id", "pe1").put("recordedDate", "2026-11-23T06:00:00Z");
        condition.putObject("clinicalStatus").putArray("coding").addObject()
                .put("system", "http://terminology.hl7.org/CodeSystem/condition-clinical").put("code", "active");
        condition.putArray("category").addObject().putArray("coding").addObject()
                .put("system", "http://terminology.hl7.org/CodeSystem/condition-category").put("code", "encounter-diagnosis");
        condition.putObject("code").put("text", "Severe pre-eclampsia").putArray("coding").addObject()
                .put("system", "http://snomed.info/sct").put("code", "398254007");
        condition.putObject("subject").put("reference", "Patient/" + request.at("/context/patientId").asString());
        ((ObjectNode) request.path("prefetch")).set("conditions", conditions);
        assertThat(post("hypomagnesemia-order-sign", request).size()).isZero();
    }

    @Test
    void wastingDrugWithLowMg_suggestsTheD8Labs_andListsItsOrdersUnderTheHeading() throws Exception {
        JsonNode cards = post("hypomagnesemia-order-select", JSON.readTree(Files.readString(
                Path.of("hooks", "order-select-furosemide-moderate-ppi-prefetch.json"))));
        assertThat(topics(cards)).contains("hypomag-order-wasting-drug", "hypomag-monitoring");
        JsonNode labs = card(cards, "hypomag-monitoring");
        List<String> codes = new ArrayList<>();
        labs.path("suggestions").forEach(s -> codes.add(s.at("/actions/0/resource/code/coding/0/code").asString()));
        assertThat(codes).contains("19123-9", "2823-3");
        String detail = card(cards, "hypomag-order-wasting-drug").path("detail").asString();
        int heading = detail.indexOf("**Suggested orders**");
        assertThat(heading).isNotNegative();
        assertThat(detail.substring(heading)).contains("\n- Magnesium sulfate 2 g");
        assertThat(detail.split("Antidote", -1)).as("antidote once").hasSize(2);
    }

    /** Mg 3.1 with eGFR 22 (sample 17's values) and magnesium oxide as an active order or a medication-list entry. */
    private ObjectNode hyperWith(String resourceType) throws Exception {
        ObjectNode request = (ObjectNode) JSON.readTree(Files.readString(
                Path.of("hooks", "order-select-furosemide-moderate-ppi-prefetch.json")));
        request.put("hook", "patient-view");
        ObjectNode context = (ObjectNode) request.path("context");
        context.remove("draftOrders");
        context.remove("selections");
        ((ObjectNode) request.at("/prefetch/magnesium/entry/0/resource/valueQuantity")).put("value", 3.1);
        ObjectNode empty = JSON.createObjectNode().put("resourceType", "Bundle").put("type", "searchset").put("total", 0);
        ObjectNode meds = JSON.createObjectNode().put("resourceType", "Bundle").put("type", "searchset");
        ObjectNode med = meds.putArray("entry").addObject().putObject("resource").put("resourceType", resourceType)
                .put("id", "mgo1").put("status", "active");
        if (resourceType.equals("MedicationRequest")) {
            med.put("intent", "order");
        }
        med.putObject("subject").put("reference", "Patient/moderate-ppi");
        med.putObject("medicationCodeableConcept").put("text", "Magnesium oxide 400 mg tablet").putArray("coding")
                .addObject().put("system", RXNORM).put("code", "198741");
        med.putArray(resourceType.equals("MedicationRequest") ? "dosageInstruction" : "dosage").addObject()
                .put("text", "400 mg by mouth twice daily");
        ObjectNode prefetch = (ObjectNode) request.path("prefetch");
        prefetch.set("medicationStatements", resourceType.equals("MedicationStatement") ? meds : empty);
        prefetch.set("medicationRequests", resourceType.equals("MedicationRequest") ? meds : empty.deepCopy());
        return request;
    }

    @Test
    void highMgWithAnActiveMagnesiumOxideOrder_namesIt_andSuggestsStoppingItAndARecheck() throws Exception {
        JsonNode cards = post("hypomagnesemia-patient-view", hyperWith("MedicationRequest"));
        JsonNode c = card(cards, "hypomag-hypermag");
        assertThat(c.path("indicator").asString()).isEqualTo("warning");
        assertThat(c.path("summary").asString()).contains("Magnesium oxide 400 mg tablet");
        assertThat(c.path("detail").asString()).contains("Magnesium source: Magnesium oxide 400 mg tablet")
                .contains("400 mg by mouth twice daily").contains("eGFR ");
        JsonNode stop = c.at("/suggestions/0/actions/0");
        assertThat(stop.path("type").asString()).isEqualTo("delete");
        assertThat(stop.path("resourceId").toString()).contains("MedicationRequest/mgo1");
        assertThat(c.at("/suggestions/1/actions/0/resource/resourceType").asString()).isEqualTo("ServiceRequest");
        assertThat(c.at("/suggestions/1/actions/0/resource/code/coding/0/code").asString()).isEqualTo("19123-9");
        readable(c);
    }

    @Test
    void highMgWithMagnesiumOxideOnTheMedicationList_namesIt_withANoteAndARecheck() throws Exception {
        JsonNode cards = post("hypomagnesemia-patient-view", hyperWith("MedicationStatement"));
        JsonNode c = card(cards, "hypomag-hypermag");
        assertThat(c.path("detail").asString()).contains("on the medication list").contains("Ask the patient to stop it");
        assertThat(c.path("suggestions").size()).isEqualTo(1);
        assertThat(c.at("/suggestions/0/actions/0/resource/resourceType").asString()).isEqualTo("ServiceRequest");
        readable(c);
    }
}
