package org.hypomag.cds.fhir;

import java.time.Instant;
import java.util.List;
import java.util.Set;

import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.MedicationRequest;
import org.hl7.fhir.r4.model.MedicationStatement;
import org.hypomag.cds.clinical.ConditionEntry;
import org.hypomag.cds.clinical.MedicationUse;

/** MedicationRequest / MedicationStatement → MedicationUse, Condition → ConditionEntry. */
final class ClinicalRecordMapper {

    private static final Set<String> ACTIVE_CLINICAL = Set.of("active", "recurrence", "relapse");
    private static final Set<String> NOT_VERIFIED = Set.of("refuted", "entered-in-error");

    private ClinicalRecordMapper() {
    }

    static MedicationUse medication(MedicationRequest r, MedicationCodes meds) {
        MedicationCodes.Resolved m = meds.resolve(r, r.hasMedicationCodeableConcept()
                ? r.getMedicationCodeableConcept() : null, r.hasMedicationReference() ? r.getMedicationReference() : null);
        String status = r.hasStatus() ? r.getStatus().toCode() : null;
        return new MedicationUse(m.codes(), m.text(), FhirValues.medicationStatus(status),
                FhirValues.source(r, FhirValues.instant(r.getAuthoredOnElement())));
    }

    static MedicationUse medication(MedicationStatement s, MedicationCodes meds) {
        MedicationCodes.Resolved m = meds.resolve(s, s.hasMedicationCodeableConcept()
                ? s.getMedicationCodeableConcept() : null, s.hasMedicationReference() ? s.getMedicationReference() : null);
        Instant time = null;
        if (s.hasEffectiveDateTimeType()) {
            time = FhirValues.instant(s.getEffectiveDateTimeType());
        } else if (s.hasEffectivePeriod()) {
            time = FhirValues.instant(s.getEffectivePeriod().getStartElement());
        }
        if (time == null) {
            time = FhirValues.instant(s.getDateAssertedElement());
        }
        String status = s.hasStatus() ? s.getStatus().toCode() : null;
        return new MedicationUse(m.codes(), m.text(), FhirValues.medicationStatus(status), FhirValues.source(s, time));
    }

    static ConditionEntry condition(Condition c) {
        boolean clinicallyActive = !c.hasClinicalStatus() || c.getClinicalStatus().getCoding().stream()
                .noneMatch(Coding::hasCode) || anyCode(c.getClinicalStatus(), ACTIVE_CLINICAL);
        boolean verified = !c.hasVerificationStatus() || !anyCode(c.getVerificationStatus(), NOT_VERIFIED);
        boolean encounterDiagnosis = c.getCategory().stream()
                .anyMatch(cat -> anyCode(cat, Set.of("encounter-diagnosis")));
        Instant time = null;
        if (c.hasOnsetDateTimeType()) {
            time = FhirValues.instant(c.getOnsetDateTimeType());
        } else if (c.hasOnsetPeriod()) {
            time = FhirValues.instant(c.getOnsetPeriod().getStartElement());
        }
        if (time == null) {
            time = FhirValues.instant(c.getRecordedDateElement());
        }
        return new ConditionEntry(FhirValues.codes(c.getCode()), FhirValues.text(c.getCode()),
                clinicallyActive && verified, encounterDiagnosis, FhirValues.source(c, time));
    }

    private static boolean anyCode(CodeableConcept cc, Set<String> codes) {
        List<Coding> codings = cc.getCoding();
        return codings.stream().anyMatch(k -> k.hasCode() && codes.contains(k.getCode()));
    }
}
