package org.hypomag.cds.clinical;

import java.math.BigDecimal;
import java.util.List;

/**
 * Oral replacement (T-ORAL, T-CKD-ASYMPT) in mg of ELEMENTAL magnesium per day, divided 2-4 times;
 * never tablet counts (hypomagnesemia.md §6). Adults only (D7).
 *
 * @param mgPerDay        the concrete suggestion (lower end by default, D5)
 * @param mgPerDayLow     range shown (240; 120 after the renal cut)
 * @param mgPerDayHigh    range shown (1000; 500 after the renal cut)
 * @param dividedDosesMin 2
 * @param dividedDosesMax 4
 * @param renalCut        the cut applied, or null
 * @param measureBeforeNextDose T-CKD-ASYMPT: measure plasma Mg before each next dose
 * @param adviceTextKeys  slow-release / organic salts / diarrhoea / read the label
 */
public record OralRegimen(
        String ruleId,
        List<String> appliedRules,
        String labelKey,
        boolean recommended,
        BigDecimal mgPerDay,
        BigDecimal mgPerDayLow,
        BigDecimal mgPerDayHigh,
        int dividedDosesMin,
        int dividedDosesMax,
        RenalCut renalCut,
        boolean measureBeforeNextDose,
        String recheckTextKey,
        List<String> adviceTextKeys) implements Regimen {

    public OralRegimen {
        appliedRules = List.copyOf(appliedRules);
        adviceTextKeys = List.copyOf(adviceTextKeys);
    }
}
