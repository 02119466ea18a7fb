package org.hypomag.cds.clinical;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;

import org.junit.jupiter.api.Test;

/** D5-D7, D15: regimen choice and doses per grade, renal band, age and weight. */
class RegimensTest {

    private static final DoseTable TABLE = TestKnowledge.K.doses();

    private static RegimenPlan adult(Grade g, RenalBand band) {
        return Regimens.plan(TABLE, new RegimenInput(g, false, band, false, null, null, false));
    }

    private static RegimenPlan child(Grade g, RenalBand band, String kg) {
        return Regimens.plan(TABLE, new RegimenInput(g, false, band, true, kg == null ? null : new BigDecimal(kg),
                null, false));
    }

    private static MgSulfateRegimen iv(RegimenPlan p, int i) {
        return (MgSulfateRegimen) p.regimens().get(i);
    }

    @Test
    void severeNormalKidneys_suggests4gOver24hThenLoadingOnlyIfSymptomatic() {
        RegimenPlan p = adult(Grade.SEVERE, RenalBand.NORMAL);
        assertThat(p.regimens()).extracting(Regimen::ruleId).containsExactly("T-HOSP-IV-SEV", "T-SEV-STABLE");
        MgSulfateRegimen sev = iv(p, 0);
        assertThat(sev.recommended()).isTrue();
        assertThat(sev.doseGrams()).isEqualByComparingTo("4");
        assertThat(sev.doseMeq()).isEqualByComparingTo("32.5"); // 4 g x 8.12 mEq/g = 32.48
        assertThat(sev.rangeLowGrams()).isEqualByComparingTo("4");
        assertThat(sev.rangeHighGrams()).isEqualByComparingTo("8");
        assertThat(sev.diluent()).isEqualTo("D5W");
        assertThat(sev.volumeMl()).isNull();
        assertThat(sev.durationMinMinutes()).isEqualTo(720);
        assertThat(sev.durationMaxMinutes()).isEqualTo(1440);
        assertThat(sev.durationMinutes()).isEqualTo(1440);
        assertThat(sev.route()).isEqualTo("IV");
        assertThat(sev.renalCut()).isNull();
        assertThat(sev.holdNextDoseUntilMgResult()).isFalse();
        MgSulfateRegimen load = iv(p, 1);
        assertThat(load.onlyIfSymptomatic()).isTrue();
        assertThat(load.recommended()).isFalse();
        assertThat(load.doseGrams()).isEqualByComparingTo("1");
        assertThat(load.volumeMl()).isEqualTo(100);
        assertThat(load.durationMaxMinutes()).isEqualTo(60);
    }

    @Test
    void moderate_suggests2gOver12hAndOralAlternative() {
        RegimenPlan p = adult(Grade.MODERATE, RenalBand.NORMAL);
        assertThat(p.regimens()).extracting(Regimen::ruleId).containsExactly("T-HOSP-IV-MOD", "T-ORAL");
        assertThat(iv(p, 0).doseGrams()).isEqualByComparingTo("2");
        assertThat(iv(p, 0).doseMeq()).isEqualByComparingTo("16.2");
        assertThat(iv(p, 0).durationMinutes()).isEqualTo(720);
        OralRegimen oral = (OralRegimen) p.regimens().get(1);
        assertThat(oral.mgPerDay()).isEqualByComparingTo("240");
        assertThat(oral.mgPerDayHigh()).isEqualByComparingTo("1000");
        assertThat(oral.recommended()).isFalse();
    }

    @Test
    void mild_suggestsOralFirstThenIv1gOver2h() {
        RegimenPlan p = adult(Grade.MILD, RenalBand.NORMAL);
        assertThat(p.regimens()).extracting(Regimen::ruleId).containsExactly("T-ORAL", "T-HOSP-IV-MILD");
        assertThat(p.regimens().get(0).recommended()).isTrue();
        assertThat(iv(p, 1).doseGrams()).isEqualByComparingTo("1");
        assertThat(iv(p, 1).durationMinutes()).isEqualTo(120);
    }

