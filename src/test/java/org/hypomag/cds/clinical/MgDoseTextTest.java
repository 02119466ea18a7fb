package org.hypomag.cds.clinical;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Duration;

import org.junit.jupiter.api.Test;

/** Issue 19 item 16: the bounded reading of a dose and an infusion time from order text. */
class MgDoseTextTest {

    private static final BigDecimal MEQ_PER_G = new BigDecimal("8.12");

    private static BigDecimal grams(String text) {
        MgDoseText.Amount a = MgDoseText.dose(text);
        return a == null ? null : MgDoseText.grams(a, MEQ_PER_G);
    }

    @Test
    void gramsWinOverTheMeqInBrackets() {
        assertThat(grams("Magnesium sulfate 4 g (32.5 mEq) in D5W IV over 24 h")).isEqualByComparingTo("4");
        assertThat(MgDoseText.durationMinutes("Magnesium sulfate 4 g (32.5 mEq) in D5W IV over 24 h"))
                .isEqualByComparingTo("1440");
    }

    @Test
    void milligramsMeqAndMmolAreConverted() {
        assertThat(grams("MgSO4 2000 mg IV")).isEqualByComparingTo("2");
        assertThat(grams("16.24 mEq in 100 mL")).isEqualByComparingTo("2");
        assertThat(grams("8.12 mmol")).isEqualByComparingTo("2"); // 1 mmol = 2 mEq
    }

    @Test
    void concentrationsPerKgDosesAndGluedDigitsAreNotDoses() {
        assertThat(grams("magnesium sulfate 500 mg/mL vial")).isNull();
        assertThat(grams("25 mg/kg IV")).isNull();
        assertThat(grams("D5W 100 mL B05XA05")).isNull();
        assertThat(grams("1,5 g")).isNull();
        assertThat(grams("1,000 mg")).isNull();
        assertThat(grams(null)).isNull();
    }

    @Test
    void aDurationRangeGivesItsShorterEnd_andMinutesAreRead() {
        assertThat(MgDoseText.durationMinutes("IV over 2-15 min")).isEqualByComparingTo("2");
        assertThat(MgDoseText.durationMinutes("over 4 to 12 hours")).isEqualByComparingTo("240");
        assertThat(MgDoseText.durationMinutes("over 30 minutes")).isEqualByComparingTo("30");
        assertThat(MgDoseText.durationMinutes("over the day")).isNull();
        assertThat(MgDoseText.durationMinutes("patients over 65 years")).isNull();
    }

    @Test
    void hostileTextIsReadOnlyUpToItsBound_andQuickly() {
        String huge = "over 9".repeat(400_000) + " 4 g over 2 h";
        long start = System.nanoTime();
        assertThat(grams(huge)).isNull(); // the dose lies beyond the bound: not read, so the card says so
        assertThat(MgDoseText.durationMinutes(huge)).isNull();
        assertThat(grams("9".repeat(100_000) + " g")).isNull();
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(1));
    }
}
