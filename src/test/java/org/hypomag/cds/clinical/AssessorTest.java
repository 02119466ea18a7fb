package org.hypomag.cds.clinical;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hypomag.cds.clinical.Snap.days;
import static org.hypomag.cds.clinical.Snap.hours;

import org.junit.jupiter.api.Test;

/** The whole assessment: indicators (D13), emergency (D4, D14), drug causes (D9), gap (D10), D8, D17. */
class AssessorTest {

    @Test
    void lowMagnesiumOnPpi_givesWarningWithDoseAndDrugCause() {
        Assessment a = Snap.patient().egfr("80").mg("1.3", hours(4))
                .activeMed("pantoprazole 40 mg", Snap.rx("314200")).assess();
        assertThat(a.alertIndicator()).isEqualTo(IndicatorLevel.WARNING);
        assertThat(a.knowledgeVersion()).isEqualTo("2026.11.1");
        assertThat(((MgSulfateRegimen) a.regimens().get(0)).doseGrams()).isEqualByComparingTo("2");
        assertThat(a.drugCauses()).singleElement().satisfies(d -> {
            assertThat(d.classId()).isEqualTo("ppi");
            assertThat(d.medicationTexts()).containsExactly("pantoprazole 40 mg");
            assertThat(d.textKeys()).containsExactly("drug.ppi.effect", "drug.ppi.frequency", "drug.ppi.advice");
        });
        assertThat(a.monitoring()).extracting(MonitoringOrder::kind)
                .containsExactly(MonitoringKind.MG_AFTER_INFUSION, MonitoringKind.POTASSIUM);
        assertThat(a.monitoring().get(0).hoursAfterMin()).isEqualTo(6);
        assertThat(a.monitoring().get(0).hoursAfterMax()).isEqualTo(12);
    }

    @Test
    void mildIsInfoAndLowPotassiumRaisesItOneStep() {
        assertThat(Snap.patient().egfr("80").mg("1.6", hours(4)).assess().alertIndicator())
                .isEqualTo(IndicatorLevel.INFO);
        Assessment a = Snap.patient().egfr("80").mg("1.6", hours(4)).lab(Analyte.POTASSIUM, "3.2", hours(4)).assess();
        assertThat(a.alertIndicator()).isEqualTo(IndicatorLevel.WARNING);
        assertThat(a.potassium().low()).isTrue();
        assertThat(a.potassium().cutoffFromLab()).isFalse();
        assertThat(a.notes()).extracting(Note::textKey).contains(TextKeys.POTASSIUM_LOW);
    }

    @Test
    void moderateWithLowPotassium_isCriticalButNotEmergency() {
        Assessment a = Snap.patient().egfr("80").mg("1.2", hours(4)).lab(Analyte.POTASSIUM, "3.0", hours(4)).assess();
        assertThat(a.alertIndicator()).isEqualTo(IndicatorLevel.CRITICAL);
        assertThat(a.regimens()).extracting(Regimen::ruleId).doesNotContain("T-EMERG");
    }

    @Test
    void potassiumCutoff_prefersTheLabsReferenceLow() {
        Assessment a = Snap.patient().egfr("80").mg("1.6", hours(4))
                .lab(Analyte.POTASSIUM, "3.6", ValueComparator.EQUAL, ResultStatus.FINAL, hours(4), "3.7", null)
                .assess();
        assertThat(a.potassium().low()).isTrue();
        assertThat(a.potassium().cutoffFromLab()).isTrue();
    }

    @Test
    void torsadesWithLowMg_isCriticalWithEmergencyBolus() {
        Assessment a = Snap.patient().egfr("80").mg("1.4", hours(2))
                .condition("Torsades de pointes", true, false, hours(10)).assess();
        assertThat(a.alertIndicator()).isEqualTo(IndicatorLevel.CRITICAL);
        assertThat(a.emergencies()).singleElement().satisfies(e -> {
            assertThat(e.conditionId()).isEqualTo("torsades");
            assertThat(e.matchedCode()).isNull();
        });
        assertThat(a.regimens().get(0).ruleId()).isEqualTo("T-EMERG");
        assertThat(a.regimens().get(0).recommended()).isTrue();
    }

