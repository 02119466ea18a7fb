package org.hypomag.cds.clinical;

import java.math.BigDecimal;

/**
 * Age and the current weight/height used for dosing (D7) and Schwartz (D6).
 *
 * @param ageYears   completed years at the assessment time, or null when birthDate is unknown
 * @param child      age below the child cut-off (D7: 18); false when the age is unknown, which is never
 *                   assumed adult: no dose is computed then (D19)
 * @param weightKg   newest valid weight within 30 days, or null
 * @param weight     its source
 * @param heightCm   newest valid height within 30 days, or null
 * @param height     its source
 */
public record BodyFacts(Integer ageYears, boolean child, BigDecimal weightKg, SourceRef weight,
                        BigDecimal heightCm, SourceRef height) {
}
