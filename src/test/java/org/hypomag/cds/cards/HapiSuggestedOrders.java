package org.hypomag.cds.cards;

import java.math.BigDecimal;
import java.math.RoundingMode;

import ca.uhn.fhir.context.FhirContext;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Dosage;
import org.hl7.fhir.r4.model.MedicationRequest;
import org.hl7.fhir.r4.model.Quantity;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.ServiceRequest;
import org.hl7.fhir.r4.model.Timing;
import org.hypomag.cds.clinical.MgSulfateRegimen;
import org.hypomag.cds.clinical.MonitoringKind;
import org.hypomag.cds.clinical.MonitoringOrder;
import org.hypomag.cds.clinical.OralRegimen;
import org.hypomag.cds.knowledge.CardTexts;

/**
 * The reference for {@link SuggestedOrders}' JSON: how the service built the suggested resources before issue 16
 * (HAPI's R4 model encoded with HAPI's JSON parser), kept unchanged so SuggestedOrdersEncodingTest can show the
 * dedicated writer writes the same bytes.
 */
final class HapiSuggestedOrders {

    static final String UCUM = SuggestedOrders.UCUM;

    private final FhirContext fhir;
    private final CardTexts texts;
    private final OrderWording wording;

    HapiSuggestedOrders(FhirContext fhir, CardTexts texts, OrderWording wording) {
        this.fhir = fhir;
        this.texts = texts;
        this.wording = wording;
    }

    String iv(String patientId, MgSulfateRegimen r, String reason) {
        return iv(patientId, r, reason, null);
    }

    /** @param id the id of the draft this order replaces (an update keeps it), or null for a new order */
    String iv(String patientId, MgSulfateRegimen r, String reason, String id) {
        CardTexts.OrderCodings c = texts.orders();
        MedicationRequest mr = draft(patientId, reason);
        if (id != null) {
            mr.setId(id);
        }
        CodeableConcept med = new CodeableConcept().setText(wording.describe(r));
        if (c.ivRxNorm() != null) {
            med.addCoding(coding(c.ivRxNorm()));
        }
        med.addCoding(coding(c.ivMedication()));
        mr.setMedication(med);
        Dosage d = mr.addDosageInstruction().setSequence(1).setText(wording.ivDosage(r));
        d.setRoute(new CodeableConcept(coding(c.ivRoute())).setText("IV"));
        Timing.TimingRepeatComponent repeat = d.getTiming().getRepeat().setCount(1);
        if (r.repeatedDaily()) { // D17: once a day for 3 to 5 days, each day's infusion over the duration below
            repeat.setCount(r.repeatDaysMin()).setCountMax(r.repeatDaysMax()).setFrequency(1).setPeriod(1)
                    .setPeriodUnit(Timing.UnitsOfTime.D);
        }
        if (r.durationMinutes() % 60 == 0) {
            repeat.setDuration(r.durationMinutes() / 60).setDurationUnit(Timing.UnitsOfTime.H);
        } else {
            repeat.setDuration(r.durationMinutes()).setDurationUnit(Timing.UnitsOfTime.MIN);
        }
        Dosage.DosageDoseAndRateComponent dr = d.addDoseAndRate().setDose(grams(r.doseGrams()));
        BigDecimal hours = BigDecimal.valueOf(r.durationMinutes()).divide(BigDecimal.valueOf(60), 10, RoundingMode.HALF_UP);
        BigDecimal rate = r.doseGrams().divide(hours, 10, RoundingMode.HALF_UP).stripTrailingZeros();
        if (rate.scale() <= 3) { // only an exact rate: a rounded one would not add up to the dose
            dr.setRate(new Quantity().setValue(rate).setUnit("g/h").setSystem(UCUM).setCode("g/h"));
        }
        if (r.paediatric() != null) {
            d.setMaxDosePerAdministration(grams(r.paediatric().capGrams()));
        }
        return encode(mr);
    }

    String oral(String patientId, OralRegimen r, String reason) {
        MedicationRequest mr = draft(patientId, reason);
        mr.setMedication(new CodeableConcept().setText(texts.fragment("oral-medication")));
        Dosage d = mr.addDosageInstruction().setSequence(1).setText(wording.oralDosage(r));
        d.setRoute(new CodeableConcept(coding(texts.orders().oralRoute())).setText("oral"));
        return encode(mr);
    }

    String lab(String patientId, MonitoringOrder o, String reason) {
        ServiceRequest sr = new ServiceRequest();
        sr.setStatus(ServiceRequest.ServiceRequestStatus.DRAFT);
        sr.setIntent(ServiceRequest.ServiceRequestIntent.ORDER);
        sr.setPriority(o.kind() == MonitoringKind.MG_URGENT
                ? ServiceRequest.ServiceRequestPriority.URGENT : ServiceRequest.ServiceRequestPriority.ROUTINE);
        sr.setCode(new CodeableConcept(new org.hl7.fhir.r4.model.Coding(o.code().system(), o.code().code(),
                o.code().display())).setText(wording.labName(o)));
        sr.setSubject(new Reference("Patient/" + patientId));
        sr.addNote().setText("Draw " + wording.when(o) + ".");
        if (reason != null && !reason.isBlank()) {
            sr.addReasonCode().setText(reason);
        }
        return encode(sr);
    }

    private static MedicationRequest draft(String patientId, String reason) {
        MedicationRequest mr = new MedicationRequest();
        mr.setStatus(MedicationRequest.MedicationRequestStatus.DRAFT);
        mr.setIntent(MedicationRequest.MedicationRequestIntent.ORDER);
        mr.setSubject(new Reference("Patient/" + patientId));
        if (reason != null && !reason.isBlank()) {
            mr.addReasonCode().setText(reason);
        }
        return mr;
    }

    private static Quantity grams(BigDecimal value) {
        return new Quantity().setValue(value.stripTrailingZeros()).setUnit("g").setSystem(UCUM).setCode("g");
    }

    private static org.hl7.fhir.r4.model.Coding coding(CardTexts.Coded c) {
        return new org.hl7.fhir.r4.model.Coding(c.system(), c.code(), c.display());
    }

    private String encode(Resource resource) {
        return fhir.newJsonParser().encodeResourceToString(resource);
    }
}
