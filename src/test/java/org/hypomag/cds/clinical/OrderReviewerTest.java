package org.hypomag.cds.clinical;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.hypomag.cds.clinical.OrderReview.MgOrderCheck;
import org.hypomag.cds.clinical.OrderReview.MgRoute;
import org.hypomag.cds.clinical.OrderReview.Problem;
import org.hypomag.cds.clinical.OrderReview.Situation;
import org.junit.jupiter.api.Test;

/** Issue 5 / hypomagnesemia.md D5-D8, D10, D11, D13, D16: what drafted orders meet. */
class OrderReviewerTest {

    private static final Duration YESTERDAY = Duration.ofDays(1);

    private static DraftOrder drug(String id, String text, Code... codes) {
        return new DraftOrder("MedicationRequest", id, true, List.of(codes), text, null, null, null, null,
                MedicationStatus.DRAFT);
    }

    private static DraftOrder mgSulfate(String id, String grams, Integer hours) {
        return new DraftOrder("MedicationRequest", id, true, List.of(Snap.atc("B05XA05")),
                "Magnesium sulfate " + grams + " g in D5W IV", new BigDecimal(grams), "g",
                hours == null ? null : BigDecimal.valueOf(hours * 60L), "IV", MedicationStatus.DRAFT);
    }

    private static OrderReview review(Snap snap, DraftOrder... drafts) {
        PatientSnapshot s = snap.build();
        PatientSnapshot withDrafts = new PatientSnapshot(s.patientId(), s.birthDate(), s.sex(), s.labs(),
                s.medications(), s.conditions(), List.of(drafts), s.unknown());
        Assessment a = Assessor.assess(withDrafts, TestKnowledge.K, Snap.NOW);
        return OrderReviewer.review(withDrafts, a, TestKnowledge.K, Snap.NOW);
    }

    private static Snap adult(String mg) {
        Snap s = Snap.patient().ageYears(60).egfr("85").lab(Analyte.POTASSIUM, "4.1", YESTERDAY);
        return mg == null ? s : s.mg(mg, YESTERDAY);
    }

    private static Snap severeCkd() {
        return Snap.patient().ageYears(72).mg("0.8", YESTERDAY).egfr("25").lab(Analyte.POTASSIUM, "3.9", YESTERDAY);
    }

    @Test
    void mgSulfateDraftedForAPatientOfUnknownAge_cannotBeChecked_neverAgainstAdultDoses() {
        OrderReview r = review(Snap.patient().noBirthDate().mg("0.8", YESTERDAY).egfr("85"),
                mgSulfate("m1", "4", 12));
        assertThat(r.mgOrders()).singleElement().satisfies(c -> {
            assertThat(c.problems()).containsExactly(Problem.AGE_UNKNOWN);
            assertThat(c.corrected()).isNull();
        });
    }

    @Test
    void deceasedPatient_draftsGiveNothingToSay() {
        PatientSnapshot s = severeCkd().deceased().build();
        PatientSnapshot withDrafts = new PatientSnapshot(s.patientId(), s.birthDate(), s.sex(), s.labs(),
                s.medications(), s.conditions(), List.of(mgSulfate("m1", "6", 12)), s.unknown(), null, true);
        Assessment a = Assessor.assess(withDrafts, TestKnowledge.K, Snap.NOW);
        assertThat(OrderReviewer.review(withDrafts, a, TestKnowledge.K, Snap.NOW).isEmpty()).isTrue();
    }

    @Test
    void loopDiureticForMg1_1_givesOneWarningForLowMg() {
        OrderReview r = review(adult("1.1"), drug("d1", "Furosemide 40 MG Oral Tablet", Snap.rx("313988")));
        assertThat(r.wastingDrugs()).isNotNull();
        assertThat(r.wastingDrugs().situation()).isEqualTo(Situation.LOW_MG);
        assertThat(r.wastingDrugs().indicator()).isEqualTo(IndicatorLevel.WARNING);
        assertThat(r.wastingDrugs().classIds()).containsExactly("loop-diuretic");
        assertThat(r.wastingDrugs().combination()).isFalse();
        assertThat(r.mgOrders()).isEmpty();
    }

