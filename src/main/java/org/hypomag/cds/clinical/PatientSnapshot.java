package org.hypomag.cds.clinical;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * Everything the clinical rules see about one patient at one call: plain values, no FHIR types.
 * Built by the FHIR mapper; read by the pure assessment.
 *
 * @param patientId   the logical id from the hook context
 * @param birthDate   null when unknown
 * @param sex         administrative gender
 * @param labs        every classified result (all analytes, all statuses, any age); selection of the
 *                    current value, staleness and status filtering are clinical rules, not mapping
 * @param medications active and recent medications from statements and requests
 * @param conditions  conditions and encounter diagnoses
 * @param drafts      draft orders (order hooks only; empty on patient-view)
 * @param unknown     data that could not be checked, with a short human reason each
 *                    ("magnesium: FHIR server timed out"); never contains tokens or identifiers
 * @param encounterId the hook's context.encounterId (bare id, no "Encounter/"), or null (D18, D20: only a
 *                    diagnosis of this encounter counts as an encounter diagnosis)
 * @param deceased    Patient.deceasedBoolean true or a deceasedDateTime (D21: no card on any hook)
 */
public record PatientSnapshot(
        String patientId,
        LocalDate birthDate,
        Sex sex,
        List<LabResult> labs,
        List<MedicationUse> medications,
        List<ConditionEntry> conditions,
        List<DraftOrder> drafts,
        Map<DataKey, String> unknown,
        String encounterId,
        boolean deceased) {

    public PatientSnapshot {
        sex = sex == null ? Sex.UNKNOWN : sex;
        labs = List.copyOf(labs);
        medications = List.copyOf(medications);
        conditions = List.copyOf(conditions);
        drafts = List.copyOf(drafts);
        unknown = Map.copyOf(unknown);
        encounterId = ConditionEntry.encounterId(encounterId);
    }

    /** A living patient with no encounter in context. */
    public PatientSnapshot(String patientId, LocalDate birthDate, Sex sex, List<LabResult> labs,
                           List<MedicationUse> medications, List<ConditionEntry> conditions, List<DraftOrder> drafts,
                           Map<DataKey, String> unknown) {
        this(patientId, birthDate, sex, labs, medications, conditions, drafts, unknown, null, false);
    }

    public List<LabResult> labs(Analyte analyte) {
        return labs.stream().filter(l -> l.analyte() == analyte).toList();
    }
}