    @Test
    void ventricularFibrillationByCode_isAnEmergency() {
        Assessment a = Snap.patient().egfr("80").mg("1.6", hours(2))
                .condition("VF arrest", true, false, hours(1), Snap.sct("71908006")).assess();
        assertThat(a.emergencies()).extracting(EmergencyFinding::conditionId)
                .containsExactly("ventricular-fibrillation");
        assertThat(a.alertIndicator()).isEqualTo(IndicatorLevel.CRITICAL);
    }

    @Test
    void activeSeizureWithin72h_counts_olderIsHistory_resolvedNever() {
        assertThat(Snap.patient().egfr("80").mg("1.4", hours(2))
                .condition("Seizure", true, false, hours(72)).assess().emergencies()).hasSize(1);
        Assessment older = Snap.patient().egfr("80").mg("1.4", hours(2))
                .condition("Seizure", true, false, hours(73)).assess();
        assertThat(older.emergencies()).isEmpty();
        assertThat(older.emergencyHistory()).extracting(EmergencyFinding::conditionId).containsExactly("seizure");
        assertThat(Snap.patient().egfr("80").mg("1.4", hours(2))
                .condition("Seizure", false, false, hours(10)).assess().emergencies()).isEmpty();
        // D20: an encounter diagnosis counts only for the encounter in context
        assertThat(Snap.patient().egfr("80").mg("1.4", hours(2)).encounter("e1")
                .conditionOfEncounter("Tetany", true, "e1", days(30)).assess().emergencies()).hasSize(1);
        assertThat(Snap.patient().egfr("80").mg("1.4", hours(2)).encounter("e1")
                .conditionOfEncounter("Tetany", true, "e0", days(30)).assess().emergencies()).isEmpty();
        assertThat(Snap.patient().egfr("80").mg("1.4", hours(2))
                .condition("Tetany", true, true, days(30)).assess().emergencies()).isEmpty();
    }

    @Test
    void seizureDisorderOrEpilepsy_neverAnEmergency_evenAsTodaysEncounterDiagnosis() {
        Assessment a = Snap.patient().egfr("80").mg("1.6", hours(2)).encounter("e1")
                .conditionOfEncounter("Seizure disorder", true, "e1", days(30000))
                .condition("Epilepsy", true, false, hours(1)).assess();
        assertThat(a.emergencies()).isEmpty();
        assertThat(a.emergencyHistory()).isEmpty();
        assertThat(a.alertIndicator()).isEqualTo(IndicatorLevel.INFO);
        assertThat(a.regimens()).extracting(Regimen::ruleId).doesNotContain("T-EMERG");
    }

    @Test
    void deceasedPatient_getsAnEmptyAssessment() {
        Assessment a = Snap.patient().deceased().egfr("80").mg("0.7", hours(2))
                .condition("Torsades de pointes", true, false, hours(2)).assess();
        assertThat(a.deceased()).isTrue();
        assertThat(a.lowMagnesium()).isFalse();
        assertThat(a.regimens()).isEmpty();
        assertThat(a.couldNotCheck()).isEmpty();
        assertThat(a.urgentMg()).isNull();
    }

    @Test
    void historyOfSeizure_isNotAnEmergency() {
        assertThat(Snap.patient().egfr("80").mg("1.4", hours(2))
                .activeCondition("History of seizure").assess().emergencies()).isEmpty();
    }

    @Test
    void torsadesWithNormalMg_givesNoMgFinding() {
        Assessment a = Snap.patient().mg("2.0", hours(2)).activeCondition("Torsades de pointes").assess();
        assertThat(a.alertIndicator()).isNull();
        assertThat(a.urgentMg()).isNull();
        assertThat(a.regimens()).isEmpty();
    }

    @Test
    void torsadesWithNoCurrentMg_asksForAnUrgentMg() {
        Assessment a = Snap.patient().mg("1.9", days(9)).condition("Torsades de pointes", true, false, hours(3))
                .assess();
        assertThat(a.urgentMg().ruleId()).isEqualTo("D14");
        assertThat(a.urgentMg().indicator()).isEqualTo(IndicatorLevel.INFO);
        assertThat(a.monitoring()).extracting(MonitoringOrder::kind).containsExactly(MonitoringKind.MG_URGENT);
    }

