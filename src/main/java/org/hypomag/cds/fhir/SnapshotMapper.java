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
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.MedicationRequest;
import org.hl7.fhir.r4.model.MedicationStatement;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Patient;
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
            DataKey.RENAL, DataKey.WEIGHT, DataKey.PATIENT);

    private final FhirContext fhirContext;
    private final ObservationMapper observations;
    private final DraftOrderMapper drafts;

    public SnapshotMapper(FhirContext fhirContext, LabCodes labCodes, UnitTable units) {
        this.fhirContext = fhirContext;
        QuantityNormaliser normaliser = new QuantityNormaliser(units);
        this.observations = new ObservationMapper(labCodes, normaliser);
        this.drafts = new DraftOrderMapper(normaliser);
    }

    /**
     * @param draftOrdersJson   context.draftOrders as JSON text, or null (patient-view)
     * @param selections        context.selections ("MedicationRequest/123"); empty when absent
     * @param allDraftsSelected true on order-sign: every draft counts as selected
     */
    public PatientSnapshot toSnapshot(String patientId, PatientData data, String draftOrdersJson,
                                      List<String> selections, boolean allDraftsSelected) {
        LocalDate birthDate = null;
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
            for (IBaseResource r : present.resources()) {
                if (r.getIdElement() != null && r.getIdElement().getIdPart() != null
                        && !seen.add(FhirValues.reference(r))) {
                    continue;
                }
                try {
                    if (r instanceof Patient p) {
                        birthDate = birthDate(p);
                        sex = sex(p);
                    } else if (r instanceof Observation o) {
                        observations.map(o).ifPresent(labs::add);
                    } else if (r instanceof MedicationRequest mr) {
                        medications.add(ClinicalRecordMapper.medication(mr, medicationCodes));
                    } else if (r instanceof MedicationStatement ms) {
                        medications.add(ClinicalRecordMapper.medication(ms, medicationCodes));
                    } else if (r instanceof Condition c) {
                        conditions.add(ClinicalRecordMapper.condition(c));
                    }
                } catch (RuntimeException e) {
                    log.warn("{}: a {} could not be mapped ({})", entry.getKey().prefetchKey(), r.fhirType(),
                            e.getClass().getSimpleName());
                    unknown.putIfAbsent(entry.getKey(), entry.getKey().prefetchKey() + ": a " + r.fhirType()
                            + " could not be read");
                }
            }
        }
        List<DraftOrder> draftOrders = draftOrders(draftOrdersJson, data, selections, allDraftsSelected);
        return new PatientSnapshot(patientId, birthDate, sex, labs, medications, conditions, draftOrders, unknown);
    }

    private List<DraftOrder> draftOrders(String json, PatientData data, List<String> selections, boolean all) {
        if (json == null || json.isBlank()) {
            return List.of();
        }
        try {
            IBaseResource parsed = StructuralErrorHandler.jsonParser(fhirContext).parseResource(json);
            if (parsed instanceof Bundle bundle) {
                return drafts.map(bundle, data.medications(), selections == null ? List.of() : selections, all,
                        fhirContext);
            }
            log.warn("draftOrders is a {}, not a Bundle: no draft orders read", parsed.fhirType());
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

    private static LocalDate birthDate(Patient p) {
        try {
            return p.hasBirthDateElement() ? FhirValues.date(p.getBirthDateElement().getValueAsString()) : null;
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static Sex sex(Patient p) {
        if (!p.hasGender()) {
            return Sex.UNKNOWN;
        }
        return switch (p.getGender()) {
            case FEMALE -> Sex.FEMALE;
            case MALE -> Sex.MALE;
            case OTHER -> Sex.OTHER;
            default -> Sex.UNKNOWN;
        };
    }
}
