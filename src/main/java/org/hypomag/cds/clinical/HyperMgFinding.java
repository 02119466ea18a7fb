package org.hypomag.cds.clinical;

import java.math.BigDecimal;

/** D11: current Mg above the upper limit. WARNING, never CRITICAL; no invented grades. */
public record HyperMgFinding(String ruleId, BigDecimal valueMgDl, String reported, SourceRef source,
                             BigDecimal upperLimit, IndicatorLevel indicator) {
}