    @Test
    void mildWithLowPotassium_offersTheIvRouteOnly() {
        // R18: low K makes the route IV; oral alone is not offered as an alternative (safer reading of D5 vs R18)
        RegimenPlan p = Regimens.plan(TABLE, new RegimenInput(Grade.MILD, false, RenalBand.NORMAL, false, null,
                null, true));
        assertThat(p.regimens()).extracting(Regimen::ruleId).containsExactly("T-HOSP-IV-MILD");
        assertThat(p.regimens().get(0).recommended()).isTrue();
        assertThat(p.notes()).extracting(Note::textKey).contains(TextKeys.MILD_IV_FIRST);
    }

    @Test
    void moderateWithAnEmergency_offersNoOralAlternative() {
        RegimenPlan p = Regimens.plan(TABLE, new RegimenInput(Grade.MODERATE, true, RenalBand.NORMAL, false, null,
                null, true));
        assertThat(p.regimens()).extracting(Regimen::ruleId).containsExactly("T-EMERG", "T-HOSP-IV-MOD");
    }

    @Test
    void ckd30to60_keepsFullDoseWithCaution() {
        RegimenPlan p = adult(Grade.SEVERE, RenalBand.CKD_30_60);
        assertThat(iv(p, 0).doseGrams()).isEqualByComparingTo("4");
        assertThat(iv(p, 0).warningTextKeys()).contains(TextKeys.RENAL_CKD_CAUTION);
        assertThat(p.notes()).extracting(Note::textKey).contains(TextKeys.RENAL_CKD_CAUTION);
    }

    @Test
    void severeAt15to30_becomesTCkdSympt2gOver12hHoldNextDose() {
        RegimenPlan p = adult(Grade.SEVERE, RenalBand.REDUCED_15_30);
        MgSulfateRegimen sev = iv(p, 0);
        assertThat(sev.ruleId()).isEqualTo("T-HOSP-IV-SEV");
        assertThat(sev.appliedRules()).contains("D6", "T-CKD-SYMPT");
        assertThat(sev.doseGrams()).isEqualByComparingTo("2");
        assertThat(sev.rangeHighGrams()).isEqualByComparingTo("4");
        assertThat(sev.durationMinMinutes()).isEqualTo(240);
        assertThat(sev.durationMaxMinutes()).isEqualTo(720);
        assertThat(sev.holdNextDoseUntilMgResult()).isTrue();
        assertThat(sev.renalCut().factor()).isEqualByComparingTo("0.5");
        assertThat(sev.renalCut().reasonTextKey()).isEqualTo(TextKeys.RENAL_CUT_REDUCED);
        MgSulfateRegimen load = iv(p, 1);
        assertThat(load.doseGrams()).isEqualByComparingTo("0.5"); // D15: loading halved to 0.5-1 g
        assertThat(load.rangeHighGrams()).isEqualByComparingTo("1");
    }

    @Test
    void moderateAndMildAt15to30_areHalvedKeepingTheirDuration() {
        RegimenPlan mod = adult(Grade.MODERATE, RenalBand.REDUCED_15_30);
        assertThat(iv(mod, 0).doseGrams()).isEqualByComparingTo("1");
        assertThat(iv(mod, 0).rangeHighGrams()).isEqualByComparingTo("2");
        assertThat(iv(mod, 0).durationMaxMinutes()).isEqualTo(720);
        OralRegimen oral = (OralRegimen) mod.regimens().get(1);
        assertThat(oral.ruleId()).isEqualTo("T-CKD-ASYMPT");
        assertThat(oral.mgPerDay()).isEqualByComparingTo("120");
        assertThat(oral.mgPerDayHigh()).isEqualByComparingTo("500");
        assertThat(oral.measureBeforeNextDose()).isTrue();
        RegimenPlan mild = adult(Grade.MILD, RenalBand.REDUCED_15_30);
        assertThat(iv(mild, 1).doseGrams()).isEqualByComparingTo("0.5");
        assertThat(iv(mild, 1).durationMaxMinutes()).isEqualTo(120);
    }

    @Test
    void unknownRenalFunction_getsTheReducedDosesAndSaysWhy() {
        RegimenPlan p = adult(Grade.MODERATE, RenalBand.UNKNOWN);
        assertThat(iv(p, 0).doseGrams()).isEqualByComparingTo("1");
        assertThat(iv(p, 0).renalCut().reasonTextKey()).isEqualTo(TextKeys.RENAL_CUT_UNKNOWN);
        assertThat(iv(p, 0).holdNextDoseUntilMgResult()).isTrue();
        assertThat(p.notes()).extracting(Note::textKey).contains(TextKeys.RENAL_CUT_UNKNOWN);
    }

