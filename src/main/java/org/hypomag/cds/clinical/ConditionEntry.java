package org.hypomag.cds.clinical;

import java.util.List;

/**
 * A Condition from the problem list or an encounter diagnosis.
 *
 * @param codes              every coding (SNOMED CT, ICD-10-CM ...)
 * @param text               Condition.code.text or a display
 * @param active             clinicalStatus active/recurrence/relapse (or absent) and not refuted/entered-in-error
 * @param encounterDiagnosis category encounter-diagnosis, or linked to the encounter in context
 * @param source             resource reference; time = onset, else recordedDate
 * @param encounter          the bare id of Condition.encounter (no "Encounter/"), or null (D18, D20)
 * @param onsetKnown         source.time is the onset (false: it is the recorded date, or there is none)
 */
public record ConditionEntry(List<Code> codes, String text, boolean active, boolean encounterDiagnosis,
                             SourceRef source, String encounter, boolean onsetKnown) {

    public ConditionEntry {
        codes = List.copyOf(codes);
        text = text == null ? "" : text;
        encounter = encounterId(encounter);
    }

    /** "Encounter/e1", "https://x/fhir/Encounter/e1/_history/2" or "e1" -> "e1"; blank -> null. */
    static String encounterId(String reference) {
        if (reference == null || reference.isBlank()) {
            return null;
        }
        int at = reference.lastIndexOf("Encounter/");
        String id = at < 0 ? reference : reference.substring(at + "Encounter/".length());
        int history = id.indexOf("/_history");
        return history < 0 ? id : id.substring(0, history);
    }

    /** A condition linked to no encounter, dated by its onset. */
    public ConditionEntry(List<Code> codes, String text, boolean active, boolean encounterDiagnosis,
                          SourceRef source) {
        this(codes, text, active, encounterDiagnosis, source, null, true);
    }

    /** D18/D20: a diagnosis of the encounter in context (an encounter diagnosis of another one is history). */
    public boolean ofEncounter(String encounterId) {
        return encounterId != null && encounterId.equals(encounter);
    }
}