    @Test
    void loopDiureticWithAnActivePpi_raisesTheIndicatorOneStep() {
        OrderReview r = review(adult("1.1").activeMed("pantoprazole 40 MG", Snap.rx("314200")),
                drug("d1", "Furosemide 40 MG Oral Tablet", Snap.rx("313988")));
        assertThat(r.wastingDrugs().combination()).isTrue();
        assertThat(r.wastingDrugs().indicator()).isEqualTo(IndicatorLevel.CRITICAL);
    }

    @Test
    void ppiWithNoMagnesiumInAYear_asksForABaselineLevel() {
        OrderReview r = review(adult(null), drug("d1", "pantoprazole", Snap.rx("314200")));
        assertThat(r.wastingDrugs().situation()).isEqualTo(Situation.NO_MG_IN_WINDOW);
        assertThat(r.wastingDrugs().indicator()).isEqualTo(IndicatorLevel.INFO);
    }

    @Test
    void ppiWithARecentNormalMg_givesNoCard() {
        assertThat(review(adult("2.0"), drug("d1", "pantoprazole", Snap.rx("314200"))).isEmpty()).isTrue();
    }

    @Test
    void ppiWithAStaleNormalMgWithinTheYear_givesNoCard() {
        Snap s = adult(null).mg("2.0", Duration.ofDays(40));
        assertThat(review(s, drug("d1", "pantoprazole", Snap.rx("314200"))).isEmpty()).isTrue();
    }

    @Test
    void ppiWithAStaleLowMg_asksForARecheck() {
        Snap s = adult(null).mg("1.2", Duration.ofDays(10));
        assertThat(review(s, drug("d1", "pantoprazole", Snap.rx("314200"))).wastingDrugs().situation())
                .isEqualTo(Situation.STALE_LOW_MG);
    }

    @Test
    void unrelatedDraft_givesNothing() {
        assertThat(review(adult("1.1"), drug("d1", "Amoxicillin 500 MG Oral Capsule", Snap.rx("308191")))
                .isEmpty()).isTrue();
    }

    @Test
    void sixGramsForEgfr25AndMg0_8_missesTheRenalCut_andIsCorrectedToTwoGrams() {
        MgOrderCheck c = review(severeCkd(), mgSulfate("mg1", "6", 12)).mgOrders().get(0);
        assertThat(c.route()).isEqualTo(MgRoute.IV_SULFATE);
        assertThat(c.problems()).contains(Problem.RENAL_CUT_MISSING);
        assertThat(c.indicator()).isEqualTo(IndicatorLevel.WARNING);
        assertThat(c.corrected()).isNotNull();
        assertThat(c.corrected().doseGrams()).isEqualByComparingTo("2");
        assertThat(c.holdNextDoseUntilMgResult()).isTrue();
    }

    @Test
    void twoGramsOverTwelveHoursForEgfr25_agreesWithTheRules() {
        MgOrderCheck c = review(severeCkd(), mgSulfate("mg1", "2", 12)).mgOrders().get(0);
        assertThat(c.problems()).isEmpty();
        assertThat(c.corrected()).isNull();
    }

    @Test
    void tenGramsForNormalKidneys_isAboveTheRule() {
        MgOrderCheck c = review(adult("0.8"), mgSulfate("mg1", "10", 24)).mgOrders().get(0);
        assertThat(c.problems()).containsExactly(Problem.DOSE_ABOVE_RULE);
        assertThat(c.corrected().doseGrams()).isEqualByComparingTo("4");
    }

    @Test
    void twoGramsOverThirtyMinutesForModerate_isTooFast() {
        MgOrderCheck c = review(adult("1.3"), new DraftOrder("MedicationRequest", "mg1", true,
                List.of(Snap.atc("B05XA05")), "Magnesium sulfate 2 g IV", new BigDecimal("2"), "g",
                new BigDecimal("30"), "IV", MedicationStatus.DRAFT)).mgOrders().get(0);
        assertThat(c.problems()).containsExactly(Problem.INFUSION_TOO_FAST);
    }

