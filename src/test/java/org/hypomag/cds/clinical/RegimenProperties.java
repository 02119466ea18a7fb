package org.hypomag.cds.clinical;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.BigRange;
import net.jqwik.api.constraints.Scale;

/** Safety properties of the dose rules (D5-D7, D15) over all grades, bands, ages and weights. */
class RegimenProperties {

    private static final DoseTable TABLE = TestKnowledge.K.doses();

    @Property(tries = 2000)
    void doseNeverExceedsTheUpperBoundOfItsRow(@ForAll Grade grade, @ForAll boolean emergency,
                                               @ForAll RenalBand band, @ForAll boolean child,
                                               @ForAll @BigRange(min = "0.5", max = "250") @Scale(1) BigDecimal kg,
                                               @ForAll boolean ivIndicated) {
        RegimenPlan plan = Regimens.plan(TABLE, new RegimenInput(grade, emergency, band, child, kg, null,
                ivIndicated));
        for (Regimen r : plan.regimens()) {
            if (r instanceof MgSulfateRegimen m) {
                IvRow row = TABLE.row(m.ruleId());
                assertThat(m.doseGrams()).isPositive().isLessThanOrEqualTo(row.gramsHigh());
                assertThat(m.doseGrams()).isLessThanOrEqualTo(m.rangeHighGrams());
                assertThat(m.durationMinutes()).isBetween(m.durationMinMinutes(), m.durationMaxMinutes());
                if (!band.fullDose() && !m.ruleId().equals("T-EMERG")) {
                    assertThat(m.doseGrams()).isLessThanOrEqualTo(row.gramsHigh().multiply(TABLE.renalFactor()));
                }
            }
        }
        if (band.noRoutineReplacement()) {
            assertThat(plan.regimens()).allMatch(r -> r.ruleId().equals("T-EMERG"));
        }
    }

    @Property(tries = 2000)
    void childsDoseNeverExceeds2gAndChildrenGetNoOral(@ForAll Grade grade, @ForAll boolean emergency,
                                                      @ForAll RenalBand band,
                                                      @ForAll @BigRange(min = "0.5", max = "250") @Scale(2) BigDecimal kg) {
        RegimenPlan plan = Regimens.plan(TABLE, new RegimenInput(grade, emergency, band, true, kg, null, false));
        assertThat(plan.regimens()).noneMatch(r -> r instanceof OralRegimen);
        for (Regimen r : plan.regimens()) {
            MgSulfateRegimen m = (MgSulfateRegimen) r;
            assertThat(m.doseGrams()).isLessThanOrEqualTo(new BigDecimal("2"));
            assertThat(m.paediatric()).isNotNull();
            // 25 mg/kg, never more (renal cut only lowers it)
            assertThat(m.doseGrams()).isLessThanOrEqualTo(kg.multiply(new BigDecimal("0.025")));
        }
    }
}
