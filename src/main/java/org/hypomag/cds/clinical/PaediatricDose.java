package org.hypomag.cds.clinical;

import java.math.BigDecimal;

/**
 * D7 (T-PEDS): the weight-based dose of a child's IV regimen.
 *
 * @param mgPerKg       the mg/kg used (25 by default; halved by the renal cut)
 * @param mgPerKgLow    range shown, low (25)
 * @param mgPerKgHigh   range shown, high (50)
 * @param weightKg      the weight used
 * @param weightSource  the weight Observation
 * @param capGrams      the per-dose maximum (2 g)
 * @param capApplied    true when the weight-based dose was above the cap and the cap was used
 */
public record PaediatricDose(BigDecimal mgPerKg, BigDecimal mgPerKgLow, BigDecimal mgPerKgHigh,
                             BigDecimal weightKg, SourceRef weightSource, BigDecimal capGrams,
                             boolean capApplied) {
}
