package org.hypomag.cds.clinical;

import java.math.BigDecimal;
import java.util.List;

/**
 * D4: the emergency regimen (T-EMERG) in words, which every severe card carries (and every card of a band where
 * only T-EMERG may be given, D6), so a clinician who sees symptoms the record does not has it at hand. Adults get
 * grams; children (D7) mg/kg with the per-dose cap and, with a current weight, the mg for it; an unknown age
 * (D19) gets both, each labelled. A band with a hypermagnesemia risk adds its text (D6).
 *
 * @param adultDose      show the adult grams (adult, or age unknown)
 * @param childDose      show the child mg/kg (child, or age unknown)
 * @param gramsLow       adult range, g of MgSO4.7H2O (1)
 * @param gramsHigh      (2)
 * @param meqLow         mEq of the range
 * @param meqHigh        "
 * @param volumeMl       adult diluent volume (100 mL), or null
 * @param diluents       diluent ids ("D5W", "NS")
 * @param durationMinMinutes 2
 * @param durationMaxMinutes 15
 * @param mgPerKgLow     child range (25)
 * @param mgPerKgHigh    (50)
 * @param capGrams       child per-dose cap (2 g)
 * @param weightKg       the child's current weight, or null
 * @param weightSource   its source
 * @param childMgLow     mgPerKgLow x weight, capped, in mg; null without a weight
 * @param childMgHigh    mgPerKgHigh x weight, capped, in mg; null without a weight
 * @param hyperMgTextKey the band's hypermagnesemia-risk text (texts.yaml), or null
 */
public record EmergencyLine(boolean adultDose, boolean childDose, BigDecimal gramsLow, BigDecimal gramsHigh,
                            BigDecimal meqLow, BigDecimal meqHigh, Integer volumeMl, List<String> diluents,
                            int durationMinMinutes, int durationMaxMinutes, BigDecimal mgPerKgLow,
                            BigDecimal mgPerKgHigh, BigDecimal capGrams, BigDecimal weightKg, SourceRef weightSource,
                            BigDecimal childMgLow, BigDecimal childMgHigh, String hyperMgTextKey) {

    public EmergencyLine {
        diluents = List.copyOf(diluents);
    }
}
