package org.hypomag.cds.clinical;

import java.math.BigDecimal;
import java.time.Duration;

/**
 * Named, configurable numbers of section D (knowledge/thresholds.yaml). Units: Mg in mg/dL, potassium
 * mmol/L, total calcium mg/dL, ionised calcium mmol/L, eGFR mL/min/1.73 m2, ages in years.
 */
public record Thresholds(
        BigDecimal mgLowerLimit,          // D2: 1.7 (1.9 documented alternative)
        BigDecimal mgSevereBelow,         // D2: 1.0 (exactly 1.0 is moderate)
        BigDecimal mgModerateUpTo,        // D2: 1.5 inclusive
        BigDecimal mgUpperLimit,          // D2/D11: 2.4
        Duration mgStaleAfter,            // D3/D14: 168 h
        Duration egfrCurrent,             // D6/D14: 7 d
        Duration creatinineCurrent,       // D6/D14: 7 d
        Duration weightCurrent,           // D7/D14: 30 d
        Duration heightCurrent,           // D6: 30 d
        Duration electrolyteCurrent,      // K and Ca: 7 d (choice)
        BigDecimal renalFullDoseFrom,     // D6: 30
        BigDecimal renalNormalFrom,       // D6/D15: 60
        BigDecimal renalFailureBelow,     // D6: 15
        int childAgeBelowYears,           // D7: 18
        int adultFormulaFromYears,        // D6: CKD-EPI for age >= 18
        Duration gapOnDrug,               // D10: 90 d
        Duration gapNoMg,                 // D10: 365 d
        Duration emergencyOnsetWithin,    // D14: 72 h
        Duration persistentCaWindow,      // D17: 5 d
        BigDecimal potassiumLowDefault,   // general knowledge, not in source: 3.5 mmol/L
        BigDecimal calciumTotalLowDefault, // D17: 8.5 mg/dL (general knowledge, not in source)
        BigDecimal calciumIonizedLowDefault, // general knowledge, not in source: 1.15 mmol/L
        BigDecimal schwartzK,             // bedside Schwartz 0.413
        CkdEpi2021 ckdEpi) {

    /** CKD-EPI 2021 creatinine equation constants (race-free; Inker et al. 2021, general knowledge). */
    public record CkdEpi2021(BigDecimal multiplier, BigDecimal kappaFemale, BigDecimal kappaMale,
                             BigDecimal alphaFemale, BigDecimal alphaMale, BigDecimal exponentAbove,
                             BigDecimal ageBase, BigDecimal femaleFactor) {
    }
}
