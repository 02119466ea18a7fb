package org.hypomag.cds.clinical;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Optional;

/**
 * Potassium (D4) and calcium (D8, D17) beside the Mg. Cut-off: the lab's reference-range low, else the
 * configurable default (general knowledge, not in source). A value reported as "<x" at or below the cut-off
 * counts as low.
 */
final class ElectrolyteRule {

    private ElectrolyteRule() {
    }

    static ElectrolyteFinding potassium(PatientSnapshot s, Knowledge k, Instant now) {
        return finding(s, k, now, Analyte.POTASSIUM, RuleId.D4.id(), k.thresholds().potassiumLowDefault());
    }

    /** Total calcium when current, else ionised calcium. */
    static ElectrolyteFinding calcium(PatientSnapshot s, Knowledge k, Instant now) {
        ElectrolyteFinding total = totalCalcium(s, k, now);
        if (total.measured()) {
            return total;
        }
        ElectrolyteFinding ionised = finding(s, k, now, Analyte.CALCIUM_IONIZED, RuleId.D8.id(),
                k.thresholds().calciumIonizedLowDefault());
        return ionised.measured() ? ionised : total;
    }

    static ElectrolyteFinding totalCalcium(PatientSnapshot s, Knowledge k, Instant now) {
        return finding(s, k, now, Analyte.CALCIUM_TOTAL, RuleId.D8.id(), k.thresholds().calciumTotalLowDefault());
    }

    private static ElectrolyteFinding finding(PatientSnapshot s, Knowledge k, Instant now, Analyte analyte,
                                              String ruleId, BigDecimal defaultLow) {
        Optional<LabResult> r = Labs.current(s, k, analyte, k.thresholds().electrolyteCurrent(), now);
        if (r.isEmpty()) {
            return new ElectrolyteFinding(ruleId, analyte, false, null, analyte.canonicalUnit(), null, null,
                    defaultLow, false);
        }
        LabResult lab = r.get();
        boolean fromLab = lab.refLow() != null;
        BigDecimal cutoff = fromLab ? lab.refLow() : defaultLow;
        boolean low = switch (lab.comparator()) {
            case LESS_THAN, LESS_OR_EQUAL -> lab.value().compareTo(cutoff) <= 0;
            case GREATER_THAN, GREATER_OR_EQUAL -> false;
            case EQUAL -> lab.value().compareTo(cutoff) < 0;
        };
        return new ElectrolyteFinding(ruleId, analyte, low, lab.value(), analyte.canonicalUnit(), lab.reported(),
                lab.source(), cutoff, fromLab);
    }
}
