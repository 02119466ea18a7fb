package org.hypomag.cds.fhir;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.List;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.util.FhirTerser;
import org.hl7.fhir.instance.model.api.IBase;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.instance.model.api.IPrimitiveType;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Dosage;
import org.hl7.fhir.r4.model.MedicationRequest;
import org.hl7.fhir.r4.model.Quantity;
import org.hl7.fhir.r4.model.Timing;
import org.hypomag.cds.clinical.Code;
import org.hypomag.cds.clinical.DraftOrder;

/**
 * The draftOrders Bundle of order-select/order-sign → DraftOrders. MedicationRequest: codes (medicationReference
 * resolved from contained resources or the Bundle), text, the first doseQuantity, the infusion duration from
 * timing.repeat.duration or from the dose and a rate (g/h, or a ratio), the route. Other request types: codes
 * and text of their {@code code}, and status.
 */
final class DraftOrderMapper {

    private final QuantityNormaliser units;

    DraftOrderMapper(QuantityNormaliser units) {
        this.units = units;
    }

    List<DraftOrder> map(Bundle drafts, List<IBaseResource> medications, List<String> selections, boolean allSelected,
                         FhirContext fhirContext) {
        List<IBaseResource> bundled = new ArrayList<>(medications);
        drafts.getEntry().forEach(e -> bundled.add(e.getResource()));
        MedicationCodes meds = new MedicationCodes(bundled.stream().filter(r -> r != null).toList());
        List<DraftOrder> out = new ArrayList<>();
        for (Bundle.BundleEntryComponent e : drafts.getEntry()) {
            IBaseResource r = e.getResource();
            if (r == null || "Medication".equals(r.fhirType())) {
                continue;
            }
            String ref = FhirValues.reference(r);
            boolean selected = allSelected || selections.contains(ref);
            String id = r.getIdElement() == null ? null : r.getIdElement().getIdPart();
            out.add(r instanceof MedicationRequest mr ? medication(mr, id, selected, meds)
                    : other(r, id, selected, fhirContext.newTerser()));
        }
        return out;
    }

    private DraftOrder medication(MedicationRequest r, String id, boolean selected, MedicationCodes meds) {
        MedicationCodes.Resolved m = meds.resolve(r, r.hasMedicationCodeableConcept()
                ? r.getMedicationCodeableConcept() : null, r.hasMedicationReference() ? r.getMedicationReference() : null);
        BigDecimal doseValue = null;
        String doseUnit = null;
        BigDecimal minutes = null;
        String route = null;
        if (r.hasDosageInstruction()) {
            Dosage d = r.getDosageInstructionFirstRep();
            Quantity dose = d.getDoseAndRate().stream().filter(x -> x.hasDoseQuantity()).map(x -> x.getDoseQuantity())
                    .findFirst().orElse(null);
            if (dose != null) {
                doseValue = dose.getValue();
                doseUnit = dose.hasCode() ? dose.getCode() : dose.hasUnit() ? dose.getUnit() : null;
            }
            minutes = duration(d.getTiming());
            if (minutes == null && dose != null) {
                minutes = fromRate(d, doseValue, doseUnit);
            }
            if (d.hasRoute()) {
                CodeableConcept rc = d.getRoute();
                route = !FhirValues.text(rc).isEmpty() ? FhirValues.text(rc)
                        : rc.getCoding().stream().map(c -> c.getCode()).filter(c -> c != null).findFirst().orElse(null);
            }
        }
        String status = r.hasStatus() ? r.getStatus().toCode() : null;
        return new DraftOrder("MedicationRequest", id, selected, m.codes(), m.text(), doseValue, doseUnit, minutes,
                route, FhirValues.medicationStatus(status));
    }

    private BigDecimal duration(Timing timing) {
        if (timing == null || !timing.hasRepeat() || !timing.getRepeat().hasDuration()
                || !timing.getRepeat().hasDurationUnit()) {
            return null;
        }
        return units.convert(timing.getRepeat().getDuration(), timing.getRepeat().getDurationUnit().toCode(), "min");
    }

    /** Duration = dose / rate, e.g. 4 g at 1 g/h → 240 min; null when the units do not fit. */
    private BigDecimal fromRate(Dosage d, BigDecimal dose, String doseUnit) {
        if (dose == null || doseUnit == null) {
            return null;
        }
        for (Dosage.DosageDoseAndRateComponent x : d.getDoseAndRate()) {
            BigDecimal rate = null;
            String amountUnit = null;
            String timeUnit = null;
            if (x.hasRateQuantity()) {
                Quantity q = x.getRateQuantity();
                String u = q.hasCode() ? q.getCode() : q.getUnit();
                int slash = u == null ? -1 : u.lastIndexOf('/');
                if (slash > 0) {
                    rate = q.getValue();
                    amountUnit = u.substring(0, slash);
                    timeUnit = u.substring(slash + 1);
                }
            } else if (x.hasRateRatio() && x.getRateRatio().hasNumerator() && x.getRateRatio().hasDenominator()) {
                Quantity num = x.getRateRatio().getNumerator();
                Quantity den = x.getRateRatio().getDenominator();
                if (num.hasValue() && den.hasValue() && den.getValue().signum() > 0) {
                    rate = num.getValue().divide(den.getValue(), MathContext.DECIMAL64);
                    amountUnit = num.hasCode() ? num.getCode() : num.getUnit();
                    timeUnit = den.hasCode() ? den.getCode() : den.getUnit();
                }
            }
            if (rate == null || rate.signum() <= 0 || amountUnit == null || timeUnit == null) {
                continue;
            }
            BigDecimal doseInRateUnit = units.convert(dose, doseUnit, amountUnit);
            BigDecimal perTimeUnit = units.convert(BigDecimal.ONE, timeUnit, "min");
            if (doseInRateUnit != null && perTimeUnit != null) {
                return doseInRateUnit.divide(rate, MathContext.DECIMAL64).multiply(perTimeUnit, MathContext.DECIMAL64);
            }
        }
        return null;
    }

    private static DraftOrder other(IBaseResource r, String id, boolean selected, FhirTerser terser) {
        List<Code> codes = List.of();
        String text = "";
        String status = null;
        try {
            List<IBase> code = terser.getValues(r, r.fhirType() + ".code");
            if (!code.isEmpty() && code.get(0) instanceof CodeableConcept cc) {
                codes = FhirValues.codes(cc);
                text = FhirValues.text(cc);
            }
            List<IBase> st = terser.getValues(r, r.fhirType() + ".status");
            if (!st.isEmpty() && st.get(0) instanceof IPrimitiveType<?> p) {
                status = p.getValueAsString();
            }
        } catch (RuntimeException e) {
            // a request type without code or status: codes and text stay empty
        }
        return new DraftOrder(r.fhirType(), id, selected, codes, text, null, null, null, null,
                FhirValues.medicationStatus(status));
    }
}
