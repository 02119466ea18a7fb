package org.hypomag.cds.clinical;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** D2 grade boundaries and the D1/D14 comparator rule. */
class GradingTest {

    private static final Thresholds T = TestKnowledge.K.thresholds();

    @ParameterizedTest(name = "{0} mg/dL is {1}")
    @CsvSource({
            "0.99, SEVERE", "1.0, MODERATE", "1.00, MODERATE", "1.5, MODERATE", "1.50, MODERATE",
            "1.51, MILD", "1.55, MILD", "1.6, MILD", "1.69, MILD", "1.7, NORMAL", "2.4, NORMAL", "2.41, HIGH",
            "0.3, SEVERE"})
    void exactValue_isGradedByD2(String value, Grade expected) {
        assertThat(Grading.grade(new BigDecimal(value), ValueComparator.EQUAL, T)).contains(expected);
    }

    @ParameterizedTest(name = "{0}{1} is {2}")
    @CsvSource({
            "LESS_THAN, 1.0, SEVERE", "LESS_OR_EQUAL, 1.0, SEVERE", "LESS_THAN, 0.5, SEVERE",
            "LESS_THAN, 1.2, MODERATE", "LESS_THAN, 1.5, MODERATE", "LESS_THAN, 1.55, MILD",
            "LESS_THAN, 1.7, MILD", "GREATER_THAN, 2.4, HIGH", "GREATER_OR_EQUAL, 2.41, HIGH"})
    void comparatorValue_countsAsBeyondIt(ValueComparator c, String value, Grade expected) {
        assertThat(Grading.grade(new BigDecimal(value), c, T)).contains(expected);
    }

    @ParameterizedTest(name = "{0}{1} cannot be graded")
    @CsvSource({"LESS_THAN, 2.0", "LESS_OR_EQUAL, 1.8", "GREATER_THAN, 1.0", "GREATER_OR_EQUAL, 2.4"})
    void comparatorStraddlingALimit_isNotGraded(ValueComparator c, String value) {
        assertThat(Grading.grade(new BigDecimal(value), c, T)).isEmpty();
    }
}
