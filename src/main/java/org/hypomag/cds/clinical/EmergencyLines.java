package org.hypomag.cds.clinical;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;

/**
 * D4, D6, D7, D19: when the alert states the emergency regimen in words, and its numbers. Shown with a low Mg
 * that is severe, or when an emergency condition counts, or in a band where only T-EMERG may be given (eGFR under
 * 15, dialysis: D6; our choice to show it there for every grade). T-EMERG is never cut for the kidneys (D6).
 */
final class EmergencyLines {

    private static final BigDecimal THOUSAND = BigDecimal.valueOf(1000);

    private EmergencyLines() {
    }

    static EmergencyLine of(DoseTable table, RegimenInput in) {
        if (in.grade() == null || !in.grade().isLow()) {
            return null;
        }
        if (in.grade() != Grade.SEVERE && !in.emergency() && !in.renalBand().noRoutineReplacement()) {
            return null;
        }
        IvRow row = table.row(RuleId.T_EMERG);
        DoseTable.Paediatric p = table.paediatric();
        boolean child = in.child() || in.ageUnknown();
        BigDecimal capMg = p.capGrams().min(row.gramsHigh()).multiply(THOUSAND);
        BigDecimal low = null;
        BigDecimal high = null;
        if (in.child() && in.weightKg() != null) {
            low = p.mgPerKgLow().multiply(in.weightKg()).min(capMg).setScale(0, RoundingMode.FLOOR);
            high = p.mgPerKgHigh().multiply(in.weightKg()).min(capMg).setScale(0, RoundingMode.FLOOR);
        }
        List<String> diluents = new ArrayList<>(List.of(row.diluent()));
        diluents.addAll(row.alternativeDiluents());
        return new EmergencyLine(!in.child(), child, row.gramsLow(), row.gramsHigh(), meq(table, row.gramsLow()),
                meq(table, row.gramsHigh()), row.volumeMl(), diluents, row.durationMinMinutes(),
                row.durationMaxMinutes(), p.mgPerKgLow(), p.mgPerKgHigh(), p.capGrams(),
                in.child() ? in.weightKg() : null, in.child() ? in.weightSource() : null, low, high,
                TextKeys.hyperMgRisk(in.renalBand()));
    }

    private static BigDecimal meq(DoseTable table, BigDecimal grams) {
        return grams.multiply(table.meqPerGram()).setScale(1, RoundingMode.HALF_UP);
    }
}
