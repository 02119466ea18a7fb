package org.hypomag.cds.clinical;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * D17: Mg back to >= 1.0 mg/dL after a severe low (< 1.0) within the last 5 days, total calcium still low.
 * When the current Mg is still low the alert's own regimen applies and D17 adds only its note (choice: never
 * two competing dose suggestions); when the current Mg is high, nothing.
 */
final class PersistentCaRule {

    private PersistentCaRule() {
    }

    static PersistentHypocalcaemiaFinding apply(PatientSnapshot s, Knowledge k, MgFinding mg,
                                                ElectrolyteFinding totalCa, RegimenInput base, Instant now) {
        Thresholds t = k.thresholds();
        if (mg == null || mg.grade() == Grade.HIGH || mg.grade() == Grade.SEVERE || !totalCa.low()) {
            return null;
        }
        Instant since = now.minus(t.persistentCaWindow());
        Optional<LabResult> severe = Labs.valued(s, k, Analyte.MAGNESIUM).stream()
                .filter(r -> r.source().time().isBefore(mg.source().time()))
                .filter(r -> !r.source().time().isBefore(since))
                .filter(r -> Grading.grade(r.value(), r.comparator(), t).orElse(Grade.NORMAL) == Grade.SEVERE)
                .findFirst();
        if (severe.isEmpty()) {
            return null;
        }
        RegimenPlan plan = mg.grade().isLow()
                ? new RegimenPlan(List.of(), List.of())
                : Regimens.persistentHypocalcaemia(k.doses(), base);
        return new PersistentHypocalcaemiaFinding(RuleId.D17.id(), mg.valueMgDl(), severe.get().value(),
                severe.get().source(), totalCa, plan.regimens(), plan.notes(), IndicatorLevel.INFO);
    }

}
