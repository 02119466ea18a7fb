package org.hypomag.cds.fhir;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.hypomag.cds.clinical.Analyte;
import org.hypomag.cds.clinical.Code;
import org.hypomag.cds.clinical.LabCodes;
import org.hypomag.cds.clinical.LabResult;
import org.hypomag.cds.clinical.ResultStatus;
import org.hypomag.cds.clinical.ValueComparator;
import tools.jackson.databind.JsonNode;

/**
 * Observation (JSON) → LabResult: classified by system+code with {@link LabCodes} (an excluded code anywhere drops
 * it, no analyte drops it), the value in the analyte's canonical unit, whatever the status (status filtering
 * is a clinical rule). The unit is read from Quantity.code when its system is UCUM or absent, else from
 * Quantity.unit — never from the LOINC code (D1).
 */
final class ObservationMapper {

    private static final String UCUM = "http://unitsofmeasure.org";
    private static final List<String> OTHER_VALUES = List.of("valueCodeableConcept", "valueString", "valueBoolean",
            "valueInteger", "valueRange", "valueRatio", "valueSampledData", "valueTime", "valueDateTime",
            "valuePeriod");
    private static final Set<String> COMPLEX_VALUES = Set.of("CodeableConcept", "Range", "Ratio", "SampledData",
            "Period");

    private final LabCodes labCodes;
    private final QuantityNormaliser normaliser;

    ObservationMapper(LabCodes labCodes, QuantityNormaliser normaliser) {
        this.labCodes = labCodes;
        this.normaliser = normaliser;
    }

    Optional<LabResult> map(FhirResource observation) {
        JsonNode o = observation.json();
        List<Code> codes = FhirValues.codes(FhirJson.object(o, "code"));
        if (codes.stream().anyMatch(labCodes::isExcluded)) {
            return Optional.empty();
        }
        for (Code c : codes) {
            Optional<Analyte> analyte = labCodes.classify(c);
            if (analyte.isPresent()) {
                return Optional.of(result(observation, analyte.get(), c));
            }
        }
        return Optional.empty();
    }

    private LabResult result(FhirResource observation, Analyte analyte, Code code) {
        JsonNode o = observation.json();
        BigDecimal value = null;
        ValueComparator comparator = ValueComparator.EQUAL;
        String reported = "";
        String problem;
        JsonNode q = FhirJson.object(o, "valueQuantity");
        String unit = q == null ? null : unit(q);
        String otherValue = otherValue(o);
        JsonNode absent = FhirJson.object(o, "dataAbsentReason");
        if (absent != null) {
            problem = "data absent: " + absentReason(absent);
        } else if (q != null) {
            comparator = comparator(FhirJson.string(q, "comparator"));
            BigDecimal given;
            try {
                given = FhirJson.decimal(q, "value");
            } catch (FhirJson.Unbounded e) {
                given = null;
            }
            String shownUnit = FhirJson.string(q, "unit");
            String unitText = shownUnit != null && !shownUnit.isBlank() ? " " + shownUnit : unit == null ? "" : " " + unit;
            if (given == null && FhirJson.has(q, "value")) {
                // never printed nor computed with (issue 12.1): the result is unusable
                reported = ("(unreadable number)" + unitText).strip();
                problem = "the value is not a number this service can read (more than " + FhirJson.MAX_DIGITS
                        + " digits or beyond 1E" + FhirJson.MAX_EXPONENT + "); it was not used";
            } else {
                reported = (symbol(comparator) + (given != null ? plain(given) : "") + unitText).strip();
                QuantityNormaliser.Normalised n = normaliser.normalise(analyte, given, unit);
                value = n.value();
                problem = n.problem();
                Optional<LabCodes.Plausible> limits = labCodes.plausibleRange(analyte);
                if (value != null && limits.isPresent() && !limits.get().contains(value)) {
                    problem = "the value " + reported + " is outside what is physiologically possible ("
                            + plain(limits.get().min()) + " to " + plain(limits.get().max()) + " "
                            + analyte.canonicalUnit() + "): a data error, not a result; it was not used";
                    value = null;
                }
            }
        } else if (otherValue != null) {
            JsonNode v = o.get(otherValue);
            reported = v.isValueNode() ? v.asString() : "";
            problem = "value is not a Quantity (" + fhirType(otherValue) + ")";
        } else {
            problem = "no value";
        }
        BigDecimal[] range = range(o, analyte, unit);
        return new LabResult(analyte, code, value, comparator, reported, status(FhirJson.string(o, "status")),
                FhirValues.source(observation, time(o)), range[0], range[1], problem);
    }

