package org.hypomag.cds.fhir;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import ca.uhn.fhir.context.FhirContext;
import org.hypomag.cds.clinical.ConditionEntry;
import org.hypomag.cds.clinical.DataKey;
import org.hypomag.cds.clinical.DraftOrder;
import org.hypomag.cds.clinical.LabCodes;
import org.hypomag.cds.clinical.LabResult;
import org.hypomag.cds.clinical.MedicationUse;
import org.hypomag.cds.clinical.PatientSnapshot;
import org.hypomag.cds.clinical.Sex;
import org.hypomag.cds.clinical.UnitTable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

/**
 * {@link PatientData} (+ the hook's draftOrders) → {@link PatientSnapshot}: plain values, canonical units,
 * each with its source reference and time. Resources are taken by type from every key (deduplicated by
 * reference). Unknown keys go to {@code unknown}; so does an incomplete medication or condition list (a later
 * page not read); an incomplete lab list does not, because lab searches are newest-first and the newest
 * results are on the first page.
 */
@Component
public class SnapshotMapper {

    private static final Logger log = LoggerFactory.getLogger(SnapshotMapper.class);
    private static final Set<DataKey> NEWEST_FIRST = Set.of(DataKey.MAGNESIUM, DataKey.POTASSIUM, DataKey.CALCIUM,
            DataKey.RENAL, DataKey.WEIGHT, DataKey.PATIENT, DataKey.MEDICATION_ADMINISTRATIONS);

    private final ObservationMapper observations;
    private final DraftOrderMapper drafts;

    /** @param fhirContext only for the names of FHIR R4's resource types */
    public SnapshotMapper(FhirContext fhirContext, LabCodes labCodes, UnitTable units) {
        QuantityNormaliser normaliser = new QuantityNormaliser(units);
        this.observations = new ObservationMapper(labCodes, normaliser);
        this.drafts = new DraftOrderMapper(normaliser, fhirContext.getResourceTypes());
    }

    /**
     * @param draftOrdersJson   context.draftOrders as received, or null (patient-view)
     * @param selections        context.selections ("MedicationRequest/123"); empty when absent
     * @param allDraftsSelected true on order-sign: every draft counts as selected
     */
    public PatientSnapshot toSnapshot(String patientId, PatientData data, JsonNode draftOrdersJson,
                                      List<String> selections, boolean allDraftsSelected) {
        return toSnapshot(patientId, null, data, draftOrdersJson, selections, allDraftsSelected);
    }

    /** @param encounterId context.encounterId, or null (D18, D20: which Conditions are of this encounter) */
    public PatientSnapshot toSnapshot(String patientId, String encounterId, PatientData data,
                                      JsonNode draftOrdersJson, List<String> selections, boolean allDraftsSelected) {
        LocalDate birthDate = null;
        boolean deceased = false;
        Sex sex = Sex.UNKNOWN;
        List<LabResult> labs = new ArrayList<>();
        List<MedicationUse> medications = new ArrayList<>();
        List<ConditionEntry> conditions = new ArrayList<>();
        MedicationCodes medicationCodes = new MedicationCodes(data.medications());
        Set<String> seen = new HashSet<>();
        Map<DataKey, String> unknown = unknown(data);
        for (Map.Entry<DataKey, KeyResult> entry : data.results().entrySet()) {
            if (!(entry.getValue() instanceof KeyResult.Present present)) {
                continue;
            }
            for (FhirResource r : present.resources()) {
                if (r.id() != null && !seen.add(r.reference())) {
                    continue;
                }
                try {
                    switch (r.type()) {
                        case "Patient" -> {
                            birthDate = birthDate(r.json());
                            sex = sex(FhirJson.string(r.json(), "gender"));
                            deceased = deceased(r.json());
                        }
                        case "Observation" -> observations.map(r).ifPresent(labs::add);
                        case "MedicationRequest" -> medications.add(
                                ClinicalRecordMapper.medicationRequest(r, medicationCodes));
                        case "MedicationStatement" -> medications.add(
                                ClinicalRecordMapper.medicationStatement(r, medicationCodes));
                        case "MedicationAdministration" -> medications.add(
                                ClinicalRecordMapper.medicationAdministration(r, medicationCodes));
                        case "Condition" -> conditions.add(ClinicalRecordMapper.condition(r));
                        default -> { }
                    }
                } catch (RuntimeException e) { // FhirJson.Malformed: an element with the wrong structure
                    log.warn("{}: a {} could not be mapped ({})", entry.getKey().prefetchKey(), r.type(),
                            e.getClass().getSimpleName());
                    unknown.putIfAbsent(entry.getKey(), entry.getKey().prefetchKey() + ": a " + r.type()
                            + " could not be read");
                }
            }
        }
        List<DraftOrder> draftOrders = draftOrders(draftOrdersJson, data, selections, allDraftsSelected);
        return new PatientSnapshot(patientId, birthDate, sex, labs, medications, conditions, draftOrders, unknown,
                encounterId, deceased);
    }

    private List<DraftOrder> draftOrders(JsonNode json, PatientData data, List<String> selections, boolean all) {
        if (json == null || json.isNull()) {
            return List.of();
        }
        try {
            String type = json.isObject() ? FhirJson.string(json, "resourceType") : null;
            if ("Bundle".equals(type)) {
                return drafts.map(json, data.medications(), selections == null ? List.of() : selections, all);
            }
            log.warn("draftOrders is not a Bundle: no draft orders read");
        } catch (RuntimeException e) {
            log.warn("draftOrders could not be read ({}): no draft orders", e.getClass().getSimpleName());
        }
        return List.of();
    }

    private static Map<DataKey, String> unknown(PatientData data) {
        Map<DataKey, String> unknown = new EnumMap<>(DataKey.class);
        data.results().forEach((key, r) -> {
            if (r instanceof KeyResult.Unknown u) {
                unknown.put(key, u.reason());
            } else if (r instanceof KeyResult.Present p && p.incomplete() != null && !NEWEST_FIRST.contains(key)) {
                unknown.put(key, key.prefetchKey() + ": incomplete, " + p.incomplete());
            }
        });
        return unknown;
    }

    private static LocalDate birthDate(JsonNode patient) {
        String birthDate = FhirJson.string(patient, "birthDate");
        try {
            return birthDate == null || birthDate.isBlank() ? null : FhirValues.date(birthDate.strip());
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /** D21: deceasedBoolean true, or any deceasedDateTime (its value is not needed: no card either way). */
    static boolean deceased(JsonNode patient) {
        JsonNode flag = patient.get("deceasedBoolean");
        if (flag != null && flag.isBoolean() && flag.booleanValue()) {
            return true;
        }
        JsonNode when = patient.get("deceasedDateTime");
        return when != null && when.isString() && !when.asString().isBlank();
    }

    private static Sex sex(String gender) {
        if (gender == null) {
            return Sex.UNKNOWN;
        }
        return switch (gender) {
            case "female" -> Sex.FEMALE;
            case "male" -> Sex.MALE;
            case "other" -> Sex.OTHER;
            default -> Sex.UNKNOWN;
        };
    }
}
