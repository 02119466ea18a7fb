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
import org.hypomag.cds.clinical.OrderReview.ReadNote;

/**
 * Checks one drafted magnesium order against what the patient-view rules would suggest for the same
 * patient (the assessment's regimens already carry D5-D7 and D15): indication (D11, D12, D16), grams for
 * the grade, the renal cut, a child's mg/kg and 2 g cap, and the infusion time.
 */
final class MgOrderChecks {

    private static final BigDecimal THOUSAND = BigDecimal.valueOf(1000);

    private MgOrderChecks() {
    }

    /**
     * @param otherIndication a current condition for which magnesium sulfate is given as a drug, not as
     *                        replacement (torsades per D18, pre-eclampsia/eclampsia, acute severe asthma;
     *                        §2.3): with a normal or unknown Mg the order is not questioned (issue 19 item 9)
     * @param wrongSystemCode an ATC code the order sent under another system ("system|code"), or null
     */
    static MgOrderCheck check(DraftOrder draft, MgRoute route, Assessment a, Knowledge k, boolean otherIndication,
                              String wrongSystemCode) {
        List<Problem> problems = new ArrayList<>();
        List<ReadNote> notes = new ArrayList<>();
        BigDecimal grams = grams(draft, a.body(), k.doses());
        if (grams == null) {
            MgDoseText.Amount fromText = MgDoseText.dose(draft.text());
            if (fromText == null) {
                fromText = MgDoseText.dose(draft.dosageText());
            }
            if (fromText != null) {
                grams = MgDoseText.grams(fromText, k.doses().meqPerGram());
                notes.add(ReadNote.DOSE_FROM_TEXT);
            }
        }
        BigDecimal minutes = draft.durationMinutes();
        if (minutes == null && route == MgRoute.IV_SULFATE) {
            minutes = MgDoseText.durationMinutes(draft.text());
            if (minutes == null) {
                minutes = MgDoseText.durationMinutes(draft.dosageText());
            }
            if (minutes != null) {
                notes.add(ReadNote.DURATION_FROM_TEXT);
            }
        }
        if (wrongSystemCode != null) {
            notes.add(ReadNote.CODE_WRONG_SYSTEM);
        }
        boolean child = a.body() != null && a.body().child();
        List<MgSulfateRegimen> iv = a.regimens().stream().filter(MgSulfateRegimen.class::isInstance)
                .map(MgSulfateRegimen.class::cast).toList();
        MgSulfateRegimen corrected = null;
        Integer minDuration = null;
        boolean hold = iv.stream().anyMatch(MgSulfateRegimen::holdNextDoseUntilMgResult);
        MgFinding mg = a.magnesium();
        if (mg != null && mg.grade() == Grade.HIGH) {
            problems.add(Problem.HYPERMAGNESEMIA);
        } else if ((mg == null || mg.grade() == Grade.NORMAL) && otherIndication) {
            notes.clear(); // magnesium given as a drug for another indication: not this service's to question
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
            MgSulfateRegimen matching = matching(grams, iv);
            minDuration = matching.durationMinMinutes();
            corrected = ivProblems(grams, minutes, matching, iv, a, k, problems);
        }
        IndicatorLevel indicator = problems.isEmpty() ? IndicatorLevel.INFO : IndicatorLevel.WARNING;
        MonitoringOrder recheck = problems.contains(Problem.NO_CURRENT_MG)
                ? MonitoringRule.mgOrder(a.monitoring(), MonitoringKind.MG_RECHECK, RuleId.D3, k.orderables()) : null;
        return new MgOrderCheck(draft, route, grams, problems, corrected, indicator, hold, a.monitoring(), minutes,
                minDuration, notes, wrongSystemCode, recheck);
    }

    /** The first non-conditional recommended regimen (what a correction suggests). */
    private static MgSulfateRegimen recommended(List<MgSulfateRegimen> iv) {
        return iv.stream().filter(r -> !r.onlyIfSymptomatic()).filter(MgSulfateRegimen::recommended).findFirst()
                .orElse(iv.stream().filter(r -> !r.onlyIfSymptomatic()).findFirst().orElse(iv.get(0)));
    }

    /** The regimen whose gram range holds the drafted dose, else the recommended one. */
    private static MgSulfateRegimen matching(BigDecimal grams, List<MgSulfateRegimen> iv) {
        if (grams == null) {
            return recommended(iv);
        }
        return iv.stream()
                .filter(r -> grams.compareTo(r.rangeLowGrams()) >= 0 && grams.compareTo(r.rangeHighGrams()) <= 0)
                .findFirst().orElse(recommended(iv));
    }

    private static MgSulfateRegimen ivProblems(BigDecimal grams, BigDecimal minutes, MgSulfateRegimen matching,
                                               List<MgSulfateRegimen> iv, Assessment a, Knowledge k,
                                               List<Problem> problems) {
        if (grams == null) {
            problems.add(Problem.DOSE_NOT_READABLE);
        } else {
            BigDecimal maxAllowed = iv.stream().map(MgSulfateRegimen::rangeHighGrams).max(Comparator.naturalOrder())
                    .orElseThrow();
            if (grams.compareTo(maxAllowed) > 0) {
                RenalBand band = a.renal() == null ? RenalBand.UNKNOWN : a.renal().band();
                boolean cutBand = band == RenalBand.REDUCED_15_30 || band == RenalBand.UNKNOWN;
                BigDecimal uncut = maxAllowed.divide(k.doses().renalFactor(), 3, RoundingMode.HALF_UP);
                problems.add(cutBand && grams.compareTo(uncut) <= 0 ? Problem.RENAL_CUT_MISSING
                        : Problem.DOSE_ABOVE_RULE);
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
        }
        if (minutes == null) {
            problems.add(Problem.DURATION_MISSING);
        } else if (minutes.compareTo(BigDecimal.valueOf(matching.durationMinMinutes())) < 0) {
            problems.add(Problem.INFUSION_TOO_FAST);
        }
        return problems.isEmpty() ? null : recommended(iv);
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
