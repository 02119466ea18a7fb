package org.hypomag.cds.clinical;

import java.math.BigDecimal;

/**
 * The current serum/plasma Mg (D1-D3): newest valid result within the staleness window, graded (D2).
 *
 * @param ruleId        D2
 * @param valueMgDl     value in mg/dL (as reported, not rounded; D1)
 * @param comparator    LESS_THAN etc. when the lab reported "<x"
 * @param reported      the lab's own text ("0.45 mmol/L")
 * @param source        resource and effective time
 * @param grade         SEVERE/MODERATE/MILD/NORMAL/HIGH
 * @param lowerLimit    the lower limit used (knowledge, default 1.7 mg/dL)
 * @param upperLimit    the upper limit used (2.4 mg/dL)
 * @param previous      the previous valid Mg result for the trend, or null
 * @param previousMgDl  its value in mg/dL, or null
 */
public record MgFinding(String ruleId, BigDecimal valueMgDl, ValueComparator comparator, String reported,
                        SourceRef source, Grade grade, BigDecimal lowerLimit, BigDecimal upperLimit,
                        SourceRef previous, BigDecimal previousMgDl) {
}