    @Test
    void severeMg_detailCarriesTheEmergencyRegimenInWords() {
        Assessment a = Snap.patient().egfr("80").mg("0.8", hours(2)).assess();
        assertThat(a.emergencyLine()).isNotNull();
        assertThat(a.emergencyLine().adultDose()).isTrue();
        assertThat(a.emergencyLine().childDose()).isFalse();
        assertThat(a.emergencyLine().gramsLow()).isEqualByComparingTo("1");
        assertThat(a.emergencyLine().gramsHigh()).isEqualByComparingTo("2");
        assertThat(a.emergencyLine().durationMaxMinutes()).isEqualTo(15);
        assertThat(a.emergencyLine().hyperMgTextKey()).isNull();
        assertThat(a.notes()).extracting(Note::textKey).contains(TextKeys.MONITORING_WATCH,
                TextKeys.MONITORING_ANTIDOTE);
    }

    @Test
    void lowCalcium_addsCalciumOrder() {
        Assessment a = Snap.patient().egfr("80").mg("1.2", hours(2)).lab(Analyte.CALCIUM_TOTAL, "7.9", hours(2))
                .assess();
        assertThat(a.calcium().low()).isTrue();
        assertThat(a.monitoring()).extracting(MonitoringOrder::kind).contains(MonitoringKind.CALCIUM);
    }

    @Test
    void unknownRenalFunction_addsCreatinineOrder() {
        Assessment a = Snap.patient().mg("1.2", hours(2)).assess();
        assertThat(a.renal().band()).isEqualTo(RenalBand.UNKNOWN);
        assertThat(a.monitoring()).extracting(MonitoringOrder::kind).contains(MonitoringKind.CREATININE);
        assertThat(a.monitoring()).filteredOn(o -> o.kind() == MonitoringKind.CREATININE)
                .extracting(o -> o.code().code()).containsExactly("2160-0");
    }

    @Test
    void diureticAdvice_onlyWithNormalKidneys() {
        Assessment normal = Snap.patient().egfr("75").mg("1.3", hours(2))
                .activeMed("furosemide 40 mg", Snap.rx("313988")).assess();
        assertThat(normal.drugCauses().get(0).textKeys()).contains("drug.diuretic.advice",
                TextKeys.DRUG_GENERAL_KNOWLEDGE);
        Assessment ckd = Snap.patient().egfr("45").mg("1.3", hours(2))
                .activeMed("furosemide 40 mg", Snap.rx("313988")).assess();
        assertThat(ckd.drugCauses().get(0).textKeys()).doesNotContain("drug.diuretic.advice");
    }

    @Test
    void stoppedAndEnteredInErrorMedications_areNotCauses() {
        Assessment a = Snap.patient().egfr("75").mg("1.3", hours(2))
                .med("omeprazole", MedicationStatus.STOPPED, days(300), Snap.rx("7646"))
                .med("cisplatin", MedicationStatus.ENTERED_IN_ERROR, days(3), Snap.rx("2555"))
                .med("tacrolimus", MedicationStatus.ON_HOLD, days(3), Snap.rx("42316"))
                .assess();
        assertThat(a.drugCauses()).extracting(DrugCauseFinding::classId).containsExactly("calcineurin-inhibitor");
    }

    @Test
    void ppiFor90DaysWithNoMgIn365Days_isAMonitoringGap() {
        Assessment a = Snap.patient().mg("2.0", days(366))
                .med("omeprazole 20 mg", MedicationStatus.ACTIVE, days(90), Snap.rx("7646")).assess();
        assertThat(a.monitoringGap().classIds()).containsExactly("ppi");
        assertThat(a.monitoringGap().lastMg()).isNotNull();
        assertThat(a.monitoring()).extracting(MonitoringOrder::kind).containsExactly(MonitoringKind.MG_BASELINE);
    }

    @Test
    void ppiFor89Days_orMgWithinAYear_isNoGap() {
        assertThat(Snap.patient().med("omeprazole", MedicationStatus.ACTIVE, days(89), Snap.rx("7646"))
                .assess().monitoringGap()).isNull();
        assertThat(Snap.patient().mg("2.0", days(364))
                .med("omeprazole", MedicationStatus.ACTIVE, days(400), Snap.rx("7646")).assess().monitoringGap())
                .isNull();
    }

