package org.hypomag.cds.fhir;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.hypomag.cds.clinical.Code;
import org.hypomag.cds.clinical.DraftOrder;
import tools.jackson.databind.JsonNode;

/**
 * The draftOrders Bundle of order-select/order-sign (JSON) → DraftOrders. MedicationRequest: codes
 * (medicationReference resolved from contained resources or the Bundle), text, the first doseQuantity, the
 * infusion duration from timing.repeat.duration or from the dose and a rate (g/h, or a ratio), the route.
 * Other request types: codes and text of their {@code code}, and status.
 */
final class DraftOrderMapper {

    private final QuantityNormaliser units;
    private final Set<String> resourceTypes;

    DraftOrderMapper(QuantityNormaliser units, Set<String> resourceTypes) {
        this.units = units;
        this.resourceTypes = Set.copyOf(resourceTypes);
    }

    /** @throws FhirJson.Malformed when the Bundle's structure is not FHIR's */
    List<DraftOrder> map(JsonNode drafts, List<FhirResource> medications, List<String> selections,
                         boolean allSelected) {
        List<FhirResource> entries = new ArrayList<>();
        for (JsonNode e : FhirJson.array(drafts, "entry")) {
            JsonNode r = FhirJson.object(e, "resource");
            if (r != null) {
                FhirResource resource = FhirResource.of(r, FhirJson.string(e, "fullUrl"));
                if (resource.type() == null || !resourceTypes.contains(resource.type())) {
                    throw new FhirJson.Malformed("entry.resource.resourceType");
                }
                entries.add(resource);
            }
        }
        List<FhirResource> bundled = new ArrayList<>(medications);
        bundled.addAll(entries);
        MedicationCodes meds = new MedicationCodes(bundled);
        List<DraftOrder> out = new ArrayList<>();
        for (FhirResource r : entries) {
            if ("Medication".equals(r.type())) {
                continue;
            }
            boolean selected = allSelected || selections.contains(r.reference());
            out.add("MedicationRequest".equals(r.type()) ? medication(r, selected, meds) : other(r, selected));
        }
        return out;
    }

    private DraftOrder medication(FhirResource resource, boolean selected, MedicationCodes meds) {
        JsonNode r = resource.json();
        MedicationCodes.Resolved m = meds.resolve(r);
        BigDecimal doseValue = null;
        String doseUnit = null;
        BigDecimal minutes = null;
        String route = null;
        String dosageText = null;
        List<JsonNode> dosages = FhirJson.array(r, "dosageInstruction");
        if (!dosages.isEmpty()) {
            JsonNode d = dosages.get(0);
            dosageText = FhirJson.string(d, "text");
            List<JsonNode> doseAndRate = FhirJson.array(d, "doseAndRate");
            JsonNode dose = doseAndRate.stream().map(x -> FhirJson.object(x, "doseQuantity"))
                    .filter(x -> x != null).findFirst().orElse(null);
            if (dose != null) {
                doseValue = decimalOrNull(dose, "value");
                doseUnit = unitOf(dose);
            }
            minutes = duration(FhirJson.object(d, "timing"));
            if (minutes == null && dose != null) {
                minutes = fromRate(doseAndRate, doseValue, doseUnit);
            }
            JsonNode rc = FhirJson.object(d, "route");
            if (rc != null) {
                route = !FhirValues.text(rc).isEmpty() ? FhirValues.text(rc)
                        : FhirJson.array(rc, "coding").stream().map(c -> FhirJson.string(c, "code"))
                        .filter(c -> c != null).findFirst().orElse(null);
            }
        }
        return new DraftOrder("MedicationRequest", resource.id(), selected, m.codes(), m.text(), doseValue, doseUnit,
                minutes, route, FhirValues.medicationStatus(FhirJson.string(r, "status")), dosageText);
    }

    /** Quantity.code, else Quantity.unit; null when neither. */
    private static String unitOf(JsonNode q) {
        String code = FhirJson.string(q, "code");
        return code != null && !code.isBlank() ? code : FhirJson.string(q, "unit");
    }

    private BigDecimal duration(JsonNode timing) {
        JsonNode repeat = FhirJson.object(timing, "repeat");
        BigDecimal duration = decimalOrNull(repeat, "duration");
        String unit = FhirJson.string(repeat, "durationUnit");
        if (duration == null || unit == null || unit.isBlank()) {
            return null;
        }
        return units.convert(duration, unit, "min");
    }

    /** Duration = dose / rate, e.g. 4 g at 1 g/h → 240 min; null when the units do not fit. */
    private BigDecimal fromRate(List<JsonNode> doseAndRate, BigDecimal dose, String doseUnit) {
        if (dose == null || doseUnit == null) {
            return null;
        }
        for (JsonNode x : doseAndRate) {
            BigDecimal rate = null;
            String amountUnit = null;
            String timeUnit = null;
            JsonNode q = FhirJson.object(x, "rateQuantity");
            JsonNode ratio = FhirJson.object(x, "rateRatio");
            if (q != null) {
                String u = unitOf(q);
                int slash = u == null ? -1 : u.lastIndexOf('/');
                if (slash > 0) {
                    rate = decimalOrNull(q, "value");
                    amountUnit = u.substring(0, slash);
                    timeUnit = u.substring(slash + 1);
                }
            } else if (ratio != null) {
                JsonNode num = FhirJson.object(ratio, "numerator");
                JsonNode den = FhirJson.object(ratio, "denominator");
                BigDecimal numValue = decimalOrNull(num, "value");
                BigDecimal denValue = decimalOrNull(den, "value");
                if (numValue != null && denValue != null && denValue.signum() > 0) {
                    rate = numValue.divide(denValue, MathContext.DECIMAL64);
                    amountUnit = unitOf(num);
                    timeUnit = unitOf(den);
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

    /** Another request type (ServiceRequest, ...): its {@code code} and {@code status}, when it has them. */
    private static DraftOrder other(FhirResource resource, boolean selected) {
        JsonNode r = resource.json();
        List<Code> codes = List.of();
        String text = "";
        String status = null;
        try {
            JsonNode code = FhirJson.object(r, "code");
            codes = FhirValues.codes(code);
            text = FhirValues.text(code);
            status = FhirJson.string(r, "status");
        } catch (FhirJson.Malformed e) {
            // a request type whose code or status is not a CodeableConcept/code: codes and text stay empty
        }
        return new DraftOrder(resource.type(), resource.id(), selected, codes, text, null, null, null, null,
                FhirValues.medicationStatus(status));
    }

    /** A decimal of a draft; an unbounded one (issue 12.1) reads as absent, so the dose is "not readable". */
    private static BigDecimal decimalOrNull(JsonNode parent, String element) {
        try {
            return FhirJson.decimal(parent, element);
        } catch (FhirJson.Unbounded e) {
            return null;
        }
    }
}
