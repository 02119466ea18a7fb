package org.hypomag.cds.clinical;

import java.math.BigDecimal;

/**
 * What the dose rules need (usable on its own by order checks).
 *
 * @param grade        the Mg grade (SEVERE/MODERATE/MILD); NORMAL/HIGH give no regimen
 * @param emergency    an emergency condition counts (D4)
 * @param renalBand    D6 band
 * @param child        age below 18 (D7)
 * @param weightKg     current weight, or null (a child without weight gets no dose)
 * @param weightSource the weight's source, or null
 * @param ivIndicated  hypokalaemia or hypocalcaemia present (R18/R42): IV first for mild (choice)
 * @param ageUnknown   no or unparseable birth date (D19: no computed dose; never assumed adult)
 */
public record RegimenInput(Grade grade, boolean emergency, RenalBand renalBand, boolean child,
                           BigDecimal weightKg, SourceRef weightSource, boolean ivIndicated, boolean ageUnknown) {

    /** A patient of known age. */
    public RegimenInput(Grade grade, boolean emergency, RenalBand renalBand, boolean child, BigDecimal weightKg,
                        SourceRef weightSource, boolean ivIndicated) {
        this(grade, emergency, renalBand, child, weightKg, weightSource, ivIndicated, false);
    }

    /**
     * The input behind an assessment's alert, so order checks can recompute the rule's regimens for a draft:
     * {@code Regimens.plan(knowledge.doses(), RegimenInput.from(assessment))}. Grade is null when there is no
     * current Mg (the plan is then empty).
     */
    public static RegimenInput from(Assessment a) {
        return new RegimenInput(a.magnesium() == null ? null : a.magnesium().grade(), !a.emergencies().isEmpty(),
                a.renal().band(), a.body().child(), a.body().weightKg(), a.body().weight(),
                a.potassium().low() || a.calcium().low(), a.body().ageYears() == null);
    }
}
