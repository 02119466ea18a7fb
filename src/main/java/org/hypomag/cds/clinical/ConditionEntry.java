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
 */
public record ConditionEntry(List<Code> codes, String text, boolean active, boolean encounterDiagnosis,
                             SourceRef source) {

    public ConditionEntry {
        codes = List.copyOf(codes);
        text = text == null ? "" : text;
    }
}
