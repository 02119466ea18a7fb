package org.hypomag.cds.samples;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Consumer;

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
 * Issue 19 items 1-8, 12, 13 and issue 18 items 1, 3 end to end: a sample patient of fhir-samples/ (changed where
 * the finding needs it) through the HTTP service with full prefetch, the card as the EHR receives it.
 */
@Tag(TestPhases.CONTEXT)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"cds.security.mode=demo", "cds.clock.fixed=2026-11-23T12:00:00Z"})
class PatientViewSafetyEndToEndTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String MG = "19123-9";
    private static final String EGFR = "98979-8";
    private static final String CREATININE = "2160-0";

    @LocalServerPort
    int port;

    @Test
    void severeChild_emergencyLineIsInMgPerKgWithTheMgForTheWeight_antidoteMarkedAdult() throws Exception {
        JsonNode alert = alert(patientView("08-child-moderate.json", b -> newest(b, MG).put("value", 0.8)));
        String detail = alert.path("detail").asString();
        assertThat(detail).contains("magnesium sulfate 25 to 50 mg/kg per dose, at most 2 g, in D5W or normal saline "
                + "IV over 2 to 15 min (25 kg on 2026-11-22: 625 to 1250 mg)");
        assertThat(detail).doesNotContain("1 to 2 g (8.1 to 16.2 mEq)");
        assertThat(detail).contains("Antidote (adult doses; children: use the paediatric protocol)");
        JsonNode first = alert.at("/suggestions/0/actions/0/resource");
        assertThat(first.at("/dosageInstruction/0/doseAndRate/0/doseQuantity/value").decimalValue())
                .isEqualByComparingTo("0.625");
        assertThat(alert.at("/suggestions/0/label").asString()).startsWith("Magnesium sulfate 625 mg (5.1 mEq)");
    }

    @Test
    void unknownAge_withAWeight_getsNoComputedDose_andTheAlertSaysWhatToRecord() throws Exception {
        JsonNode alert = alert(patientView("08-child-moderate.json", b -> patient(b).remove("birthDate")));
        assertThat(alert.path("suggestions").size()).isZero();
        assertThat(alert.path("summary").asString()).endsWith("birth date needed for a dose");
        assertThat(alert.path("detail").asString()).contains("Birth date missing or unreadable: no dose is computed",
                "record the birth date");
        JsonNode unparseable = alert(patientView("02-severe-adult.json", b -> patient(b).put("birthDate", "19x8-07")));
        assertThat(unparseable.path("suggestions").size()).as("never an adult 4 g for an unknown age").isZero();
        assertThat(unparseable.path("detail").asString()).contains("(adult):** magnesium sulfate 1 to 2 g",
                "(child):** magnesium sulfate 25 to 50 mg/kg per dose");
    }

    @Test
    void torsadesRecordedYearsAgo_isHistoryWithItsDate_notTheEmergencyRegimen() throws Exception {
        JsonNode cards = patientView("07-emergency-torsades.json", b -> {
            ObjectNode torsades = resource(b, "Condition", "emergency-torsades-condition-1");
            torsades.put("onsetDateTime", "2023-11-20T10:00:00Z").put("recordedDate", "2023-11-20T10:00:00Z");
            torsades.remove("encounter");
        });
        JsonNode alert = alert(cards);
        assertThat(alert.path("summary").asString()).startsWith("Moderate hypomagnesemia: Mg 1.1 mg/dL");
        assertThat(alert.path("detail").asString()).contains("History of torsades de pointes, onset 2023-11-20 10:00 UTC");
        assertThat(alert.path("suggestions").toString()).doesNotContain("over 15 min");
        assertThat(alert.path("indicator").asString()).isEqualTo("critical"); // moderate + low K, one step up
    }

    @Test
    void torsadesOfTheCurrentEncounter_leadsTheSummaryWithTheConditionAndItsDate() throws Exception {
        JsonNode alert = alert(patientView("07-emergency-torsades.json", b -> { }));
        assertThat(alert.path("summary").asString()).isEqualTo(
                "Torsades de pointes: emergency magnesium sulfate 1 g IV over 15 min; Mg 1.1 mg/dL (moderate) on 2026-11-22");
        assertThat(alert.path("detail").asString()).startsWith(
                "**Torsades de pointes** (onset 2026-11-22 22:05 UTC): the emergency regimen applies.");
    }

    @Test
    void seizureDisorderAsAnEncounterDiagnosisOfThisEncounter_neverSelectsTheEmergencyRegimen() throws Exception {
        JsonNode alert = alert(patientView("04-mild-loop-thiazide.json", b -> addCondition(b,
                "mild-loop-thiazide-seizure", "128613002", "Seizure disorder", "1998-01-01",
                "Encounter/mild-loop-thiazide-encounter")));
        assertThat(alert.path("indicator").asString()).isEqualTo("info");
        assertThat(alert.path("suggestions").toString()).doesNotContain("over 15 min");
        assertThat(alert.path("detail").asString()).doesNotContain("emergency regimen applies");
    }

    @Test
    void newerCreatinineBeatsAnOlderReportedEgfr_andTheCardNamesTheValueAndDate() throws Exception {
        JsonNode alert = alert(patientView("02-severe-adult.json", b -> {
            ObjectNode egfr = newestObservation(b, EGFR);
            egfr.put("effectiveDateTime", "2026-11-17T06:00:00Z");
            ((ObjectNode) egfr.path("valueQuantity")).put("value", 65);
            newest(b, CREATININE).put("value", 3.5);
        }));
        JsonNode first = alert.at("/suggestions/0/actions/0/resource");
        assertThat(first.at("/dosageInstruction/0/doseAndRate/0/doseQuantity/value").decimalValue())
                .as("halved: eGFR from today's creatinine is under 30").isEqualByComparingTo("2");
        assertThat(alert.path("detail").asString()).contains("computed (CKD-EPI 2021) from creatinine 3.5 mg/dL of "
                + "2026-11-22", "The reported eGFR 65 of 2026-11-17 is older and was not used.");
    }

    @Test
    void dialysis_showsNoEgfr_andTheEmergencyLineCarriesTheHypermagnesemiaText() throws Exception {
        JsonNode alert = alert(patientView("06-dialysis.json", b -> { }));
        String detail = alert.path("detail").asString();
        assertThat(detail).contains("Kidney function: dialysis on record (since 2021-04-02); no eGFR is used",
                "On dialysis: high risk of severe hypermagnesemia");
        assertThat(detail).doesNotContain("mL/min/1.73 m2").doesNotContain("creatinine of 2021");
        assertThat(alert.path("suggestions").size()).isZero();
    }

    @Test
    void egfrUnder15_withoutDialysis_emergencyLineCarriesTheHypermagnesemiaText() throws Exception {
        JsonNode alert = alert(patientView("05-ckd5-no-dialysis.json", b -> { }));
        assertThat(alert.path("detail").asString()).contains("**If unstable, torsades de pointes, tetany or seizures:**",
                "eGFR under 15: high risk of severe hypermagnesemia");
        assertThat(alert.path("suggestions").size()).isZero();
    }

    @Test
    void severeAtEgfr25_offersTheHalfDoseOralAfterTheIvOptions_withMagnesiumOxideWithinTheCeiling() throws Exception {
        JsonNode alert = alert(patientView("01-severe-ckd.json", b -> { }));
        assertThat(alert.path("suggestions").size()).isEqualTo(3);
        JsonNode oral = alert.at("/suggestions/2/actions/0/resource");
        assertThat(oral.at("/dosageInstruction/0/text").asString()).contains("120 mg elemental per day",
                "magnesium oxide 400-500 mg of salt a day (about 240-300 mg elemental")
                .doesNotContain("800-1000");
        assertThat(alert.at("/suggestions/2/isRecommended").asBoolean(false)).isFalse();
        JsonNode normal = alert(patientView("03-moderate-ppi.json", b -> { }));
        assertThat(normal.at("/suggestions/1/actions/0/resource/dosageInstruction/0/text").asString())
                .contains("magnesium oxide 800-1000 mg of salt a day (about 480-600 mg elemental)");
    }

    @Test
    void persistentHypocalcaemia_orderRepeatsDailyFor3To5Days_andNeverSaysUntilAbove1() throws Exception {
        JsonNode card = card(patientView("20-recovered-hypocalcemia.json", b -> { }), "hypomag-persistent-hypocalcemia");
        JsonNode order = card.at("/suggestions/0/actions/0/resource");
        JsonNode repeat = order.at("/dosageInstruction/0/timing/repeat");
        assertThat(repeat.path("count").asInt()).isEqualTo(3);
        assertThat(repeat.path("countMax").asInt()).isEqualTo(5);
        assertThat(repeat.path("period").asInt()).isEqualTo(1);
        assertThat(repeat.path("periodUnit").asString()).isEqualTo("d");
        assertThat(order.at("/dosageInstruction/0/text").asString()).contains("once a day for 3 to 5 days",
                "while total calcium stays low and serum Mg is below 2.4 mg/dL");
        assertThat(card.toString()).doesNotContain("until plasma Mg is above 1.0");
        assertThat(card.at("/suggestions/0/label").asString()).endsWith("once a day for 3 to 5 days");
    }

    @Test
    void deceasedPatient_getsNoCardOnAnyHook() throws Exception {
        Consumer<ObjectNode> dead = b -> patient(b).put("deceasedBoolean", true);
        assertThat(patientView("01-severe-ckd.json", dead).size()).isZero();
        assertThat(patientView("16-ppi-monitoring-gap.json",
                b -> patient(b).put("deceasedDateTime", "2026-10-01T00:00:00Z")).size()).isZero();
        HookRequestBuilder builder = new HookRequestBuilder(JSON);
        for (HookExamples.Example ex : HookExamples.ALL) {
            if (!ex.hook().equals("patient-view") && ex.data() == HookExamples.Data.PREFETCH) {
                ObjectNode request = builder.build(ex);
                ((ObjectNode) request.at("/prefetch/patient")).put("deceasedBoolean", true);
                assertThat(post(ex.hook(), request).size()).as(ex.file()).isZero();
            }
        }
    }

    @Test
    void everyAlertCarriesItsRuleIdsInTheExtensionNotInTheText() throws Exception {
        JsonNode alert = alert(patientView("01-severe-ckd.json", b -> { }));
        List<String> rules = new ArrayList<>();
        alert.at("/extension/org.hypomag.rules").forEach(r -> rules.add(r.asString()));
        assertThat(rules).contains("D2", "D5", "D6", "T-HOSP-IV-SEV", "T-CKD-SYMPT", "T-CKD-ASYMPT");
        assertThat(CardWritingTest.matches(CardWritingTest.RULE_ID, alert.path("detail").asString())).isEmpty();
    }

    // --- helpers

    private JsonNode patientView(String sample, Consumer<ObjectNode> change) throws Exception {
        ObjectNode bundle = (ObjectNode) JSON.readTree(SampleFiles.read(SampleFiles.SAMPLES.resolve(sample)));
        change.accept(bundle);
        String patientId = SampleFiles.patientIdOf(SampleFiles.SAMPLES.resolve(sample));
        ObjectNode request = JSON.createObjectNode();
        request.put("hook", "patient-view");
        request.put("hookInstance", java.util.UUID.randomUUID().toString());
        request.putObject("context").put("patientId", patientId).put("userId", "Practitioner/example")
                .put("encounterId", patientId + "-encounter");
        request.set("prefetch", new PrefetchBuilder(JSON).prefetch(bundle, patientId));
        return post("patient-view", request);
    }

    private JsonNode post(String hook, JsonNode body) throws Exception {
        Http.Answer r = Http.local(port).post("/cds-services/hypomagnesemia-" + hook, body.toString()).send();
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return JSON.readTree(r.body()).path("cards");
    }

    private static JsonNode alert(JsonNode cards) {
        return card(cards, "hypomag-alert");
    }

    private static JsonNode card(JsonNode cards, String topic) {
        for (JsonNode c : cards) {
            if (c.at("/source/topic/code").asString().equals(topic)) {
                return c;
            }
        }
        throw new AssertionError("no " + topic + " card in " + cards);
    }

    private static List<ObjectNode> resources(ObjectNode bundle, String type) {
        List<ObjectNode> out = new ArrayList<>();
        bundle.path("entry").forEach(e -> {
            if (e.path("resource").path("resourceType").asString().equals(type)) {
                out.add((ObjectNode) e.path("resource"));
            }
        });
        return out;
    }

    private static ObjectNode patient(ObjectNode bundle) {
        return resources(bundle, "Patient").get(0);
    }

    private static ObjectNode resource(ObjectNode bundle, String type, String id) {
        return resources(bundle, type).stream().filter(r -> r.path("id").asString().equals(id)).findFirst()
                .orElseThrow();
    }

    private static ObjectNode newestObservation(ObjectNode bundle, String loinc) {
        return resources(bundle, "Observation").stream()
                .filter(o -> o.at("/code/coding/0/code").asString().equals(loinc))
                .max(Comparator.comparing(o -> o.path("effectiveDateTime").asString())).orElseThrow();
    }

    /** The valueQuantity of the newest Observation with this LOINC. */
    private static ObjectNode newest(ObjectNode bundle, String loinc) {
        return (ObjectNode) newestObservation(bundle, loinc).path("valueQuantity");
    }

    private static void addCondition(ObjectNode bundle, String id, String snomed, String text, String onset,
                                     String encounter) {
        String patientId = patient(bundle).path("id").asString();
        ObjectNode c = JSON.createObjectNode();
        c.put("resourceType", "Condition").put("id", id);
        c.putObject("clinicalStatus").putArray("coding").addObject()
                .put("system", "http://terminology.hl7.org/CodeSystem/condition-clinical").put("code", "active");
        c.putArray("category").addObject().putArray("coding").addObject()
                .put("system", "http://terminology.hl7.org/CodeSystem/condition-category")
                .put("code", "encounter-diagnosis");
        ObjectNode code = c.putObject("code");
        code.putArray("coding").addObject().put("system", "http://snomed.info/sct").put("code", snomed)
                .put("display", text);
        code.put("text", text);
        c.putObject("subject").put("reference", "Patient/" + patientId);
        c.putObject("encounter").put("reference", encounter);
        c.put("onsetDateTime", onset);
        c.put("recordedDate", onset);
        ((tools.jackson.databind.node.ArrayNode) bundle.path("entry")).addObject().set("resource", c);
    }
}
