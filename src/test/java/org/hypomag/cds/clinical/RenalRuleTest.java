package org.hypomag.cds.clinical;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hypomag.cds.clinical.Snap.days;
import static org.hypomag.cds.clinical.Snap.hours;

import java.math.BigDecimal;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** D6, D15: eGFR source, formulas and bands. */
class RenalRuleTest {

    private static final Thresholds T = TestKnowledge.K.thresholds();

    @ParameterizedTest(name = "eGFR {0} -> {1}")
    @CsvSource({"14.9, FAILURE_UNDER_15", "15, REDUCED_15_30", "29.9, REDUCED_15_30", "30, CKD_30_60",
            "59.9, CKD_30_60", "60, NORMAL", "120, NORMAL"})
    void bandBoundaries(String egfr, RenalBand band) {
        assertThat(RenalRule.band(new BigDecimal(egfr), T)).isEqualTo(band);
        assertThat(Snap.patient().egfr(egfr).mg("1.2", hours(1)).assess().renal().band()).isEqualTo(band);
    }

    @Test
    void reportedEgfrWithinSevenDays_isUsedAsReported() {
        RenalFunction r = Snap.patient().lab(Analyte.EGFR, "45", days(7)).assess().renal();
        assertThat(r.method()).isEqualTo(RenalMethod.REPORTED);
        assertThat(r.egfr()).isEqualByComparingTo("45");
    }

    @Test
    void reportedEgfrOlderThanSevenDays_fallsBackToCreatinine() {
        RenalFunction r = Snap.patient().lab(Analyte.EGFR, "90", days(8))
                .lab(Analyte.CREATININE, "1.0", days(1)).assess().renal();
        assertThat(r.method()).isEqualTo(RenalMethod.CKD_EPI_2021);
        assertThat(r.egfr()).isEqualByComparingTo("64.4");
    }

    @Test
    void reportedAsLessThan30_fallsInTheLowerBand() {
        RenalFunction r = Snap.patient()
                .lab(Analyte.EGFR, "30", ValueComparator.LESS_THAN, ResultStatus.FINAL, days(1), null, null)
                .assess().renal();
        assertThat(r.band()).isEqualTo(RenalBand.REDUCED_15_30);
        assertThat(r.egfr()).isEqualByComparingTo("30");
    }

    @Test
    void reportedAsMoreThan60_isNormal() {
        RenalFunction r = Snap.patient()
                .lab(Analyte.EGFR, "60", ValueComparator.GREATER_THAN, ResultStatus.FINAL, days(1), null, null)
                .assess().renal();
        assertThat(r.band()).isEqualTo(RenalBand.NORMAL);
    }

    @Test
    void ckdEpi2021_matchesHandComputedValues() {
        // 142 x (1.0/0.7)^-1.200 x 0.9938^60 x 1.012 = 64.50 (female, 60 y, Scr 1.0 mg/dL)
        assertThat(EgfrFormulas.ckdEpi2021(new BigDecimal("1.0"), 60, Sex.FEMALE, T.ckdEpi()))
                .isEqualByComparingTo("64.4");
        // 142 x (1.2/0.9)^-1.200 x 0.9938^50 = 73.67 (male, 50 y, Scr 1.2 mg/dL)
        assertThat(EgfrFormulas.ckdEpi2021(new BigDecimal("1.2"), 50, Sex.MALE, T.ckdEpi()))
                .isEqualByComparingTo("73.6");
        // below kappa: 142 x (0.6/0.9)^-0.302 x 0.9938^30 = 142 x 1.1304 x 0.8297 = 133.2 (male, 30 y)
        assertThat(EgfrFormulas.ckdEpi2021(new BigDecimal("0.6"), 30, Sex.MALE, T.ckdEpi()))
                .isBetween(new BigDecimal("133.0"), new BigDecimal("133.3"));
    }

    @Test
    void unknownSex_usesTheLowerEstimate() {
        BigDecimal f = EgfrFormulas.ckdEpi2021(new BigDecimal("2.0"), 70, Sex.FEMALE, T.ckdEpi());
        BigDecimal m = EgfrFormulas.ckdEpi2021(new BigDecimal("2.0"), 70, Sex.MALE, T.ckdEpi());
        assertThat(EgfrFormulas.ckdEpi2021(new BigDecimal("2.0"), 70, Sex.UNKNOWN, T.ckdEpi()))
                .isEqualByComparingTo(f.min(m));
    }

    @Test
    void child_usesBedsideSchwartzWithHeight() {
        RenalFunction r = Snap.patient().ageYears(8).lab(Analyte.HEIGHT, "120", days(10))
                .lab(Analyte.CREATININE, "0.5", days(1)).assess().renal();
        assertThat(r.method()).isEqualTo(RenalMethod.SCHWARTZ);
        assertThat(r.egfr()).isEqualByComparingTo("99.1"); // 0.413 x 120 / 0.5 = 99.12
        assertThat(r.band()).isEqualTo(RenalBand.NORMAL);
    }

    @Test
    void childWithCreatinineButNoHeight_hasUnknownRenalFunction() {
        RenalFunction r = Snap.patient().ageYears(8).lab(Analyte.CREATININE, "0.5", days(1)).assess().renal();
        assertThat(r.band()).isEqualTo(RenalBand.UNKNOWN);
        assertThat(r.unknownReason()).contains("height");
    }

    @Test
    void seventeenYearOld_isNotGivenCkdEpi() {
        RenalFunction r = Snap.patient().ageYears(17).lab(Analyte.CREATININE, "0.8", days(1)).assess().renal();
        assertThat(r.method()).isEqualTo(RenalMethod.UNKNOWN);
    }

    @Test
    void creatinineOlderThanSevenDays_isUnknownNeverNormal() {
        RenalFunction r = Snap.patient().lab(Analyte.CREATININE, "0.8", days(8)).assess().renal();
        assertThat(r.band()).isEqualTo(RenalBand.UNKNOWN);
        assertThat(r.egfr()).isNull();
    }

    @Test
    void dialysisCondition_overridesAnyEgfr() {
        RenalFunction r = Snap.patient().egfr("50").activeCondition("Hemodialysis dependent").assess().renal();
        assertThat(r.band()).isEqualTo(RenalBand.DIALYSIS);
        assertThat(r.dialysis()).isTrue();
    }

    @Test
    void dialysisByCode_isRecognised() {
        RenalFunction r = Snap.patient()
                .activeCondition("CKD 5", Snap.sct("714152005")).assess().renal();
        assertThat(r.band()).isEqualTo(RenalBand.DIALYSIS);
    }

    @Test
    void preDialysisText_isNotDialysis() {
        RenalFunction r = Snap.patient().egfr("20").activeCondition("CKD stage 4, pre-dialysis").assess().renal();
        assertThat(r.band()).isEqualTo(RenalBand.REDUCED_15_30);
    }
}
