package org.hypomag.cds.clinical;

import java.util.List;

/**
 * D10: on a Mg-wasting drug for >= 90 days with no serum Mg in 365 days (both configurable).
 *
 * @param classIds  the drug classes that qualify
 * @param lastMg    the newest serum Mg of any age, or null when none is on record
 */
public record MonitoringGapFinding(String ruleId, List<String> classIds, List<String> medicationTexts,
                                   SourceRef lastMg, IndicatorLevel indicator) {

    public MonitoringGapFinding {
        classIds = List.copyOf(classIds);
        medicationTexts = List.copyOf(medicationTexts);
    }
}