    @Test
    void medicationWithoutStartDate_countsAsLongTerm() {
        assertThat(Snap.patient().med("omeprazole", MedicationStatus.ACTIVE, null, Snap.rx("7646"))
                .assess().monitoringGap()).isNotNull();
    }

    @Test
    void gapIsNotClaimedWhenTheMagnesiumQueryFailed() {
        Assessment a = Snap.patient().unknown(DataKey.MAGNESIUM, "magnesium: timed out")
                .med("omeprazole", MedicationStatus.ACTIVE, days(400), Snap.rx("7646")).assess();
        assertThat(a.monitoringGap()).isNull();
        assertThat(a.couldNotCheck()).hasSize(1);
    }

    @Test
    void mgBackAfterSevereLowWithLowCalcium_isPersistentHypocalcaemiaWithRepeatOrder() {
        Assessment a = Snap.patient().egfr("80").mg("1.8", hours(6)).mg("0.9", days(3))
                .lab(Analyte.CALCIUM_TOTAL, "7.8", hours(6)).assess();
        assertThat(a.persistentHypocalcaemia().ruleId()).isEqualTo("D17");
        assertThat(a.persistentHypocalcaemia().severeLowMgDl()).isEqualByComparingTo("0.9");
        assertThat(a.persistentHypocalcaemia().regimens()).singleElement()
                .satisfies(r -> assertThat(((MgSulfateRegimen) r).doseGrams()).isEqualByComparingTo("4"));
        assertThat(a.monitoring()).extracting(MonitoringOrder::kind).contains(MonitoringKind.MG_AFTER_INFUSION,
                MonitoringKind.POTASSIUM, MonitoringKind.CALCIUM);
        assertThat(a.alertIndicator()).isNull();
    }

    @Test
    void severeLowOlderThanFiveDays_isNotPersistentHypocalcaemia() {
        assertThat(Snap.patient().egfr("80").mg("1.8", hours(6)).mg("0.9", days(6))
                .lab(Analyte.CALCIUM_TOTAL, "7.8", hours(6)).assess().persistentHypocalcaemia()).isNull();
    }

    @Test
    void mgStillLowAfterSevere_keepsOnlyTheAlertRegimen() {
        Assessment a = Snap.patient().egfr("80").mg("1.2", hours(6)).mg("0.9", days(2))
                .lab(Analyte.CALCIUM_TOTAL, "7.8", hours(6)).assess();
        assertThat(a.persistentHypocalcaemia().regimens()).isEmpty();
        assertThat(a.regimens().get(0).ruleId()).isEqualTo("T-HOSP-IV-MOD");
        assertThat(a.notes()).extracting(Note::textKey).contains(TextKeys.D17_REPEAT);
    }

    @Test
    void unknownBirthDate_isListed_andNoDoseIsComputed() {
        Assessment a = Snap.patient().noBirthDate().weight("20").egfr("80").mg("1.2", hours(2)).assess();
        assertThat(a.couldNotCheck()).extracting(CouldNotCheck::what).contains("age");
        assertThat(a.regimens()).isEmpty();
        assertThat(a.notes()).extracting(Note::textKey).contains(TextKeys.AGE_UNKNOWN);
        Assessment severe = Snap.patient().noBirthDate().weight("20").egfr("80").mg("0.8", hours(2)).assess();
        assertThat(severe.regimens()).isEmpty();
        assertThat(severe.emergencyLine().adultDose()).isTrue();
        assertThat(severe.emergencyLine().childDose()).isTrue();
        assertThat(severe.emergencyLine().childMgLow()).as("no assumed child weight dose either").isNull();
    }

    @Test
    void regimenInputFromAssessment_reproducesTheAlertRegimensForOrderChecks() {
        Assessment a = Snap.patient().ageYears(12).weight("40").lab(Analyte.POTASSIUM, "3.1", hours(3))
                .egfr("25").mg("1.6", hours(3)).assess();
        RegimenPlan again = Regimens.plan(TestKnowledge.K.doses(), RegimenInput.from(a));
        assertThat(again.regimens()).isEqualTo(a.regimens());
        assertThat(((MgSulfateRegimen) a.regimens().get(0)).doseGrams()).isEqualByComparingTo("0.5"); // 1 g x 0.5
    }
}
