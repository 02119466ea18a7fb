package org.hypomag.cds.clinical;

import java.util.List;

/** D14: an emergency condition (e.g. torsades) with no current serum Mg: INFO card asking for an urgent Mg. */
public record UrgentMgFinding(String ruleId, List<EmergencyFinding> conditions, IndicatorLevel indicator) {

    public UrgentMgFinding {
        conditions = List.copyOf(conditions);
    }
}
