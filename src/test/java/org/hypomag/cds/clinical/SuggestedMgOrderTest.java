package org.hypomag.cds.clinical;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hypomag.cds.clinical.Snap.days;
import static org.hypomag.cds.clinical.Snap.hours;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;

import org.hypomag.cds.clinical.OrderReview.MgOrderCheck;
import org.hypomag.cds.clinical.OrderReview.Problem;
import org.hypomag.cds.clinical.OrderReview.Situation;
import org.hypomag.cds.clinical.OrderReview.WastingDrugOrders;
import org.junit.jupiter.api.Test;

/**
 * The decisions the card renderers used to make (issue 13 item 1), now made by the assessment: which serum Mg
 * order a finding or a drafted order suggests and under which rule (D3, D10, D11, D14), the D11 cap at
 * WARNING, the rule ids behind the alert and why no dose is proposed.
 */
class SuggestedMgOrderTest {

    private static final Duration YESTERDAY = hours(20);
    private static final Code SERUM_MG = TestKnowledge.K.orderables().magnesium();

    private static OrderReview review(Snap snap, DraftOrder... drafts) {
        PatientSnapshot s = snap.build();
        PatientSnapshot withDrafts = new PatientSnapshot(s.patientId(), s.birthDate(), s.sex(), s.labs(),
                s.medications(), s.conditions(), List.of(drafts), s.unknown());
        Assessment a = Assessor.assess(withDrafts, TestKnowledge.K, Snap.NOW);
        return OrderReviewer.review(withDrafts, a, TestKnowledge.K, Snap.NOW);
    }

    private static DraftOrder ppi() {
        return new DraftOrder("MedicationRequest", "d1", true, List.of(Snap.rx("314200")), "pantoprazole", null, null,
                null, null, MedicationStatus.DRAFT);
    }

    private static DraftOrder mgSulfate(String grams) {
        return new DraftOrder("MedicationRequest", "mg1", true, List.of(Snap.atc("B05XA05")),
                "Magnesium sulfate " + grams + " g in D5W IV", new BigDecimal(grams), "g", BigDecimal.valueOf(240),
                "IV", MedicationStatus.DRAFT);
    }

    private static Snap adult() {
        return Snap.patient().ageYears(60).egfr("85").lab(Analyte.POTASSIUM, "4.1", YESTERDAY);
    }

    @Test
    void ppiDraftedWithNoMgInAYear_suggestsTheD10BaselineSerumMg() {
        WastingDrugOrders w = review(adult(), ppi()).wastingDrugs();
        assertThat(w.situation()).isEqualTo(Situation.NO_MG_IN_WINDOW);
        assertThat(w.mgOrder().ruleId()).isEqualTo("D10");
        assertThat(w.mgOrder().kind()).isEqualTo(MonitoringKind.MG_BASELINE);
        assertThat(w.mgOrder().code()).isEqualTo(SERUM_MG);
    }

    @Test
    void ppiDraftedWithAStaleLowMg_suggestsTheD3Recheck_theAssessmentsOwnOrder() {
        WastingDrugOrders w = review(adult().mg("1.2", days(10)), ppi()).wastingDrugs();
        assertThat(w.situation()).isEqualTo(Situation.STALE_LOW_MG);
        assertThat(w.mgOrder().ruleId()).isEqualTo("D3");
        assertThat(w.mgOrder().kind()).isEqualTo(MonitoringKind.MG_RECHECK);
        assertThat(w.mgOrder().reasonTextKey()).isEqualTo(TextKeys.REASON_RECHECK);
    }

    @Test
    void ppiDraftedWithALowCurrentMg_suggestsTheReplacementAndNoSerumMgOrder() {
        WastingDrugOrders w = review(adult().mg("1.1", YESTERDAY), ppi()).wastingDrugs();
        assertThat(w.situation()).isEqualTo(Situation.LOW_MG);
        assertThat(w.mgOrder()).isNull();
    }

    @Test
    void mgSulfateDraftedWithNoCurrentMg_asksForTheD3SerumMgFirst() {
        MgOrderCheck c = review(adult(), mgSulfate("2")).mgOrders().get(0);
        assertThat(c.problems()).contains(Problem.NO_CURRENT_MG);
        assertThat(c.recheck().ruleId()).isEqualTo("D3");
        assertThat(c.recheck().kind()).isEqualTo(MonitoringKind.MG_RECHECK);
        assertThat(c.recheck().code()).isEqualTo(SERUM_MG);
    }

    @Test
    void mgSulfateDraftedWithACurrentLowMg_needsNoSerumMgFirst() {
        MgOrderCheck c = review(adult().mg("1.1", YESTERDAY), mgSulfate("2")).mgOrders().get(0);
        assertThat(c.problems()).doesNotContain(Problem.NO_CURRENT_MG);
        assertThat(c.recheck()).isNull();
    }

    @Test
    void staleLow_carriesTheSameD3RecheckAsTheMonitoringList() {
        Assessment a = adult().mg("1.2", days(10)).assess();
        MonitoringOrder listed = a.monitoring().stream().filter(o -> o.kind() == MonitoringKind.MG_RECHECK)
                .findFirst().orElseThrow();
        assertThat(a.staleLow().recheck()).isEqualTo(listed);
        assertThat(a.staleLow().recheck().ruleId()).isEqualTo("D3");
    }

