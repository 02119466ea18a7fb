package org.hypomag.cds.resilience;

import java.util.List;
import java.util.UUID;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** Valid hook requests and FHIR resources to start from: the fuzzer mutates them, the other tests send them. */
final class HookRequests {

    static final JsonMapper JSON = JsonMapper.builder().build();
    static final String PATIENT_VIEW = "/cds-services/hypomagnesemia-patient-view";
    static final String ORDER_SELECT = "/cds-services/hypomagnesemia-order-select";
    static final String ORDER_SIGN = "/cds-services/hypomagnesemia-order-sign";
    static final List<String> HOOK_PATHS = List.of(PATIENT_VIEW, ORDER_SELECT, ORDER_SIGN);
    static final List<String> PREFETCH_KEYS = List.of("patient", "magnesium", "potassium", "calcium", "renal",
            "weight", "medicationStatements", "medicationRequests", "conditions");
    static final String LOINC = "http://loinc.org";
    static final String UCUM = "http://unitsofmeasure.org";
    static final String RXNORM = "http://www.nlm.nih.gov/research/umls/rxnorm";

    private HookRequests() {
    }

    /** The hook a service path answers. */
    static String hookOf(String path) {
        return path.endsWith("patient-view") ? "patient-view" : path.endsWith("order-select") ? "order-select"
                : "order-sign";
    }

    /** A valid call for the hook at {@code path}, every prefetch key given ("no data" for all but the patient). */
    static ObjectNode valid(String path, String patientId) {
        ObjectNode req = JSON.createObjectNode();
        req.put("hook", hookOf(path));
        req.put("hookInstance", UUID.randomUUID().toString());
        ObjectNode context = req.putObject("context");
        context.put("userId", "Practitioner/example");
        context.put("patientId", patientId);
        context.put("encounterId", "enc-1");
        if (!path.endsWith("patient-view")) {
            context.set("draftOrders", bundle(List.of(draftMedicationRequest("draft-1", "314200",
                    "pantoprazole 40 MG Delayed Release Oral Tablet"))));
            if (path.endsWith("order-select")) {
                context.putArray("selections").add("MedicationRequest/draft-1");
            }
        }
        ObjectNode prefetch = req.putObject("prefetch");
        PREFETCH_KEYS.forEach(prefetch::putNull);
        prefetch.set("patient", patient(patientId, "1960-04-02", "female"));
        return req;
    }

    /** A valid feedback body. */
    static ObjectNode feedback() {
        ObjectNode body = JSON.createObjectNode();
        ObjectNode item = body.putArray("feedback").addObject();
        item.put("card", UUID.randomUUID().toString());
        item.put("outcome", "overridden");
        ObjectNode reason = item.putObject("overrideReason");
        reason.putObject("reason").put("system", "http://example.org/reasons").put("code", "patient-declined")
                .put("display", "Patient declined");
        reason.put("userComment", "ok");
        item.put("outcomeTimestamp", "2026-11-23T10:00:00Z");
        return body;
    }

    static ObjectNode patient(String id, String birthDate, String gender) {
        ObjectNode p = JSON.createObjectNode();
        p.put("resourceType", "Patient");
        p.put("id", id);
        p.put("birthDate", birthDate);
        p.put("gender", gender);
        return p;
    }

    static ObjectNode bundle(List<? extends JsonNode> resources) {
        ObjectNode b = JSON.createObjectNode();
        b.put("resourceType", "Bundle");
        b.put("type", "searchset");
        b.put("total", resources.size());
        ArrayNode entries = b.putArray("entry");
        resources.forEach(r -> entries.addObject().set("resource", r));
        return b;
    }

    /** A final serum magnesium result as a lab sends it. */
    static ObjectNode magnesium(String id, String patientId, String value, String unit, String effective) {
        ObjectNode o = JSON.createObjectNode();
        o.put("resourceType", "Observation");
        o.put("id", id);
        o.put("status", "final");
        o.putArray("category").addObject().putArray("coding").addObject()
                .put("system", "http://terminology.hl7.org/CodeSystem/observation-category").put("code", "laboratory");
        o.putObject("code").putArray("coding").addObject().put("system", LOINC)
                .put("code", "mg/dL".equals(unit) ? "19123-9" : "2601-3")
                .put("display", "Magnesium [Mass/volume] in Serum or Plasma");
        o.putObject("subject").put("reference", "Patient/" + patientId);
        o.put("effectiveDateTime", effective);
        o.putObject("valueQuantity").put("value", new java.math.BigDecimal(value)).put("unit", unit)
                .put("system", UCUM).put("code", unit);
        return o;
    }

    static ObjectNode draftMedicationRequest(String id, String rxnorm, String text) {
        ObjectNode m = JSON.createObjectNode();
        m.put("resourceType", "MedicationRequest");
        m.put("id", id);
        m.put("status", "draft");
        m.put("intent", "order");
        m.putObject("subject").put("reference", "Patient/p1");
        ObjectNode med = m.putObject("medicationCodeableConcept");
        med.put("text", text);
        med.putArray("coding").addObject().put("system", RXNORM).put("code", rxnorm).put("display", text);
        m.putArray("dosageInstruction").addObject().putArray("doseAndRate").addObject().putObject("doseQuantity")
                .put("value", 1).put("system", UCUM).put("code", "{pill}");
        return m;
    }

    static ObjectNode operationOutcome(String severity, String code) {
        ObjectNode o = JSON.createObjectNode();
        o.put("resourceType", "OperationOutcome");
        o.putArray("issue").addObject().put("severity", severity).put("code", code)
                .putObject("details").put("text", "could not fetch");
        return o;
    }
}
