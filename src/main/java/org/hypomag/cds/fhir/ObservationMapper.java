package org.hypomag.cds.fhir;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Quantity;
import org.hypomag.cds.clinical.Analyte;
import org.hypomag.cds.clinical.Code;
import org.hypomag.cds.clinical.LabCodes;
import org.hypomag.cds.clinical.LabResult;
import org.hypomag.cds.clinical.ResultStatus;
import org.hypomag.cds.clinical.ValueComparator;

/**
 * Observation → LabResult: classified by system+code with {@link LabCodes} (an excluded code anywhere drops
 * it, no analyte drops it), the value in the analyte's canonical unit, whatever the status (status filtering
 * is a clinical rule). The unit is read from Quantity.code when its system is UCUM or absent, else from
 * Quantity.unit — never from the LOINC code (D1).
 */
final class ObservationMapper {

    private static final String UCUM = "http://unitsofmeasure.org";

    private final LabCodes labCodes;
    private final QuantityNormaliser normaliser;

    ObservationMapper(LabCodes labCodes, QuantityNormaliser normaliser) {
        this.labCodes = labCodes;
        this.normaliser = normaliser;
    }

    Optional<LabResult> map(Observation o) {
        List<Code> codes = FhirValues.codes(o.getCode());
        if (codes.stream().anyMatch(labCodes::isExcluded)) {
            return Optional.empty();
        }
        for (Code c : codes) {
            Optional<Analyte> analyte = labCodes.classify(c);
            if (analyte.isPresent()) {
                return Optional.of(result(o, analyte.get(), c));
            }
        }
        return Optional.empty();
    }

    private LabResult result(Observation o, Analyte analyte, Code code) {
        BigDecimal value = null;
        ValueComparator comparator = ValueComparator.EQUAL;
        String reported = "";
        String problem;
        if (o.hasDataAbsentReason()) {
            problem = "data absent: " + absentReason(o);
        } else if (o.hasValueQuantity()) {
            Quantity q = o.getValueQuantity();
            comparator = comparator(q);
            String unit = unit(q);
            reported = (symbol(comparator) + (q.hasValue() ? q.getValue().toPlainString() : "")
                    + (q.hasUnit() ? " " + q.getUnit() : unit == null ? "" : " " + unit)).strip();
            QuantityNormaliser.Normalised n = normaliser.normalise(analyte, q.getValue(), unit);
            value = n.value();
            problem = n.problem();
        } else if (o.hasValue()) {
            reported = o.getValue().primitiveValue() == null ? "" : o.getValue().primitiveValue();
            problem = "value is not a Quantity (" + o.getValue().fhirType() + ")";
        } else {
            problem = "no value";
        }
        BigDecimal[] range = range(o, analyte, o.hasValueQuantity() ? unit(o.getValueQuantity()) : null);
        return new LabResult(analyte, code, value, comparator, reported, status(o), FhirValues.source(o, time(o)),
                range[0], range[1], problem);
    }

    private BigDecimal[] range(Observation o, Analyte analyte, String valueUnit) {
        BigDecimal[] out = new BigDecimal[2];
        if (!o.hasReferenceRange()) {
            return out;
        }
        Observation.ObservationReferenceRangeComponent rr = o.getReferenceRangeFirstRep();
        out[0] = rr.hasLow() ? bound(analyte, rr.getLow(), valueUnit) : null;
        out[1] = rr.hasHigh() ? bound(analyte, rr.getHigh(), valueUnit) : null;
        return out;
    }

    private BigDecimal bound(Analyte analyte, Quantity q, String valueUnit) {
        String unit = unit(q);
        return normaliser.normalise(analyte, q.getValue(), unit == null ? valueUnit : unit).value();
    }

    static String unit(Quantity q) {
        boolean ucumOrNone = !q.hasSystem() || UCUM.equals(q.getSystem());
        if (ucumOrNone && q.hasCode()) {
            return q.getCode();
        }
        return q.hasUnit() ? q.getUnit() : null;
    }

    static Instant time(Observation o) {
        Instant t = null;
        if (o.hasEffectiveDateTimeType()) {
            t = FhirValues.instant(o.getEffectiveDateTimeType());
        } else if (o.hasEffectivePeriod()) {
            t = FhirValues.instant(o.getEffectivePeriod().getStartElement());
        } else if (o.hasEffectiveInstantType()) {
            t = FhirValues.instant(o.getEffectiveInstantType());
        }
        return t != null ? t : FhirValues.instant(o.getIssuedElement());
    }

    private static String absentReason(Observation o) {
        String text = FhirValues.text(o.getDataAbsentReason());
        if (!text.isEmpty()) {
            return text;
        }
        return o.getDataAbsentReason().getCoding().stream().map(c -> c.getCode()).filter(c -> c != null)
                .findFirst().orElse("unspecified");
    }

    private static ValueComparator comparator(Quantity q) {
        if (!q.hasComparator()) {
            return ValueComparator.EQUAL;
        }
        return switch (q.getComparator()) {
            case LESS_THAN -> ValueComparator.LESS_THAN;
            case LESS_OR_EQUAL -> ValueComparator.LESS_OR_EQUAL;
            case GREATER_OR_EQUAL -> ValueComparator.GREATER_OR_EQUAL;
            case GREATER_THAN -> ValueComparator.GREATER_THAN;
            default -> ValueComparator.EQUAL;
        };
    }

    private static String symbol(ValueComparator c) {
        return switch (c) {
            case LESS_THAN -> "<";
            case LESS_OR_EQUAL -> "<=";
            case GREATER_OR_EQUAL -> ">=";
            case GREATER_THAN -> ">";
            case EQUAL -> "";
        };
    }

    private static ResultStatus status(Observation o) {
        if (!o.hasStatus()) {
            return ResultStatus.UNKNOWN;
        }
        return switch (o.getStatus()) {
            case REGISTERED -> ResultStatus.REGISTERED;
            case PRELIMINARY -> ResultStatus.PRELIMINARY;
            case FINAL -> ResultStatus.FINAL;
            case AMENDED -> ResultStatus.AMENDED;
            case CORRECTED -> ResultStatus.CORRECTED;
            case CANCELLED -> ResultStatus.CANCELLED;
            case ENTEREDINERROR -> ResultStatus.ENTERED_IN_ERROR;
            default -> ResultStatus.UNKNOWN;
        };
    }
}