    @Test
    void magnesiumOrderWithARecentNormalMg_hasNoIndication() {
        assertThat(review(adult("2.0"), mgSulfate("mg1", "2", 4)).mgOrders().get(0).problems())
                .containsExactly(Problem.NO_INDICATION);
    }

    @Test
    void magnesiumOrderWithAHighMg_warnsOfHypermagnesemia() {
        assertThat(review(adult("3.1"), mgSulfate("mg1", "2", 4)).mgOrders().get(0).problems())
                .containsExactly(Problem.HYPERMAGNESEMIA);
    }

    @Test
    void magnesiumOrderWithNoCurrentMg_asksForALevel() {
        assertThat(review(adult(null), mgSulfate("mg1", "2", 4)).mgOrders().get(0).problems())
                .containsExactly(Problem.NO_CURRENT_MG);
    }

    @Test
    void childOf25kgGivenTwoGrams_isAbove50MgPerKg_andCorrectedTo625Mg() {
        Snap child = Snap.patient().ageYears(8).mg("1.2", YESTERDAY).weight("25")
                .lab(Analyte.HEIGHT, "128", YESTERDAY).lab(Analyte.CREATININE, "0.45", YESTERDAY);
        MgOrderCheck c = review(child, mgSulfate("mg1", "2", 12)).mgOrders().get(0);
        assertThat(c.problems()).contains(Problem.CHILD_MG_PER_KG_ABOVE);
        // 25 mg/kg x 25 kg = 625 mg; the engine rounds the gram dose for display, never upwards
        assertThat(c.corrected().doseGrams()).isBetween(new BigDecimal("0.6"), new BigDecimal("0.625"));
    }

    @Test
    void childDoseInMgPerKg_isConvertedWithTheWeight() {
        Snap child = Snap.patient().ageYears(8).mg("1.2", YESTERDAY).weight("25")
                .lab(Analyte.HEIGHT, "128", YESTERDAY).lab(Analyte.CREATININE, "0.45", YESTERDAY);
        DraftOrder perKg = new DraftOrder("MedicationRequest", "mg1", true, List.of(Snap.atc("B05XA05")),
                "Magnesium sulfate IV", new BigDecimal("25"), "mg/kg", new BigDecimal("720"), "IV",
                MedicationStatus.DRAFT);
        MgOrderCheck c = review(child, perKg).mgOrders().get(0);
        assertThat(c.doseGrams()).isEqualByComparingTo("0.625");
        assertThat(c.problems()).isEmpty();
    }

    @Test
    void afterAcceptingTheSuggestion_theDrugAndTheMagnesiumOrder_giveNoNewSuggestion() {
        OrderReview r = review(adult("1.1"), drug("d1", "Furosemide 40 MG Oral Tablet", Snap.rx("313988")),
                mgSulfate("mg1", "2", 12));
        assertThat(r.wastingDrugs()).isNull();
        assertThat(r.mgOrders()).singleElement().satisfies(c -> assertThat(c.problems()).isEmpty());
        assertThat(r.isEmpty()).isTrue();
    }

    @Test
    void sandboxAcceptedSuggestion_codedWithAnUnknownRxNorm_isRecognisedByText() {
        DraftOrder accepted = new DraftOrder("MedicationRequest", "request-123", true,
                List.of(new Code(Snap.RXNORM, "1665764", "Magnesium sulfate 2 g IV")), "Magnesium sulfate 2 g IV",
                new BigDecimal("1"), "{pill}", null, null, MedicationStatus.DRAFT);
        OrderReview r = review(adult("1.1"), accepted);
        assertThat(r.mgOrders()).singleElement().satisfies(c -> assertThat(c.route()).isEqualTo(MgRoute.IV_SULFATE));
    }

    @Test
    void unselectedDrafts_areContextOnly() {
        DraftOrder unselected = new DraftOrder("MedicationRequest", "d1", false, List.of(Snap.rx("313988")),
                "Furosemide", null, null, null, null, MedicationStatus.DRAFT);
        List<DraftOrder> drafts = new ArrayList<>(List.of(unselected));
        assertThat(review(adult("1.1"), drafts.toArray(DraftOrder[]::new)).isEmpty()).isTrue();
    }
}
