package org.hypomag.cds.clinical;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * eGFR in mL/min/1.73 m2 (D6). Results are rounded DOWN to 0.1 so rounding never lifts a patient into a
 * higher renal band.
 */
public final class EgfrFormulas {

    private EgfrFormulas() {
    }

    /** CKD-EPI 2021 creatinine equation (race-free). Sex OTHER/UNKNOWN: the lower of the two estimates. */
    public static BigDecimal ckdEpi2021(BigDecimal creatinineMgDl, int ageYears, Sex sex, Thresholds.CkdEpi2021 c) {
        double female = ckdEpi(creatinineMgDl.doubleValue(), ageYears, true, c);
        double male = ckdEpi(creatinineMgDl.doubleValue(), ageYears, false, c);
        double value = switch (sex) {
            case FEMALE -> female;
            case MALE -> male;
            default -> Math.min(female, male);
        };
        return BigDecimal.valueOf(value).setScale(1, RoundingMode.FLOOR);
    }

    private static double ckdEpi(double scr, int age, boolean female, Thresholds.CkdEpi2021 c) {
        double kappa = (female ? c.kappaFemale() : c.kappaMale()).doubleValue();
        double alpha = (female ? c.alphaFemale() : c.alphaMale()).doubleValue();
        double ratio = scr / kappa;
        double egfr = c.multiplier().doubleValue()
                * Math.pow(Math.min(ratio, 1.0), alpha)
                * Math.pow(Math.max(ratio, 1.0), c.exponentAbove().doubleValue())
                * Math.pow(c.ageBase().doubleValue(), age);
        return female ? egfr * c.femaleFactor().doubleValue() : egfr;
    }

    /** Bedside Schwartz: k x height (cm) / creatinine (mg/dL). */
    public static BigDecimal schwartz(BigDecimal heightCm, BigDecimal creatinineMgDl, BigDecimal k) {
        return k.multiply(heightCm).divide(creatinineMgDl, 1, RoundingMode.FLOOR);
    }
}
