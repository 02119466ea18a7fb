package org.hypomag.cds.clinical;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hypomag.cds.clinical.Snap.days;
import static org.hypomag.cds.clinical.Snap.hours;

import org.junit.jupiter.api.Test;

/** D1, D3, D11, D12, D14: which Mg is current, stale, unusable or high. */
class MagnesiumRuleTest {

    @Test
    void lowMgExactly168HoursOld_isStillCurrent() {
        Assessment a = Snap.patient().egfr("90").mg("1.2", hours(168)).assess();
        assertThat(a.magnesium().grade()).isEqualTo(Grade.MODERATE);
        assertThat(a.staleLow()).isNull();
    }

    @Test
    void lowMgOlderThan168Hours_isStaleLowWithRecheckNotGraded() {
        Assessment a = Snap.patient().mg("1.2", hours(169)).assess();
        assertThat(a.magnesium()).isNull();
        assertThat(a.staleLow().ruleId()).isEqualTo("D3");
        assertThat(a.staleLow().ageHours()).isEqualTo(169);
        assertThat(a.staleLow().indicator()).isEqualTo(IndicatorLevel.INFO);
        assertThat(a.regimens()).isEmpty();
        assertThat(a.monitoring()).extracting(MonitoringOrder::kind).containsExactly(MonitoringKind.MG_RECHECK);
        assertThat(a.monitoring().get(0).code().code()).isEqualTo("19123-9");
    }

    @Test
    void staleNormalMg_saysNothing() {
        Assessment a = Snap.patient().mg("2.0", days(10)).assess();
        assertThat(a.magnesium()).isNull();
        assertThat(a.staleLow()).isNull();
        assertThat(a.monitoring()).isEmpty();
        assertThat(a.alertIndicator()).isNull();
    }

    @Test
    void enteredInErrorNewest_isIgnoredAndTheOlderValidResultUsed() {
        Assessment a = Snap.patient().egfr("90")
                .mg("1.9", days(2))
                .lab(Analyte.MAGNESIUM, "0.8", ValueComparator.EQUAL, ResultStatus.ENTERED_IN_ERROR, hours(1), null, null)
                .assess();
        assertThat(a.magnesium().valueMgDl()).isEqualByComparingTo("1.9");
        assertThat(a.magnesium().grade()).isEqualTo(Grade.NORMAL);
        assertThat(a.alertIndicator()).isNull();
    }

    @Test
    void cancelledAndRegisteredResults_areIgnored() {
        Assessment a = Snap.patient()
                .lab(Analyte.MAGNESIUM, "0.8", ValueComparator.EQUAL, ResultStatus.CANCELLED, hours(1), null, null)
                .lab(Analyte.MAGNESIUM, "0.8", ValueComparator.EQUAL, ResultStatus.REGISTERED, hours(2), null, null)
                .assess();
        assertThat(a.magnesium()).isNull();
    }

    @Test
    void preliminaryResult_counts() {
        Assessment a = Snap.patient().egfr("90")
                .lab(Analyte.MAGNESIUM, "0.8", ValueComparator.EQUAL, ResultStatus.PRELIMINARY, hours(1), null, null)
                .assess();
        assertThat(a.magnesium().grade()).isEqualTo(Grade.SEVERE);
    }

    @Test
    void lessThanOne_isSevereAndCritical() {
        Assessment a = Snap.patient().egfr("90")
                .lab(Analyte.MAGNESIUM, "1.0", ValueComparator.LESS_THAN, ResultStatus.FINAL, hours(3), null, null)
                .assess();
        assertThat(a.magnesium().grade()).isEqualTo(Grade.SEVERE);
        assertThat(a.alertIndicator()).isEqualTo(IndicatorLevel.CRITICAL);
    }

    @Test
    void unknownUnit_isNotGradedAndBecomesCouldNotCheck() {
        Assessment a = Snap.patient()
                .lab(Analyte.MAGNESIUM, null, ValueComparator.EQUAL, ResultStatus.FINAL, hours(3), null,
                        "unit 'xyz' not recognised")
                .assess();
        assertThat(a.magnesium()).isNull();
        assertThat(a.couldNotCheck()).singleElement().satisfies(c -> {
            assertThat(c.ruleId()).isEqualTo("D1");
            assertThat(c.reason()).contains("unit 'xyz' not recognised");
        });
    }

    @Test
    void lessThanTwo_cannotBeGradedAndSaysSo() {
        Assessment a = Snap.patient()
                .lab(Analyte.MAGNESIUM, "2.0", ValueComparator.LESS_THAN, ResultStatus.FINAL, hours(3), null, null)
                .assess();
        assertThat(a.magnesium()).isNull();
        assertThat(a.couldNotCheck()).extracting(CouldNotCheck::what).containsExactly("magnesium");
    }

    @Test
    void previousResult_isKeptForTheTrend() {
        Assessment a = Snap.patient().egfr("90").mg("1.1", hours(2)).mg("1.4", days(3)).assess();
        assertThat(a.magnesium().previousMgDl()).isEqualByComparingTo("1.4");
        assertThat(a.magnesium().previous().reference()).isEqualTo("Observation/3");
    }

    @Test
    void highMg_isHypermagnesemiaWarningWithoutAlert() {
        Assessment a = Snap.patient().mg("2.41", hours(2)).assess();
        assertThat(a.hyperMg().ruleId()).isEqualTo("D11");
        assertThat(a.hyperMg().indicator()).isEqualTo(IndicatorLevel.WARNING);
        assertThat(a.alertIndicator()).isNull();
        assertThat(a.regimens()).isEmpty();
    }

    @Test
    void recentNormalMgOnPpi_givesNothing() {
        Assessment a = Snap.patient().mg("2.0", hours(5)).activeMed("omeprazole 20 mg", Snap.rx("7646")).assess();
        assertThat(a.lowMagnesium()).isFalse();
        assertThat(a.drugCauses()).isEmpty();
        assertThat(a.monitoringGap()).isNull();
        assertThat(a.hyperMg()).isNull();
        assertThat(a.monitoring()).isEmpty();
        assertThat(a.notes()).isEmpty();
        assertThat(a.couldNotCheck()).isEmpty();
    }

    @Test
    void failedMagnesiumQuery_isCouldNotCheckNotSilence() {
        Assessment a = Snap.patient().unknown(DataKey.MAGNESIUM, "magnesium: FHIR server timed out").assess();
        assertThat(a.couldNotCheck()).singleElement()
                .satisfies(c -> assertThat(c.what()).isEqualTo("magnesium"));
    }

    @Test
    void excludedWholeBloodCode_isNeverReadAsSerum() {
        Assessment a = Snap.patient()
                .labWithCode(Analyte.MAGNESIUM, new Code("http://loinc.org", "21377-7", null), "0.8", hours(1))
                .assess();
        assertThat(a.magnesium()).isNull();
    }
}
