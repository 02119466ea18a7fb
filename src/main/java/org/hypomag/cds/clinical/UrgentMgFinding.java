package org.hypomag.cds.clinical;

import java.util.List;

/**
 * D14: an emergency condition (e.g. torsades) with no current serum Mg: INFO card asking for an urgent Mg.
 *
 * @param order the urgent serum Mg order the card suggests (the same as in {@link Assessment#monitoring()})
 */
public record UrgentMgFinding(String ruleId, List<EmergencyFinding> conditions, IndicatorLevel indicator,
                              MonitoringOrder order) {

    public UrgentMgFinding {
        conditions = List.copyOf(conditions);
    }
}
