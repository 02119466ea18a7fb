package org.hypomag.cds.fhir;

import java.time.Instant;
import java.util.List;
import java.util.Set;

import org.hypomag.cds.clinical.ConditionEntry;
import org.hypomag.cds.clinical.MedicationOrigin;
import org.hypomag.cds.clinical.MedicationStatus;
import org.hypomag.cds.clinical.MedicationUse;
import tools.jackson.databind.JsonNode;

/** MedicationRequest / MedicationStatement / MedicationAdministration (JSON) → MedicationUse; Condition → ConditionEntry. */
final class ClinicalRecordMapper {

    private static final Set<String> ACTIVE_CLINICAL = Set.of("active", "recurrence", "relapse");
    private static final Set<String> NOT_VERIFIED = Set.of("refuted", "entered-in-error");
    private static final Set<String> ENCOUNTER_DIAGNOSIS = Set.of("encounter-diagnosis");
    private static final int MAX_DOSE_CHARS = 120;

    private ClinicalRecordMapper() {
    }

    static MedicationUse medicationRequest(FhirResource r, MedicationCodes meds) {
        JsonNode json = r.json();
        MedicationCodes.Resolved m = meds.resolve(json);
        JsonNode validity = FhirJson.object(FhirJson.object(json, "dispenseRequest"), "validityPeriod");
        Instant start = FhirValues.instant(json, "authoredOn");
        if (start == null && validity != null) {
            start = FhirValues.instant(validity, "start");
        }
        Instant end = validity == null ? null : FhirValues.instant(validity, "end");
        return new MedicationUse(m.codes(), m.text(), FhirValues.medicationStatus(FhirJson.string(json, "status")),
                FhirValues.source(r, start), end, MedicationOrigin.REQUEST, dose(json, "dosageInstruction"));
    }

    static MedicationUse medicationStatement(FhirResource s, MedicationCodes meds) {
        JsonNode json = s.json();
        MedicationCodes.Resolved m = meds.resolve(json);
        Effective effective = effective(json);
        Instant time = effective.start();
        Instant end = effective.end();
        if (time == null) {
            time = FhirValues.instant(json, "dateAsserted");
        }
        return new MedicationUse(m.codes(), m.text(), FhirValues.medicationStatus(FhirJson.string(json, "status")),
                FhirValues.source(s, time), end, MedicationOrigin.STATEMENT, dose(json, "dosage"));
    }

    /** The first dosage's text, else its first doseQuantity ("400 mg"); bounded for card wording (issue 19). */
    private static String dose(JsonNode json, String element) {
        try {
            return doseText(json, element);
        } catch (FhirJson.Malformed e) {
            return ""; // a dosage of the wrong structure: the medication still counts, without dose wording
        }
    }

    private static String doseText(JsonNode json, String element) {
        List<JsonNode> dosages = FhirJson.array(json, element);
        if (dosages.isEmpty()) {
            return "";
        }
        String text = FhirJson.string(dosages.get(0), "text");
        if (text == null || text.isBlank()) {
            JsonNode q = FhirJson.array(dosages.get(0), "doseAndRate").stream()
                    .map(x -> FhirJson.object(x, "doseQuantity")).filter(x -> x != null).findFirst().orElse(null);
            java.math.BigDecimal value = q == null ? null : FhirJson.decimal(q, "value");
            String unit = q == null ? null : FhirJson.string(q, "unit");
            unit = unit == null || unit.isBlank() ? (q == null ? null : FhirJson.string(q, "code")) : unit;
            text = value == null ? "" : value.stripTrailingZeros().toPlainString() + (unit == null ? "" : " " + unit);
        }
        return text.length() > MAX_DOSE_CHARS ? text.substring(0, MAX_DOSE_CHARS) + "..." : text;

    }

    /**
     * MedicationAdministration: medication[x] like a request; effectiveDateTime is start and end, an
     * effectivePeriod gives both (an open period ends at its start for the exposure window).
     */
    static MedicationUse medicationAdministration(FhirResource a, MedicationCodes meds) {
        JsonNode json = a.json();
        MedicationCodes.Resolved m = meds.resolve(json);
        Effective effective = effective(json);
        Instant start = effective.start() != null ? effective.start() : effective.end();
        Instant end = effective.point() ? effective.start() : effective.end();
        return new MedicationUse(m.codes(), m.text(), administrationStatus(FhirJson.string(json, "status")),
                FhirValues.source(a, start), end, MedicationOrigin.ADMINISTRATION);
    }

    /** effective[x]: a dateTime ({@code point}: a start and no end) or a Period (either end may be missing). */
    private record Effective(Instant start, Instant end, boolean point) {
    }

    private static Effective effective(JsonNode json) {
        if (FhirJson.has(json, "effectiveDateTime")) {
            return new Effective(FhirValues.instant(json, "effectiveDateTime"), null, true);
        }
        if (FhirJson.has(json, "effectivePeriod")) {
            JsonNode period = FhirJson.object(json, "effectivePeriod");
            return new Effective(FhirValues.instant(period, "start"), FhirValues.instant(period, "end"), false);
        }
        return new Effective(null, null, false);
    }

    /** MedicationAdministration.status: in-progress counts as active; not-done as not taken. */
    static MedicationStatus administrationStatus(String code) {
        if (code == null) {
            return MedicationStatus.UNKNOWN;
        }
        return switch (code) {
            case "in-progress" -> MedicationStatus.ACTIVE;
            case "not-done" -> MedicationStatus.NOT_TAKEN;
            default -> FhirValues.medicationStatus(code);
        };
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
