package org.hypomag.cds.samples;

import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Draft MedicationRequests shaped exactly like the reference EHR simulator's order-select drafts
 * (shared/cds-hooks/fixtures/sandbox-order-select-pantoprazole.json). MgSO4 has no verified RxNorm code
 * (terminology.md §C1/§C3): it is coded ATC B05XA05 with the product in the text.
 */
final class DraftOrders {

    static final String AUTHORED_ON = "2026-11-23";
    private static final String RXNORM = "http://www.nlm.nih.gov/research/umls/rxnorm";
    private static final String ATC = "http://www.whocc.no/atc";
    private static final String UCUM = "http://unitsofmeasure.org";

    /** A draft oral product, one tablet once daily for 30 days (the sandbox's default dosing). */
    record Oral(String id, String rxnorm, String name) {
    }

    /** A draft IV magnesium sulfate order: grams over hours, once. */
    record MgSulfate(String id, double grams, int diluentMl, int hours) {
        String text() {
            return "magnesium sulfate " + fmt(grams) + " g in " + diluentMl + " mL D5W IV over " + hours + " h";
        }
    }

    private final JsonMapper json;

    DraftOrders(JsonMapper json) {
        this.json = json;
    }

    ObjectNode oral(Oral o, String patientId) {
        ObjectNode mr = head(o.id(), patientId);
        ObjectNode dosage = mr.putArray("dosageInstruction").addObject();
        dosage.putObject("timing").putObject("repeat").put("frequency", 1).put("period", 1).put("periodUnit", "d");
        dosage.putArray("doseAndRate").addObject().putObject("doseQuantity").put("value", 1)
                .put("system", UCUM).put("code", "{pill}");
        mr.putObject("dispenseRequest").putObject("expectedSupplyDuration").put("value", 30).put("unit", "days")
                .put("system", UCUM).put("code", "d");
        tail(mr, "community");
        ObjectNode med = mr.putObject("medicationCodeableConcept").put("text", o.name());
        med.putArray("coding").addObject().put("display", o.name()).put("system", RXNORM).put("code", o.rxnorm());
        return mr;
    }

    ObjectNode mgSulfate(MgSulfate m, String patientId) {
        ObjectNode mr = head(m.id(), patientId);
        ObjectNode dosage = mr.putArray("dosageInstruction").addObject();
        dosage.put("text", m.text());
        dosage.putObject("timing").putObject("repeat").put("count", 1).put("duration", m.hours())
                .put("durationUnit", "h");
        dosage.putObject("route").put("text", "Intravenous");
        ObjectNode dose = dosage.putArray("doseAndRate").addObject().putObject("doseQuantity");
        if (m.grams() == Math.rint(m.grams())) {
            dose.put("value", (int) m.grams());
        } else {
            dose.put("value", m.grams());
        }
        dose.put("unit", "g").put("system", UCUM).put("code", "g");
        tail(mr, "inpatient");
        ObjectNode med = mr.putObject("medicationCodeableConcept").put("text", m.text());
        med.putArray("coding").addObject().put("display", "magnesium sulfate").put("system", ATC)
                .put("code", "B05XA05");
        return mr;
    }

    private ObjectNode head(String id, String patientId) {
        ObjectNode mr = json.createObjectNode();
        mr.put("resourceType", "MedicationRequest").put("id", id).put("status", "draft");
        mr.putObject("subject").put("reference", "Patient/" + patientId);
        mr.put("authoredOn", AUTHORED_ON);
        return mr;
    }

    private static void tail(ObjectNode mr, String category) {
        mr.put("intent", "order");
        mr.putObject("category").putArray("coding").addObject()
                .put("system", "http://terminology.hl7.org/CodeSystem/medicationrequest-category")
                .put("code", category);
    }

    private static String fmt(double grams) {
        return grams == Math.rint(grams) ? String.valueOf((int) grams) : String.valueOf(grams);
    }
}
