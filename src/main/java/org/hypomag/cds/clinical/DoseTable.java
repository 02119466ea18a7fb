package org.hypomag.cds.clinical;

import java.math.BigDecimal;
import java.util.Map;

/**
 * The dose table of hypomagnesemia.md §5.3 as decided by D5-D7, D15 (knowledge/doses.yaml).
 *
 * @param meqPerGram      8.12 mEq per g MgSO4.7H2O (D5; monograph rounds to 8)
 * @param iv              IV rows by rule id: T-EMERG, T-SEV-STABLE, T-HOSP-IV-SEV, T-HOSP-IV-MOD,
 *                        T-HOSP-IV-MILD, T-SEV-NOURG
 * @param severeRenal     T-CKD-SYMPT: what T-HOSP-IV-SEV becomes at eGFR 15-30 (2-4 g over 4-12 h)
 * @param renalFactor     0.5 (D6)
 * @param oral            T-ORAL (240-1000 mg/day)
 * @param oralRenal       T-CKD-ASYMPT (120-500 mg/day)
 * @param paediatric      T-PEDS
 */
public record DoseTable(BigDecimal meqPerGram, Map<String, IvRow> iv, IvRow severeRenal, BigDecimal renalFactor,
                        OralRow oral, OralRow oralRenal, Paediatric paediatric) {

    public DoseTable {
        iv = Map.copyOf(iv);
    }

    public IvRow row(RuleId rule) {
        return row(rule.id());
    }

    public IvRow row(String ruleId) {
        IvRow row = iv.get(ruleId);
        if (row == null) {
            throw new IllegalArgumentException("no dose row " + ruleId);
        }
        return row;
    }

    /** T-PEDS: mg/kg range, default, per-dose cap in grams. */
    public record Paediatric(BigDecimal mgPerKgLow, BigDecimal mgPerKgHigh, BigDecimal mgPerKgDefault,
                             BigDecimal capGrams) {
    }
}
