package org.hypomag.cds.clinical;

import java.math.BigDecimal;

/**
 * D3: the newest valid Mg is older than the staleness window (168 h) and was low; never graded as current.
 * The card is INFO with a re-check order (the same MG_RECHECK order as in {@link Assessment#monitoring()}).
 *
 * @param recheck the D3 serum Mg re-check the card suggests
 */
public record StaleLowFinding(String ruleId, BigDecimal valueMgDl, String reported, SourceRef source,
                              long ageHours, Grade gradeThen, IndicatorLevel indicator, MonitoringOrder recheck) {
}
