package org.hypomag.cds.clinical;

import java.math.BigDecimal;

/**
 * One laboratory or vital-sign result, normalised by the FHIR mapper.
 *
 * @param analyte     what was measured (classified by code from the knowledge files)
 * @param code        the code that classified it
 * @param value       the value in {@link Analyte#canonicalUnit()}, or null when it cannot be used
 *                    (no value, dataAbsentReason, unknown unit); {@code problem} then says why
 * @param comparator  the reported comparator ({@code <0.5} → LESS_THAN, value 0.5)
 * @param reported    the value as the lab sent it, for display ("0.45 mmol/L")
 * @param status      Observation.status
 * @param source      resource reference and effective time
 * @param refLow      the lab's reference range low in the canonical unit, or null
 * @param refHigh     the lab's reference range high in the canonical unit, or null
 * @param problem     null, or a short reason why the value is unusable ("unit 'xyz' not recognised")
 */
public record LabResult(
        Analyte analyte,
        Code code,
        BigDecimal value,
        ValueComparator comparator,
        String reported,
        ResultStatus status,
        SourceRef source,
        BigDecimal refLow,
        BigDecimal refHigh,
        String problem) {

    public LabResult {
        comparator = comparator == null ? ValueComparator.EQUAL : comparator;
        status = status == null ? ResultStatus.UNKNOWN : status;
    }

    public boolean hasValue() {
        return value != null;
    }
}
