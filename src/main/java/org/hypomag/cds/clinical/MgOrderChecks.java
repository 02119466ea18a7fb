package org.hypomag.cds.clinical;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

import org.hypomag.cds.clinical.OrderReview.MgOrderCheck;
import org.hypomag.cds.clinical.OrderReview.MgRoute;
import org.hypomag.cds.clinical.OrderReview.Problem;

/**
 * Checks one drafted magnesium order against what the patient-view rules would suggest for the same
 * patient (the assessment's regimens already carry D5-D7 and D15): indication (D11, D12, D16), grams for
 * the grade, the renal cut, a child's mg/kg and 2 g cap, and the infusion time.
 */
final class MgOrderChecks {

    private static final BigDecimal THOUSAND = BigDecimal.valueOf(1000);

    private MgOrderChecks() {
    }

    static MgOrderCheck check(DraftOrder draft, MgRoute route, Assessment a, Knowledge k) {
        List<Problem> problems = new ArrayList<>();
        BigDecimal grams = grams(draft, a.body(), k.doses());
        boolean child = a.body() != null && a.body().child();
        List<MgSulfateRegimen> iv = a.regimens().stream().filter(MgSulfateRegimen.class::isInstance)
                .map(MgSulfateRegimen.class::cast).toList();
        MgSulfateRegimen corrected = null;
        boolean hold = iv.stream().anyMatch(MgSulfateRegimen::holdNextDoseUntilMgResult);
        MgFinding mg = a.magnesium();
        if (mg != null && mg.grade() == Grade.HIGH) {
            problems.add(Problem.HYPERMAGNESEMIA);
        } else if (mg != null && mg.grade() == Grade.NORMAL) {
            problems.add(Problem.NO_INDICATION);
        } else if (mg == null && a.emergencies().isEmpty()) {
            problems.add(Problem.NO_CURRENT_MG);
        } else if (a.body() != null && a.body().ageYears() == null) {
            problems.add(Problem.AGE_UNKNOWN); // D19: no dose rule to check against without an age
        } else if (route == MgRoute.ORAL) {
            if (child) {
                problems.add(Problem.CHILD_ORAL_NOT_IN_SOURCE);
            } else if (a.renal() != null && a.renal().band().noRoutineReplacement()) {
                problems.add(Problem.NO_ROUTINE_REPLACEMENT_RENAL);
            }
        } else if (iv.isEmpty()) {
            problems.add(child && (a.body().weightKg() == null) ? Problem.CHILD_WITHOUT_WEIGHT
                    : Problem.NO_ROUTINE_REPLACEMENT_RENAL);
        } else {
            corrected = ivProblems(draft, grams, iv, a, k, problems);
        }
        IndicatorLevel indicator = problems.isEmpty() ? IndicatorLevel.INFO : IndicatorLevel.WARNING;
        return new MgOrderCheck(draft, route, grams, problems, corrected, indicator, hold, a.monitoring());
    }

    private static MgSulfateRegimen ivProblems(DraftOrder draft, BigDecimal grams, List<MgSulfateRegimen> iv,
                                               Assessment a, Knowledge k, List<Problem> problems) {
        MgSulfateRegimen recommended = iv.stream().filter(r -> !r.onlyIfSymptomatic())
                .filter(MgSulfateRegimen::recommended).findFirst()
                .orElse(iv.stream().filter(r -> !r.onlyIfSymptomatic()).findFirst().orElse(iv.get(0)));
        if (grams == null) {
            return null; // dose not given yet (order-select fires before details are complete)
        }
        BigDecimal maxAllowed = iv.stream().map(MgSulfateRegimen::rangeHighGrams).max(Comparator.naturalOrder())
                .orElseThrow();
        if (grams.compareTo(maxAllowed) > 0) {
            RenalBand band = a.renal() == null ? RenalBand.UNKNOWN : a.renal().band();
            boolean cutBand = band == RenalBand.REDUCED_15_30 || band == RenalBand.UNKNOWN;
            BigDecimal uncut = maxAllowed.divide(k.doses().renalFactor(), 3, RoundingMode.HALF_UP);
            problems.add(cutBand && grams.compareTo(uncut) <= 0 ? Problem.RENAL_CUT_MISSING : Problem.DOSE_ABOVE_RULE);
        }
        if (a.body() != null && a.body().child() && a.body().weightKg() != null) {
            BigDecimal mgPerKg = grams.multiply(THOUSAND).divide(a.body().weightKg(), 1, RoundingMode.HALF_UP);
            if (mgPerKg.compareTo(k.doses().paediatric().mgPerKgHigh()) > 0) {
                problems.add(Problem.CHILD_MG_PER_KG_ABOVE);
            }
            if (grams.compareTo(k.doses().paediatric().capGrams()) > 0) {
                problems.add(Problem.CHILD_CAP_EXCEEDED);
            }
        }
        MgSulfateRegimen matching = iv.stream()
                .filter(r -> grams.compareTo(r.rangeLowGrams()) >= 0 && grams.compareTo(r.rangeHighGrams()) <= 0)
                .findFirst().orElse(recommended);
        if (draft.durationMinutes() != null
                && draft.durationMinutes().compareTo(BigDecimal.valueOf(matching.durationMinMinutes())) < 0) {
            problems.add(Problem.INFUSION_TOO_FAST);
        }
        return problems.isEmpty() ? null : recommended;
    }

    /** The drafted dose in grams of MgSO4: g, mg, mEq (knowledge factor), or mg/kg with the current weight. */
    static BigDecimal grams(DraftOrder draft, BodyFacts body, DoseTable doses) {
        if (draft.doseValue() == null || draft.doseUnit() == null || draft.doseValue().signum() <= 0) {
            return null;
        }
        String unit = draft.doseUnit().trim().toLowerCase(Locale.ROOT).replace(" ", "");
        BigDecimal v = draft.doseValue();
        return switch (unit) {
            case "g", "gram", "grams" -> v;
            case "mg", "milligram", "milligrams" -> v.divide(THOUSAND, 4, RoundingMode.HALF_UP);
            case "meq", "meq/dose" -> v.divide(doses.meqPerGram(), 3, RoundingMode.HALF_UP);
            case "mg/kg", "mg/kg/dose" -> body == null || body.weightKg() == null ? null
                    : v.multiply(body.weightKg()).divide(THOUSAND, 3, RoundingMode.HALF_UP);
            default -> null;
        };
    }
}
