package org.hypomag.cds.fhir;

import java.time.Instant;
import java.util.List;
import java.util.Set;

import org.hypomag.cds.clinical.ConditionEntry;
import org.hypomag.cds.clinical.MedicationUse;
import tools.jackson.databind.JsonNode;

/** MedicationRequest / MedicationStatement (JSON) → MedicationUse, Condition (JSON) → ConditionEntry. */
final class ClinicalRecordMapper {

    private static final Set<String> ACTIVE_CLINICAL = Set.of("active", "recurrence", "relapse");
    private static final Set<String> NOT_VERIFIED = Set.of("refuted", "entered-in-error");
    private static final Set<String> ENCOUNTER_DIAGNOSIS = Set.of("encounter-diagnosis");

    private ClinicalRecordMapper() {
    }

    static MedicationUse medicationRequest(FhirResource r, MedicationCodes meds) {
        JsonNode json = r.json();
        MedicationCodes.Resolved m = meds.resolve(json);
        return new MedicationUse(m.codes(), m.text(), FhirValues.medicationStatus(FhirJson.string(json, "status")),
                FhirValues.source(r, FhirValues.instant(json, "authoredOn")));
    }

    static MedicationUse medicationStatement(FhirResource s, MedicationCodes meds) {
        JsonNode json = s.json();
        MedicationCodes.Resolved m = meds.resolve(json);
        Instant time = null;
        if (FhirJson.has(json, "effectiveDateTime")) {
            time = FhirValues.instant(json, "effectiveDateTime");
        } else if (FhirJson.has(json, "effectivePeriod")) {
            time = FhirValues.instant(FhirJson.object(json, "effectivePeriod"), "start");
        }
        if (time == null) {
            time = FhirValues.instant(json, "dateAsserted");
        }
        return new MedicationUse(m.codes(), m.text(), FhirValues.medicationStatus(FhirJson.string(json, "status")),
                FhirValues.source(s, time));
    }

    static ConditionEntry condition(FhirResource condition) {
        JsonNode c = condition.json();
        JsonNode clinical = FhirJson.object(c, "clinicalStatus");
        JsonNode verification = FhirJson.object(c, "verificationStatus");
        boolean clinicallyActive = clinical == null || FhirJson.array(clinical, "coding").stream()
                .allMatch(k -> blank(FhirJson.string(k, "code"))) || anyCode(clinical, ACTIVE_CLINICAL);
        boolean verified = verification == null || !anyCode(verification, NOT_VERIFIED);
        boolean encounterDiagnosis = FhirJson.array(c, "category").stream()
                .anyMatch(cat -> anyCode(cat, ENCOUNTER_DIAGNOSIS));
        Instant time = null;
        if (FhirJson.has(c, "onsetDateTime")) {
            time = FhirValues.instant(c, "onsetDateTime");
        } else if (FhirJson.has(c, "onsetPeriod")) {
            time = FhirValues.instant(FhirJson.object(c, "onsetPeriod"), "start");
        }
        boolean onsetKnown = time != null;
        if (time == null) {
            time = FhirValues.instant(c, "recordedDate");
        }
        JsonNode code = FhirJson.object(c, "code");
        JsonNode encounter = FhirJson.object(c, "encounter");
        String encounterRef = encounter == null ? null : FhirJson.string(encounter, "reference");
        if (encounterRef != null && encounterRef.length() > 200) {
            encounterRef = null; // bounded: no real reference is that long
        }
        return new ConditionEntry(FhirValues.codes(code), FhirValues.text(code), clinicallyActive && verified,
                encounterDiagnosis, FhirValues.source(condition, time), encounterRef, onsetKnown);
    }

    private static boolean anyCode(JsonNode cc, Set<String> codes) {
        List<JsonNode> codings = FhirJson.array(cc, "coding");
        return codings.stream().map(k -> FhirJson.string(k, "code")).anyMatch(k -> k != null && codes.contains(k));
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
