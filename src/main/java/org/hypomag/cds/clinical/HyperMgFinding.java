package org.hypomag.cds.clinical;

import java.math.BigDecimal;
import java.util.List;

/**
 * D11: current Mg above the upper limit. WARNING, never CRITICAL; no invented grades.
 *
 * @param indicator at most WARNING: a CRITICAL level is lowered to WARNING here (D11)
 * @param mgSources active magnesium-containing drugs (issue 19 item 10; §8, R54), empty when none
 * @param recheck   the serum Mg re-check suggested with stopping a source (D11), null when there is no source
 */
public record HyperMgFinding(String ruleId, BigDecimal valueMgDl, String reported, SourceRef source,
                             BigDecimal upperLimit, IndicatorLevel indicator, List<MgSourceDrug> mgSources,
                             MonitoringOrder recheck) {

    public HyperMgFinding {
        mgSources = mgSources == null ? List.of() : List.copyOf(mgSources);
        indicator = indicator == IndicatorLevel.CRITICAL ? IndicatorLevel.WARNING : indicator;
    }

    /** A finding without magnesium sources. */
    public HyperMgFinding(String ruleId, BigDecimal valueMgDl, String reported, SourceRef source,
                          BigDecimal upperLimit, IndicatorLevel indicator) {
        this(ruleId, valueMgDl, reported, source, upperLimit, indicator, List.of(), null);
    }
}
