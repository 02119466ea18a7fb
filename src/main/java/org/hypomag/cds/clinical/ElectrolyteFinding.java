package org.hypomag.cds.clinical;

import java.math.BigDecimal;

/**
 * Potassium or calcium beside the Mg (D4, D8, D17; §3). Cut-offs are not in the source: the lab's
 * reference-range low when present, else the configurable default of thresholds.yaml ("general
 * knowledge, not in source").
 *
 * @param ruleId        D4 for potassium, D8 for calcium
 * @param analyte       POTASSIUM, CALCIUM_TOTAL or CALCIUM_IONIZED
 * @param low           below the cut-off (false when no current value)
 * @param value         canonical unit of the analyte, or null when there is no current value
 * @param unit          the canonical unit
 * @param reported      the lab's text, or null
 * @param source        the result, or null
 * @param cutoff        the cut-off used
 * @param cutoffFromLab true when the Observation's reference range gave it
 */
public record ElectrolyteFinding(String ruleId, Analyte analyte, boolean low, BigDecimal value, String unit,
                                 String reported, SourceRef source, BigDecimal cutoff, boolean cutoffFromLab) {

    public boolean measured() {
        return value != null;
    }
}
