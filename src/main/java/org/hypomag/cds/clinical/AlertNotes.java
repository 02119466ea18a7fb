package org.hypomag.cds.clinical;

import java.util.List;

/** The hypomagnesemia alert's indicator (D13) and notes (D4, D7, D8, §3). */
final class AlertNotes {

    private AlertNotes() {
    }

    static IndicatorLevel add(MgFinding mg, RegimenInput in, ElectrolyteFinding k, ElectrolyteFinding ca,
                              BodyFacts body, RegimenPlan plan, List<Note> notes) {
        IndicatorLevel level = switch (mg.grade()) {
            case SEVERE -> IndicatorLevel.CRITICAL;
            case MODERATE -> IndicatorLevel.WARNING;
            default -> IndicatorLevel.INFO;
        };
        if (in.emergency()) {
            level = IndicatorLevel.CRITICAL;
        }
        if (k.low()) {
            level = level.stepUp();
            notes.add(new Note(RuleId.D4, TextKeys.POTASSIUM_LOW));
        }
        if (ca.low()) {
            notes.add(new Note(RuleId.D8, TextKeys.CALCIUM_LOW));
        }
        // the D4 emergency regimen in words is the assessment's EmergencyLine; the D19 unknown age a plan note
        notes.addAll(plan.notes());
        if (plan.hasIv()) {
            notes.add(new Note(RuleId.D8, TextKeys.MONITORING_WATCH));
            notes.add(new Note(RuleId.D8, TextKeys.MONITORING_ANTIDOTE));
        }
        return level;
    }
}
