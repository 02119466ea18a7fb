package org.hypomag.cds.clinical;

import java.math.BigDecimal;
import java.util.List;

/**
 * An IV magnesium sulfate (MgSO4.7H2O) order, computed (D5-D8, D15). Grams are grams of the salt; mEq use
 * the knowledge factor (8.12 mEq/g, hypomagnesemia.md D5; the monograph rounds to 8).
 *
 * @param ruleId            §5.3 row
 * @param appliedRules      row + modifiers
 * @param labelKey          texts.yaml key of the label
 * @param recommended       first choice
 * @param onlyIfSymptomatic the "only if symptomatic" loading dose of D5 (T-SEV-STABLE)
 * @param doseGrams         the one concrete dose (lower end of the range by default, D5; after renal cut,
 *                          paediatric mg/kg and cap)
 * @param doseMeq           doseGrams x mEq/g, 1 decimal
 * @param rangeLowGrams     range shown in the detail (after renal cut; for a child: mg/kg range x weight,
 *                          capped)
 * @param rangeHighGrams    "
 * @param rangeLowMeq       "
 * @param rangeHighMeq      "
 * @param diluent           "D5W" (knowledge id of the diluent text)
 * @param alternativeDiluents e.g. ["NS"] for T-EMERG
 * @param volumeMl          diluent volume where the source gives one, else null
 * @param durationMinMinutes  shortest infusion time of the row
 * @param durationMaxMinutes  longest
 * @param durationMinutes     the suggested infusion time (the longest: slower is safer, no max rate in source)
 * @param route             "IV"
 * @param paediatric        child's mg/kg dose, or null for adults
 * @param renalCut          the cut applied, or null
 * @param holdNextDoseUntilMgResult "do not give the next dose before the Mg result" (T-CKD-SYMPT, D6)
 * @param repeatTextKey     texts.yaml key of the repeat rule, or null
 * @param recheckTextKey    texts.yaml key of the re-check rule
 * @param warningTextKeys   extra texts (hypermagnesemia risk, CKD caution ...)
 * @param repeatDaysMin     D17: repeated once a day for at least this many days (null: a single dose)
 * @param repeatDaysMax     D17: at most this many days (null: a single dose)
 */
public record MgSulfateRegimen(
        String ruleId,
        List<String> appliedRules,
        String labelKey,
        boolean recommended,
        boolean onlyIfSymptomatic,
        BigDecimal doseGrams,
        BigDecimal doseMeq,
        BigDecimal rangeLowGrams,
        BigDecimal rangeHighGrams,
        BigDecimal rangeLowMeq,
        BigDecimal rangeHighMeq,
        String diluent,
        List<String> alternativeDiluents,
        Integer volumeMl,
        int durationMinMinutes,
        int durationMaxMinutes,
        int durationMinutes,
        String route,
        PaediatricDose paediatric,
        RenalCut renalCut,
        boolean holdNextDoseUntilMgResult,
        String repeatTextKey,
        String recheckTextKey,
        List<String> warningTextKeys,
        Integer repeatDaysMin,
        Integer repeatDaysMax) implements Regimen {

    public MgSulfateRegimen {
        appliedRules = List.copyOf(appliedRules);
        alternativeDiluents = List.copyOf(alternativeDiluents);
        warningTextKeys = List.copyOf(warningTextKeys);
        if (doseGrams.signum() <= 0) {
            throw new IllegalArgumentException("dose must be positive");
        }
        if (durationMinutes < durationMinMinutes || durationMinutes > durationMaxMinutes) {
            throw new IllegalArgumentException("duration outside its range");
        }
    }

    /** A single dose (no daily repeat). */
    public MgSulfateRegimen(String ruleId, List<String> appliedRules, String labelKey, boolean recommended,
                            boolean onlyIfSymptomatic, BigDecimal doseGrams, BigDecimal doseMeq,
                            BigDecimal rangeLowGrams, BigDecimal rangeHighGrams, BigDecimal rangeLowMeq,
                            BigDecimal rangeHighMeq, String diluent, List<String> alternativeDiluents,
                            Integer volumeMl, int durationMinMinutes, int durationMaxMinutes, int durationMinutes,
                            String route, PaediatricDose paediatric, RenalCut renalCut,
                            boolean holdNextDoseUntilMgResult, String repeatTextKey, String recheckTextKey,
                            List<String> warningTextKeys) {
        this(ruleId, appliedRules, labelKey, recommended, onlyIfSymptomatic, doseGrams, doseMeq, rangeLowGrams,
                rangeHighGrams, rangeLowMeq, rangeHighMeq, diluent, alternativeDiluents, volumeMl, durationMinMinutes,
                durationMaxMinutes, durationMinutes, route, paediatric, renalCut, holdNextDoseUntilMgResult,
                repeatTextKey, recheckTextKey, warningTextKeys, null, null);
    }

    /** Repeated daily (D17). */
    public boolean repeatedDaily() {
        return repeatDaysMin != null;
    }
}
