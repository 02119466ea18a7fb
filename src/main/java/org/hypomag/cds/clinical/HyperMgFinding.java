package org.hypomag.cds.clinical;

import java.math.BigDecimal;
import java.util.List;

/**
 * D11: current Mg above the upper limit. WARNING, never CRITICAL; no invented grades.
 *
 * @param mgSources active magnesium-containing drugs (issue 19 item 10; §8, R54), empty when none
 */
public record HyperMgFinding(String ruleId, BigDecimal valueMgDl, String reported, SourceRef source,
                             BigDecimal upperLimit, IndicatorLevel indicator, List<MgSourceDrug> mgSources) {

    public HyperMgFinding {
        mgSources = mgSources == null ? List.of() : List.copyOf(mgSources);
    }

    /** A finding without magnesium sources. */
    public HyperMgFinding(String ruleId, BigDecimal valueMgDl, String reported, SourceRef source,
                          BigDecimal upperLimit, IndicatorLevel indicator) {
        this(ruleId, valueMgDl, reported, source, upperLimit, indicator, List.of());
    }
}
