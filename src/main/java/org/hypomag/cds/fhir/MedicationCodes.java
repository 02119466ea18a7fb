package org.hypomag.cds.fhir;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.hypomag.cds.clinical.Code;
import tools.jackson.databind.JsonNode;

/**
 * The codings and text of a medication[x]: the CodeableConcept, or the Medication a medicationReference
 * points to (contained, included by {@code _include}, or another entry of the same Bundle, by its fullUrl or
 * "Medication/id") with its ingredient codings (one level of ingredient itemReference is followed).
 */
final class MedicationCodes {

    record Resolved(List<Code> codes, String text) {
    }

    private static final String MEDICATION_PATH = "/Medication/";

    private final Map<String, JsonNode> byReference = new HashMap<>();

    MedicationCodes(List<FhirResource> medications) {
        medications.forEach(this::index);
    }

    private void index(FhirResource r) {
        if (!"Medication".equals(r.type())) {
            return;
        }
        if (r.id() != null) {
            byReference.put("Medication/" + r.id(), r.json());
        }
        if (r.fullUrl() != null) {
            byReference.put(r.fullUrl(), r.json());
            int at = r.fullUrl().lastIndexOf(MEDICATION_PATH);
            if (at >= 0) {
                byReference.put(withoutVersion(r.fullUrl().substring(at + 1)), r.json());
            }
        }
    }

    /** The medication[x] of a MedicationRequest/MedicationStatement (JSON). */
    Resolved resolve(JsonNode owner) {
        JsonNode concept = FhirJson.object(owner, "medicationCodeableConcept");
        if (concept != null) {
            return new Resolved(FhirValues.codes(concept), FhirValues.text(concept));
        }
        JsonNode reference = FhirJson.object(owner, "medicationReference");
        String display = reference == null ? null : FhirJson.string(reference, "display");
        display = display == null ? "" : display;
        JsonNode m = reference == null ? null : find(owner, FhirJson.string(reference, "reference"));
        if (m == null) {
            return new Resolved(List.of(), display);
        }
        List<Code> codes = new ArrayList<>(FhirValues.codes(FhirJson.object(m, "code")));
        for (JsonNode i : FhirJson.array(m, "ingredient")) {
            JsonNode item = FhirJson.object(i, "itemCodeableConcept");
            if (item != null) {
                codes.addAll(FhirValues.codes(item));
                continue;
            }
            JsonNode itemReference = FhirJson.object(i, "itemReference");
            JsonNode inner = itemReference == null ? null : find(m, FhirJson.string(itemReference, "reference"));
            if (inner != null) {
                codes.addAll(FhirValues.codes(FhirJson.object(inner, "code")));
            }
        }
        String text = FhirValues.text(FhirJson.object(m, "code"));
        return new Resolved(codes, text.isEmpty() ? display : text);
    }

    private JsonNode find(JsonNode owner, String ref) {
        if (ref == null || ref.isBlank()) {
            return null;
        }
        if (ref.startsWith("#")) {
            for (JsonNode c : FhirJson.array(owner, "contained")) {
                String id = FhirJson.string(c, "id");
                if ("Medication".equals(FhirJson.string(c, "resourceType")) && id != null
                        && (ref.substring(1).equals(id) || ref.equals(id))) {
                    return c;
                }
            }
            return null;
        }
        JsonNode m = byReference.get(ref);
        if (m == null && ref.contains(MEDICATION_PATH)) {
            m = byReference.get(withoutVersion(ref.substring(ref.lastIndexOf(MEDICATION_PATH) + 1)));
        }
        if (m == null) {
            m = byReference.get(withoutVersion(ref));
        }
        return m;
    }

    /** "Medication/1/_history/2" → "Medication/1". */
    private static String withoutVersion(String ref) {
        int h = ref.indexOf("/_history/");
        return h < 0 ? ref : ref.substring(0, h);
    }
}