    @Test
    void dialysis_noRoutineReplacementOnlyTheDialysisNote() {
        RegimenPlan p = adult(Grade.SEVERE, RenalBand.DIALYSIS);
        assertThat(p.regimens()).isEmpty();
        assertThat(p.notes()).extracting(Note::ruleId, Note::textKey)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("T-DIALYSIS", TextKeys.RENAL_DIALYSIS));
    }

    @Test
    void under15_noRoutineReplacement() {
        assertThat(adult(Grade.MODERATE, RenalBand.FAILURE_UNDER_15).regimens()).isEmpty();
    }

    @Test
    void emergencyOnDialysis_stillGetsTheFullBolusWithHypermagnesemiaWarning() {
        RegimenPlan p = Regimens.plan(TABLE, new RegimenInput(Grade.MODERATE, true, RenalBand.DIALYSIS, false, null,
                null, false));
        assertThat(p.regimens()).singleElement().satisfies(r -> {
            MgSulfateRegimen m = (MgSulfateRegimen) r;
            assertThat(m.ruleId()).isEqualTo("T-EMERG");
            assertThat(m.doseGrams()).isEqualByComparingTo("1");
            assertThat(m.volumeMl()).isEqualTo(100);
            assertThat(m.durationMinMinutes()).isEqualTo(2);
            assertThat(m.durationMaxMinutes()).isEqualTo(15);
            assertThat(m.alternativeDiluents()).containsExactly("NS");
            assertThat(m.renalCut()).isNull();
            assertThat(m.warningTextKeys()).containsExactly(TextKeys.RENAL_HYPERMG_RISK_DIALYSIS);
        });
    }

    @Test
    void severeAtEgfr15to30_offersTheHalfDoseOralAfterTheIvOptions_unlessKOrCaIsLow() {
        RegimenPlan p = adult(Grade.SEVERE, RenalBand.REDUCED_15_30);
        assertThat(p.regimens()).extracting(Regimen::ruleId)
                .containsExactly("T-HOSP-IV-SEV", "T-SEV-STABLE", "T-CKD-ASYMPT");
        OralRegimen oral = (OralRegimen) p.regimens().get(2);
        assertThat(oral.recommended()).isFalse();
        assertThat(oral.mgPerDay()).isEqualByComparingTo("120");
        assertThat(oral.mgPerDayHigh()).isEqualByComparingTo("500");
        assertThat(oral.adviceTextKeys()).contains(TextKeys.ORAL_MGO_REDUCED).doesNotContain(TextKeys.ORAL_MGO);
        RegimenPlan lowK = Regimens.plan(TABLE, new RegimenInput(Grade.SEVERE, false, RenalBand.REDUCED_15_30, false,
                null, null, true));
        assertThat(lowK.regimens()).extracting(Regimen::ruleId).containsExactly("T-HOSP-IV-SEV", "T-SEV-STABLE");
        assertThat(adult(Grade.SEVERE, RenalBand.NORMAL).regimens()).extracting(Regimen::ruleId)
                .containsExactly("T-HOSP-IV-SEV", "T-SEV-STABLE");
    }

    @Test
    void unknownAge_getsNoRegimenAtAll() {
        RegimenPlan p = Regimens.plan(TABLE, new RegimenInput(Grade.SEVERE, true, RenalBand.NORMAL, false,
                new BigDecimal("20"), null, false, true));
        assertThat(p.regimens()).isEmpty();
        assertThat(p.notes()).extracting(Note::textKey).contains(TextKeys.AGE_UNKNOWN);
    }

    @Test
    void emergencySevere_bolusFirstThenLevelInfusion() {
        RegimenPlan p = Regimens.plan(TABLE, new RegimenInput(Grade.SEVERE, true, RenalBand.NORMAL, false, null,
                null, false));
        assertThat(p.regimens()).extracting(Regimen::ruleId).containsExactly("T-EMERG", "T-HOSP-IV-SEV");
        assertThat(p.regimens()).extracting(Regimen::recommended).containsExactly(true, false);
    }

    @Test
    void child20kg_gets25MgPerKgNoOral() {
        RegimenPlan p = child(Grade.MODERATE, RenalBand.NORMAL, "20");
        assertThat(p.regimens()).singleElement().satisfies(r -> {
            MgSulfateRegimen m = (MgSulfateRegimen) r;
            assertThat(m.doseGrams()).isEqualByComparingTo("0.5");
            assertThat(m.paediatric().mgPerKg()).isEqualByComparingTo("25");
            assertThat(m.paediatric().weightKg()).isEqualByComparingTo("20");
            assertThat(m.paediatric().capApplied()).isFalse();
            assertThat(m.rangeHighGrams()).isEqualByComparingTo("1"); // 50 mg/kg
            assertThat(m.durationMaxMinutes()).isEqualTo(720);
            assertThat(m.appliedRules()).contains("T-PEDS");
        });
        assertThat(p.notes()).extracting(Note::textKey).contains(TextKeys.PEDS_NO_ORAL, TextKeys.PEDS_DOSE);
    }

    @Test
    void seventeenYearOld90kg_isCappedAt2g() {
        RegimenPlan p = child(Grade.SEVERE, RenalBand.NORMAL, "90");
        MgSulfateRegimen m = iv(p, 0);
        assertThat(m.doseGrams()).isEqualByComparingTo("2");
        assertThat(m.paediatric().capApplied()).isTrue();
        assertThat(m.rangeHighGrams()).isEqualByComparingTo("2");
    }

    @Test
    void child90kgAt15to30_capThenCut() {
        MgSulfateRegimen m = iv(child(Grade.SEVERE, RenalBand.REDUCED_15_30, "90"), 0);
        assertThat(m.doseGrams()).isEqualByComparingTo("1");
        assertThat(m.paediatric().mgPerKg()).isEqualByComparingTo("12.5");
        assertThat(m.durationMaxMinutes()).isEqualTo(720);
        assertThat(m.holdNextDoseUntilMgResult()).isTrue();
    }

    @Test
    void childWeightBasedDose_isRoundedDown() {
        // 25 mg/kg x 13.3 kg = 332.5 mg -> 0.332 g
        assertThat(iv(child(Grade.MILD, RenalBand.NORMAL, "13.3"), 0).doseGrams()).isEqualByComparingTo("0.332");
    }

    @Test
    void childWithoutWeight_getsNoDoseAndWeightNeeded() {
        RegimenPlan p = child(Grade.SEVERE, RenalBand.NORMAL, null);
        assertThat(p.regimens()).isEmpty();
        assertThat(p.notes()).extracting(Note::textKey).contains(TextKeys.PEDS_WEIGHT_NEEDED);
    }

    @Test
    void normalOrHighGrade_hasNoRegimen() {
        assertThat(adult(Grade.NORMAL, RenalBand.NORMAL).regimens()).isEmpty();
        assertThat(adult(Grade.HIGH, RenalBand.NORMAL).regimens()).isEmpty();
    }

    @Test
    void persistentHypocalcaemia_repeats4gOver24hWithRenalCut() {
        MgSulfateRegimen normal = (MgSulfateRegimen) Regimens.persistentHypocalcaemia(TABLE,
                new RegimenInput(Grade.SEVERE, false, RenalBand.NORMAL, false, null, null, false)).regimens().get(0);
        assertThat(normal.ruleId()).isEqualTo("T-SEV-NOURG");
        assertThat(normal.doseGrams()).isEqualByComparingTo("4");
        assertThat(normal.durationMaxMinutes()).isEqualTo(1440);
        MgSulfateRegimen cut = (MgSulfateRegimen) Regimens.persistentHypocalcaemia(TABLE,
                new RegimenInput(Grade.SEVERE, false, RenalBand.REDUCED_15_30, false, null, null, false))
                .regimens().get(0);
        assertThat(cut.doseGrams()).isEqualByComparingTo("2");
        assertThat(cut.durationMaxMinutes()).isEqualTo(720);
        assertThat(Regimens.persistentHypocalcaemia(TABLE,
                new RegimenInput(Grade.SEVERE, false, RenalBand.DIALYSIS, false, null, null, false)).regimens())
                .isEmpty();
    }

    @Test
    void everyIvRegimen_carriesTheRecheckText() {
        List<Regimen> all = adult(Grade.SEVERE, RenalBand.NORMAL).regimens();
        assertThat(all).allSatisfy(r -> assertThat(((MgSulfateRegimen) r).recheckTextKey())
                .isEqualTo("recheck.after-infusion"));
    }
}