    /** The value[x] element other than valueQuantity that is present, or null. */
    private static String otherValue(JsonNode o) {
        for (String name : OTHER_VALUES) {
            if (FhirJson.has(o, name)) {
                return name;
            }
        }
        return null;
    }

    /** "valueString" → "string", "valueCodeableConcept" → "CodeableConcept" (FHIR's type names). */
    private static String fhirType(String valueElement) {
        String type = valueElement.substring("value".length());
        return COMPLEX_VALUES.contains(type) ? type : Character.toLowerCase(type.charAt(0)) + type.substring(1);
    }

    private BigDecimal[] range(JsonNode o, Analyte analyte, String valueUnit) {
        BigDecimal[] out = new BigDecimal[2];
        List<JsonNode> ranges = FhirJson.array(o, "referenceRange");
        if (ranges.isEmpty()) {
            return out;
        }
        JsonNode low = FhirJson.object(ranges.get(0), "low");
        JsonNode high = FhirJson.object(ranges.get(0), "high");
        out[0] = low != null ? bound(analyte, low, valueUnit) : null;
        out[1] = high != null ? bound(analyte, high, valueUnit) : null;
        return out;
    }

    private BigDecimal bound(Analyte analyte, JsonNode q, String valueUnit) {
        String unit = unit(q);
        BigDecimal given;
        try {
            given = FhirJson.decimal(q, "value");
        } catch (FhirJson.Unbounded e) {
            return null; // an unreadable reference limit is no limit
        }
        return normaliser.normalise(analyte, given, unit == null ? valueUnit : unit).value();
    }

    /** A bounded decimal as plain text (every decimal read here passed {@link FhirJson#bounded}). */
    static String plain(BigDecimal value) {
        return FhirJson.withinBounds(value) ? value.toPlainString() : "(unreadable number)";
    }

    /** Quantity.code when the system is UCUM or absent, else Quantity.unit (D1); null when neither. */
    static String unit(JsonNode q) {
        String system = FhirJson.string(q, "system");
        String code = FhirJson.string(q, "code");
        boolean ucumOrNone = system == null || system.isBlank() || UCUM.equals(system);
        if (ucumOrNone && code != null && !code.isBlank()) {
            return code;
        }
        String unit = FhirJson.string(q, "unit");
        return unit == null || unit.isBlank() ? null : unit;
    }

    static Instant time(JsonNode o) {
        Instant t = null;
        if (FhirJson.has(o, "effectiveDateTime")) {
            t = FhirValues.instant(o, "effectiveDateTime");
        } else if (FhirJson.has(o, "effectivePeriod")) {
            t = FhirValues.instant(FhirJson.object(o, "effectivePeriod"), "start");
        } else if (FhirJson.has(o, "effectiveInstant")) {
            t = FhirValues.instant(o, "effectiveInstant");
        }
        return t != null ? t : FhirValues.instant(o, "issued");
    }

    private static String absentReason(JsonNode reason) {
        String text = FhirValues.text(reason);
        if (!text.isEmpty()) {
            return text;
        }
        for (JsonNode c : FhirJson.array(reason, "coding")) {
            String code = FhirJson.string(c, "code");
            if (code != null) {
                return code;
            }
        }
        return "unspecified";
    }

    private static ValueComparator comparator(String code) {
        if (code == null) {
            return ValueComparator.EQUAL;
        }
        return switch (code) {
            case "<" -> ValueComparator.LESS_THAN;
            case "<=" -> ValueComparator.LESS_OR_EQUAL;
            case ">=" -> ValueComparator.GREATER_OR_EQUAL;
            case ">" -> ValueComparator.GREATER_THAN;
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

    private static ResultStatus status(String code) {
        if (code == null) {
            return ResultStatus.UNKNOWN;
        }
        return switch (code) {
            case "registered" -> ResultStatus.REGISTERED;
            case "preliminary" -> ResultStatus.PRELIMINARY;
            case "final" -> ResultStatus.FINAL;
            case "amended" -> ResultStatus.AMENDED;
            case "corrected" -> ResultStatus.CORRECTED;
            case "cancelled" -> ResultStatus.CANCELLED;
            case "entered-in-error" -> ResultStatus.ENTERED_IN_ERROR;
            default -> ResultStatus.UNKNOWN;
        };
    }
}
