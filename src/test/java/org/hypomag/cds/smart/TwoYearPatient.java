package org.hypomag.cds.smart;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;

import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The JMH patient (src/jmh AssessorBenchmark.realisticPatient) as FHIR searchset Bundles: two years of weekly Mg,
 * K and creatinine, eGFR and total calcium every two weeks (468 results; 312 of them on the app's charts: creatinine is not plotted), 40
 * medication statements of which 5 waste magnesium, and 8 magnesium sulfate administrations. Dated back from
 * {@code now}.
 */
final class TwoYearPatient {

    static final String ID = "bench-1";
    static final int PLOTTED = 104 + 104 + 52 + 52;
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private TwoYearPatient() {
    }

    static String patient() {
        return """
                {"resourceType":"Patient","id":"bench-1","name":[{"text":"Bench Two-Years"}],"gender":"female",
                 "birthDate":"1951-06-14"}""";
    }

    static String observations(Instant now) {
        ObjectNode bundle = bundle();
        ArrayNode entries = bundle.putArray("entry");
        series(entries, "19123-9", "mg/dL", 1.1, 1.9, 104, 7, now);
        series(entries, "2823-3", "mmol/L", 3.3, 4.1, 104, 7, now);
        series(entries, "2160-0", "mg/dL", 1.4, 1.1, 104, 7, now);
        series(entries, "98979-8", "mL/min/{1.73_m2}", 48, 62, 52, 14, now);
        series(entries, "17861-6", "mg/dL", 8.1, 9.2, 52, 14, now);
        return bundle.toString();
    }

    static String statements(Instant now) {
        String[][] wasting = {{"7646", "omeprazole"}, {"40790", "pantoprazole"}, {"4603", "furosemide"},
                {"5487", "hydrochlorothiazide"}, {"42316", "tacrolimus"}};
        ObjectNode bundle = bundle();
        ArrayNode entries = bundle.putArray("entry");
        for (int i = 0; i < 40; i++) {
            String code = i < wasting.length ? wasting[i][0] : String.valueOf(900_000 + i);
            String name = i < wasting.length ? wasting[i][1] : "other drug " + i;
            ObjectNode r = entries.addObject().putObject("resource");
            r.put("resourceType", "MedicationStatement").put("id", "ms-" + i).put("status", i % 7 == 6 ? "stopped" : "active");
            r.putObject("medicationCodeableConcept").put("text", name).putArray("coding").addObject()
                    .put("system", "http://www.nlm.nih.gov/research/umls/rxnorm").put("code", code).put("display", name);
            r.putObject("subject").put("reference", "Patient/" + ID);
            r.putObject("effectivePeriod").put("start", now.minus(Duration.ofDays(10 + i * 11L)).toString());
        }
        return bundle.toString();
    }

    static String administrations(Instant now) {
        ObjectNode bundle = bundle();
        ArrayNode entries = bundle.putArray("entry");
        for (int i = 0; i < 8; i++) {
            ObjectNode r = entries.addObject().putObject("resource");
            r.put("resourceType", "MedicationAdministration").put("id", "ma-" + i).put("status", "completed");
            r.putObject("medicationCodeableConcept").put("text", "Magnesium sulfate 2 g IV").putArray("coding")
                    .addObject().put("system", "http://www.whocc.no/atc").put("code", "B05XA05");
            r.putObject("subject").put("reference", "Patient/" + ID);
            r.put("effectiveDateTime", now.minus(Duration.ofDays(3 + i * 60L)).toString());
        }
        return bundle.toString();
    }

    static String empty() {
        ObjectNode b = bundle();
        b.putArray("entry");
        return b.toString();
    }

    private static ObjectNode bundle() {
        return JSON.createObjectNode().put("resourceType", "Bundle").put("type", "searchset");
    }

    private static void series(ArrayNode entries, String loinc, String unit, double newest, double typical, int count,
                               int everyDays, Instant now) {
        for (int i = 0; i < count; i++) {
            double v = i == 0 ? newest : typical * (1 + ((i * 7) % 5 - 2) * 0.03);
            ObjectNode r = entries.addObject().putObject("resource");
            r.put("resourceType", "Observation").put("id", loinc + "-" + i).put("status", "final");
            r.putObject("code").putArray("coding").addObject().put("system", "http://loinc.org").put("code", loinc);
            r.putObject("subject").put("reference", "Patient/" + ID);
            r.put("effectiveDateTime", now.minus(Duration.ofDays(1 + (long) i * everyDays)).toString());
            r.putObject("valueQuantity").put("value", BigDecimal.valueOf(v).setScale(2, RoundingMode.HALF_UP))
                    .put("unit", unit).put("system", "http://unitsofmeasure.org").put("code", unit);
        }
    }
}