    @Test
    void torsadesWithNoCurrentMg_carriesTheD14UrgentOrderOfTheMonitoringList() {
        Assessment a = Snap.patient().mg("1.9", days(9)).condition("Torsades de pointes", true, false, hours(3))
                .assess();
        MonitoringOrder listed = a.monitoring().stream().filter(o -> o.kind() == MonitoringKind.MG_URGENT)
                .findFirst().orElseThrow();
        assertThat(a.urgentMg().order()).isEqualTo(listed);
        assertThat(a.urgentMg().order().ruleId()).isEqualTo("D14");
    }

    @Test
    void highMgOnMagnesiumOxide_suggestsTheD11Recheck_andWithoutASourceNone() {
        Assessment withSource = adult().mg("3.1", YESTERDAY)
                .activeMed("Magnesium Oxide 400 MG Oral Tablet", Snap.rx("198741")).assess();
        assertThat(withSource.hyperMg().mgSources()).isNotEmpty();
        assertThat(withSource.hyperMg().recheck().ruleId()).isEqualTo("D11");
        assertThat(withSource.hyperMg().recheck().kind()).isEqualTo(MonitoringKind.MG_HYPER_RECHECK);
        assertThat(withSource.hyperMg().recheck().code()).isEqualTo(SERUM_MG);
        assertThat(withSource.hyperMg().indicator()).isEqualTo(IndicatorLevel.WARNING);

        Assessment noSource = adult().mg("3.1", YESTERDAY).assess();
        assertThat(noSource.hyperMg().mgSources()).isEmpty();
        assertThat(noSource.hyperMg().recheck()).isNull();
    }

    @Test
    void highMgFinding_isNeverCritical() { // D11: WARNING, never CRITICAL
        HyperMgFinding h = new HyperMgFinding("D11", new BigDecimal("5.0"), "5.0 mg/dL", null, new BigDecimal("2.4"),
                IndicatorLevel.CRITICAL);
        assertThat(h.indicator()).isEqualTo(IndicatorLevel.WARNING);
        assertThat(new HyperMgFinding("D11", new BigDecimal("3.0"), "3.0 mg/dL", null, new BigDecimal("2.4"),
                IndicatorLevel.INFO).indicator()).isEqualTo(IndicatorLevel.INFO);
    }

    @Test
    void alertOfALowMgAdult_namesGradeIndicatorAndRenalRules() {
        Assessment a = adult().mg("1.1", YESTERDAY).assess();
        List<String> ids = AlertRules.ids(a);
        assertThat(ids).startsWith(a.magnesium().ruleId(), "D13").contains("D6").doesNotContain("D19", "D18", "D4");
        assertThat(ids).doesNotHaveDuplicates();
    }

    @Test
    void alertWithTorsades_addsTheEmergencyRules() {
        Assessment a = adult().mg("0.8", YESTERDAY).condition("Torsades de pointes", true, false, hours(10))
                .assess();
        assertThat(AlertRules.ids(a)).contains("D18", "D4");
    }

    @Test
    void lowMgWithUnknownAge_saysWhyThereIsNoDose() {
        Assessment a = Snap.patient().noBirthDate().mg("1.1", YESTERDAY).egfr("85").assess();
        assertThat(a.regimens()).isEmpty();
        assertThat(AlertRules.noDoseTextKey(a)).isEqualTo(TextKeys.AGE_UNKNOWN);
        assertThat(AlertRules.ids(a)).contains("D19");
    }

    @Test
    void sixGramsForEgfr25_isCorrected_keepsIv_noDelete_andOrdersTheD8Labs() {
        Snap ckd = Snap.patient().ageYears(72).mg("0.8", YESTERDAY).egfr("25").lab(Analyte.POTASSIUM, "3.9", YESTERDAY);
        MgOrderCheck c = review(ckd, mgSulfate("6")).mgOrders().get(0);
        assertThat(c.problems()).contains(Problem.RENAL_CUT_MISSING);
        assertThat(c.corrected()).isNotNull();
        assertThat(c.givesIv()).isTrue();
        assertThat(c.deleteSuggested()).isFalse();
        assertThat(c.labs()).extracting(MonitoringOrder::kind)
                .contains(MonitoringKind.MG_AFTER_INFUSION, MonitoringKind.POTASSIUM)
                .allMatch(MonitoringKind::withReplacement);
    }

    @Test
    void mgSulfateForANormalMg_hasNoIndication_butIsNotDeleted_andOrdersNoLabs() { // issue 19 item 9
        MgOrderCheck c = review(adult().mg("2.0", YESTERDAY), mgSulfate("2")).mgOrders().get(0);
        assertThat(c.problems()).contains(Problem.NO_INDICATION);
        assertThat(c.givesIv()).isFalse();
        assertThat(c.deleteSuggested()).isFalse();
        assertThat(c.labs()).isEmpty();
    }

    @Test
    void mgSulfateForAHighMg_isDeleted_andOrdersNoLabs() { // D11
        MgOrderCheck c = review(adult().mg("3.1", YESTERDAY), mgSulfate("2")).mgOrders().get(0);
        assertThat(c.problems()).contains(Problem.HYPERMAGNESEMIA);
        assertThat(c.givesIv()).isFalse();
        assertThat(c.deleteSuggested()).isTrue();
        assertThat(c.labs()).isEmpty();
    }

    @Test
    void replacementLabs_areTheD8AndD6Kinds() {
        assertThat(java.util.Arrays.stream(MonitoringKind.values()).filter(MonitoringKind::withReplacement))
                .containsExactly(MonitoringKind.MG_AFTER_INFUSION, MonitoringKind.POTASSIUM, MonitoringKind.CALCIUM,
                        MonitoringKind.CREATININE);
    }
}
