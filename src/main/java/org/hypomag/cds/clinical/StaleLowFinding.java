package org.hypomag.cds.clinical;

import java.math.BigDecimal;

/**
 * D3: the newest valid Mg is older than the staleness window (168 h) and was low; never graded as current.
 * The card is INFO with a re-check order (see {@link Assessment#monitoring()}, kind MG_RECHECK).
 */
public record StaleLowFinding(String ruleId, BigDecimal valueMgDl, String reported, SourceRef source,
                              long ageHours, Grade gradeThen, IndicatorLevel indicator) {
}
