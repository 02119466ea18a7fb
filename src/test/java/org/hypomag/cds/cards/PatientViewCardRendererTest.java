package org.hypomag.cds.cards;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import java.util.regex.Pattern;

import org.hl7.fhir.r4.model.Dosage;
import org.hl7.fhir.r4.model.MedicationRequest;
import org.hl7.fhir.r4.model.ServiceRequest;
import org.hl7.fhir.r4.model.Timing;
import org.hypomag.cds.clinical.Analyte;
import org.hypomag.cds.clinical.BodyFacts;
import org.hypomag.cds.clinical.EmergencyFinding;
import org.hypomag.cds.clinical.Grade;
import org.hypomag.cds.clinical.HyperMgFinding;
import org.hypomag.cds.clinical.IndicatorLevel;
import org.hypomag.cds.clinical.MonitoringKind;
import org.hypomag.cds.clinical.MonitoringOrder;
import org.hypomag.cds.clinical.Note;
import org.hypomag.cds.clinical.RenalBand;
import org.hypomag.cds.clinical.RenalFunction;
import org.hypomag.cds.clinical.RenalMethod;
import org.hypomag.cds.clinical.StaleLowFinding;
import org.hypomag.cds.clinical.TextKeys;
import org.hypomag.cds.clinical.UrgentMgFinding;
import org.hypomag.cds.clinical.ValueComparator;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class PatientViewCardRendererTest {

    private static final Pattern RAW_HTML = Pattern.compile("<\\s*[a-zA-Z/!?]");
    private final PatientViewCardRenderer renderer =
            Renderers.patientView();

    @BeforeAll
    static void warmValidator() {
        FhirValidation.errors("{\"resourceType\":\"Basic\",\"code\":{\"text\":\"warm-up\"}}");
    }

    private List<Card> render(AssessmentBuilder b) {
        List<Card> cards = renderer.render(b.build(), "p1");
        for (Card c : cards) { // every card of every test: valid resources, no raw HTML, one action each
            assertThat(c.detail()).doesNotContainPattern(RAW_HTML);
            assertThat(c.summary().length()).isLessThan(140);
            assertThat(c.source().label()).isEqualTo("Hypomagnesemia CDS (knowledge 2026.11.1)");
            for (Suggestion s : c.suggestions()) {
                assertThat(s.actions()).hasSize(1);
                assertThat(FhirValidation.errors(s.actions().get(0).resource())).isEmpty();
            }
        }
        assertThat(cards.stream().map(c -> c.source().topic().code())).doesNotHaveDuplicates();
        return cards;
    }

    private static Card only(List<Card> cards, String topic) {
        return cards.stream().filter(c -> c.source().topic().code().equals(topic)).findFirst().orElseThrow();
    }

    private static MedicationRequest medication(Suggestion s) {
        return FhirValidation.FHIR.newJsonParser().parseResource(MedicationRequest.class, s.actions().get(0).resource());
    }

    @Test
    void severeMg_givesCriticalAlertWithEmergencyRegimenInWordsAndFourGramsRecommended() {
        AssessmentBuilder b = new AssessmentBuilder().mg("0.8", Grade.SEVERE, IndicatorLevel.CRITICAL);
        b.regimens.add(Fixtures.severeIv());
        b.regimens.add(Fixtures.loadingIfSymptomatic());
        b.emergencyLine = AssessmentBuilder.adultEmergencyLine(null);
        Card alert = only(render(b), "hypomag-alert");

        assertThat(alert.indicator()).isEqualTo(IndicatorLevel.CRITICAL);
        assertThat(alert.summary()).isEqualTo("Severe hypomagnesemia: Mg 0.8 mg/dL on 2026-11-22; suggested MgSO4 4 g IV over 24 h");
        assertThat(alert.detail()).contains("**" + Fixtures.TEXTS.text(TextKeys.EMERGENCY_IN_WORDS) + ":** magnesium "
                        + "sulfate 1 to 2 g (8.1 to 16.2 mEq) in 100 mL D5W or normal saline IV over 2 to 15 min",
                "Previous: 1.4 mg/dL on 2026-11-18 (falling)",
                "eGFR 85 mL/min/1.73 m2, computed (CKD-EPI 2021) from creatinine",
                "Potassium 4.1 mmol/L", "Total calcium 9.2 mg/dL", "range 4 to 8 g over 12 to 24 h",
                Fixtures.TEXTS.text(TextKeys.MONITORING_ANTIDOTE), "6 to 12 h after the infusion ends");
        // the bedside lines first: what, how much, what next; then the emergency regimen; details below
        String[] lines = alert.detail().split("\n\n");
        assertThat(lines[0]).isEqualTo("**Severe hypomagnesemia: serum Mg 0.8 mg/dL** on 2026-11-22 08:00 UTC.");
        assertThat(lines[1]).isEqualTo("**Suggested:** Magnesium sulfate 4 g (32.5 mEq) in D5W IV over 24 h.");
        assertThat(lines[2]).startsWith("**Next:** serum Mg and potassium 6 to 12 h after the infusion ends");
        assertThat(lines[3]).startsWith("**If unstable");
        String beforeDetails = alert.detail().substring(0, alert.detail().indexOf("**Details**"));
        assertThat(beforeDetails.split("\\s+")).as("under ~150 words before the details").hasSizeLessThan(150);
        assertThat(alert.detail()).doesNotContain("Rules:").doesNotContainPattern("\\bT-[A-Z]");
        assertThat(alert.detail().indexOf(Fixtures.TEXTS.text(TextKeys.MONITORING_ANTIDOTE)))
                .isEqualTo(alert.detail().lastIndexOf(Fixtures.TEXTS.text(TextKeys.MONITORING_ANTIDOTE)));
        assertThat(alert.selectionBehavior()).isEqualTo(SelectionBehavior.AT_MOST_ONE);
        assertThat(alert.suggestions()).extracting(Suggestion::isRecommended).containsExactly(true, false);
        assertThat(alert.suggestions().get(1).actions().get(0).description()).startsWith("Only if symptomatic: ");

        Dosage d = medication(alert.suggestions().get(0)).getDosageInstructionFirstRep();
        assertThat(d.getDoseAndRateFirstRep().getDoseQuantity().getValue()).isEqualByComparingTo("4");
        assertThat(d.getTiming().getRepeat().getDuration()).isEqualByComparingTo("24");
        assertThat(d.getTiming().getRepeat().getDurationUnit()).isEqualTo(Timing.UnitsOfTime.H);
        assertThat(d.getRoute().getCodingFirstRep().getCode()).isEqualTo("47625008");
        assertThat(medication(alert.suggestions().get(0)).getMedicationCodeableConcept().getCodingFirstRep().getCode())
                .isEqualTo("B05XA05");
    }

    @Test
    void moderateMg_givesTwoGramIvAndOralAlternatives_atMostOneWithOneRecommended() {
        AssessmentBuilder b = new AssessmentBuilder().mg("1.2", Grade.MODERATE, IndicatorLevel.WARNING);
        b.regimens.add(iv(Fixtures.moderateIv(), true));
        b.regimens.add(Fixtures.oral(false));
        Card alert = only(render(b), "hypomag-alert");

        assertThat(alert.indicator()).isEqualTo(IndicatorLevel.WARNING);
        assertThat(alert.summary()).startsWith("Moderate hypomagnesemia: Mg 1.2 mg/dL on 2026-11-22");
        assertThat(alert.detail()).doesNotContain(Fixtures.TEXTS.text(TextKeys.EMERGENCY_IN_WORDS));
        assertThat(alert.suggestions()).hasSize(2);
        assertThat(alert.suggestions().stream().filter(s -> Boolean.TRUE.equals(s.isRecommended()))).hasSize(1);
        assertThat(alert.suggestions().get(0).actions().get(0).description())
                .isEqualTo("Magnesium sulfate 2 g (16.2 mEq) in D5W IV over 12 h");
        MedicationRequest iv = medication(alert.suggestions().get(0));
        assertThat(iv.getDosageInstructionFirstRep().getDoseAndRateFirstRep().getDoseQuantity().getValue())
                .isEqualByComparingTo(new BigDecimal("2"));
        MedicationRequest oral = medication(alert.suggestions().get(1));
        assertThat(oral.getDosageInstructionFirstRep().getText()).contains("240 mg elemental per day");
    }

    @Test
    void lowPotassium_addsPotassiumNoteOnceAndShowsTheRaisedIndicator() {
        AssessmentBuilder b = new AssessmentBuilder().mg("1.6", Grade.MILD, IndicatorLevel.WARNING);
        b.potassium = AssessmentBuilder.electrolyte(Analyte.POTASSIUM, "3.1", "mmol/L", "3.5", true);
        b.notes.add(new Note("D4", TextKeys.POTASSIUM_LOW));
        b.regimens.add(Fixtures.oral(true));
        Card alert = only(render(b), "hypomag-alert");
        assertThat(alert.indicator()).isEqualTo(IndicatorLevel.WARNING);
        assertThat(alert.detail()).contains("Potassium 3.1 mmol/L on 2026-11-22: **low** (below 3.5 mmol/L",
                "one step more urgent");
        String kNote = Fixtures.TEXTS.text(TextKeys.POTASSIUM_LOW);
        assertThat(alert.detail().indexOf(kNote)).isEqualTo(alert.detail().lastIndexOf(kNote));
    }

    @Test
    void childWithoutWeight_saysWeightNeededAndSuggestsNoDose() {
        AssessmentBuilder b = new AssessmentBuilder().mg("0.9", Grade.SEVERE, IndicatorLevel.CRITICAL);
        b.body = new BodyFacts(6, true, null, null, null, null);
        b.notes.add(new Note("D7", TextKeys.PEDS_WEIGHT_NEEDED));
        Card alert = only(render(b), "hypomag-alert");
        assertThat(alert.summary()).endsWith("; weight needed for a dose");
        assertThat(alert.suggestions()).isEmpty();
        assertThat(alert.selectionBehavior()).isNull();
        assertThat(alert.detail()).contains(Fixtures.TEXTS.text(TextKeys.PEDS_WEIGHT_NEEDED));
    }

    @Test
    void childWithWeight_getsMgPerKgDoseWithTheWeightUsed() {
        AssessmentBuilder b = new AssessmentBuilder().mg("0.9", Grade.SEVERE, IndicatorLevel.CRITICAL);
        b.regimens.add(Fixtures.childSevere(Fixtures.at("Observation/w", "2026-11-20T08:00:00Z")));
        Card alert = only(render(b), "hypomag-alert");
        assertThat(alert.detail()).contains("25 mg/kg x 12.4 kg (weight of 2026-11-20)", "at most 2 g per dose");
        assertThat(medication(alert.suggestions().get(0)).getDosageInstructionFirstRep().getDoseAndRateFirstRep()
                .getDoseQuantity().getValue()).isEqualByComparingTo("0.31");
    }

    @Test
    void severeChild_emergencyLineInMgPerKgWithTheMgForTheWeight_andAntidoteMarkedAdult() {
        AssessmentBuilder b = new AssessmentBuilder().mg("0.8", Grade.SEVERE, IndicatorLevel.CRITICAL);
        b.body = new BodyFacts(6, true, new BigDecimal("20"), Fixtures.at("Observation/w", "2026-11-20T08:00:00Z"),
                null, null);
        b.regimens.add(Fixtures.childSevere(Fixtures.at("Observation/w", "2026-11-20T08:00:00Z")));
        b.emergencyLine = AssessmentBuilder.childEmergencyLine("20", Fixtures.at("Observation/w", "2026-11-20T08:00:00Z"));
        b.notes.add(new Note("D8", TextKeys.MONITORING_ANTIDOTE));
        Card alert = only(render(b), "hypomag-alert");
        assertThat(alert.detail()).contains("magnesium sulfate 25 to 50 mg/kg per dose, at most 2 g, in D5W or normal "
                + "saline IV over 2 to 15 min (20 kg on 2026-11-20: 500 to 1000 mg)")
                .doesNotContain("1 to 2 g (8.1 to 16.2 mEq)")
                .contains("Antidote (adult doses; children: use the paediatric protocol)");
    }

    @Test
    void unknownAge_saysWhyAndWhatToRecord_andSuggestsNoDose() {
        AssessmentBuilder b = new AssessmentBuilder().mg("0.8", Grade.SEVERE, IndicatorLevel.CRITICAL);
        b.body = new BodyFacts(null, false, new BigDecimal("20"), Fixtures.at("Observation/w", "2026-11-20T08:00:00Z"),
                null, null);
        b.notes.add(new Note("D19", TextKeys.AGE_UNKNOWN));
        b.emergencyLine = new org.hypomag.cds.clinical.EmergencyLine(true, true, new BigDecimal("1"),
                new BigDecimal("2"), new BigDecimal("8.1"), new BigDecimal("16.2"), 100, List.of("D5W", "NS"), 2, 15,
                new BigDecimal("25"), new BigDecimal("50"), new BigDecimal("2"), null, null, null, null, null);
        Card alert = only(render(b), "hypomag-alert");
        assertThat(alert.summary()).endsWith("; birth date needed for a dose");
        assertThat(alert.suggestions()).isEmpty();
        String[] lines = alert.detail().split("\n\n");
        assertThat(lines[1]).isEqualTo("**No dose suggested.** " + Fixtures.TEXTS.text(TextKeys.AGE_UNKNOWN));
        assertThat(lines[2]).contains("record the birth date");
        assertThat(lines[3]).contains("(adult):** magnesium sulfate 1 to 2 g", "(child):** magnesium sulfate 25 to 50 mg/kg");
        assertThat(alert.detail().indexOf(Fixtures.TEXTS.text(TextKeys.AGE_UNKNOWN)))
                .isEqualTo(alert.detail().lastIndexOf(Fixtures.TEXTS.text(TextKeys.AGE_UNKNOWN)));
    }

    @Test
    void dialysis_showsNoEgfr_andTheEmergencyLineCarriesTheRiskText() {
        AssessmentBuilder b = new AssessmentBuilder().mg("0.9", Grade.SEVERE, IndicatorLevel.CRITICAL);
        b.renal = new RenalFunction(null, RenalMethod.UNKNOWN, RenalBand.DIALYSIS, true,
                List.of(Fixtures.at("Condition/hd", "2021-04-02T00:00:00Z")), null);
        b.notes.add(new Note("T-DIALYSIS", TextKeys.RENAL_DIALYSIS));
        b.emergencyLine = AssessmentBuilder.adultEmergencyLine(TextKeys.RENAL_HYPERMG_RISK_DIALYSIS);
        Card alert = only(render(b), "hypomag-alert");
        assertThat(alert.summary()).endsWith("; no routine replacement (kidney failure)");
        assertThat(alert.detail()).contains("Kidney function: dialysis on record (since 2021-04-02); no eGFR is used",
                        Fixtures.TEXTS.text(TextKeys.RENAL_HYPERMG_RISK_DIALYSIS))
                .doesNotContain("mL/min/1.73 m2").doesNotContain("creatinine of 2021");
        assertThat(alert.suggestions()).isEmpty();
    }

    @Test
    void oldTorsades_isShownAsHistoryWithItsDate_andTheCardDoesNotLeadWithIt() {
        AssessmentBuilder b = new AssessmentBuilder().mg("0.8", Grade.SEVERE, IndicatorLevel.CRITICAL);
        b.regimens.add(Fixtures.severeIv());
        b.emergencyHistory.add(new EmergencyFinding("D4", "torsades", "Torsades de pointes", null, "torsades",
                Fixtures.at("Condition/old", "2023-11-19T00:00:00Z"), false));
        Card alert = only(render(b), "hypomag-alert");
        assertThat(alert.summary()).startsWith("Severe hypomagnesemia: Mg 0.8 mg/dL");
        assertThat(alert.detail()).contains("History of torsades de pointes, recorded 2023-11-19 00:00 UTC: not "
                + "current (older than 72 h and not a diagnosis of this encounter), so the emergency regimen is not "
                + "selected.");
    }

    @Test
    void replacementLabs_goOnTheirOwnAnyCardAsServiceRequests() {
        AssessmentBuilder b = new AssessmentBuilder().mg("1.2", Grade.MODERATE, IndicatorLevel.WARNING);
        b.regimens.add(iv(Fixtures.moderateIv(), true));
        b.monitoring.addAll(List.of(Fixtures.mgAfterInfusion(), Fixtures.potassium(), Fixtures.creatinine()));
        Card labs = only(render(b), "hypomag-monitoring");
        assertThat(labs.indicator()).isEqualTo(IndicatorLevel.INFO);
        assertThat(labs.selectionBehavior()).isEqualTo(SelectionBehavior.ANY);
        assertThat(labs.suggestions()).extracting(s -> FhirValidation.FHIR.newJsonParser()
                .parseResource(ServiceRequest.class, s.actions().get(0).resource()).getCode().getCodingFirstRep()
                .getCode()).containsExactly("19123-9", "2823-3", "2160-0");
        assertThat(labs.suggestions().get(0).actions().get(0).description())
                .isEqualTo("Serum magnesium: 6 to 12 h after the magnesium infusion ends (sooner reads falsely high)");
    }

    @Test
    void staleLowResult_givesReCheckCardAndNoAlert() {
        AssessmentBuilder b = new AssessmentBuilder();
        MonitoringOrder recheck = Fixtures.lab(MonitoringKind.MG_RECHECK, "19123-9", "Magnesium", "Serum magnesium",
                "D3", "reason.recheck");
        b.staleLow = new StaleLowFinding("D3", new BigDecimal("1.3"), "1.3 mg/dL",
                Fixtures.at("Observation/old", "2026-11-01T08:00:00Z"), 508, Grade.MODERATE, IndicatorLevel.INFO, recheck);
        b.monitoring.add(recheck);
        List<Card> cards = render(b);
        assertThat(cards).hasSize(1);
        Card stale = cards.get(0);
        assertThat(stale.source().topic().code()).isEqualTo("hypomag-stale-recheck");
        assertThat(stale.indicator()).isEqualTo(IndicatorLevel.INFO);
        assertThat(stale.summary()).isEqualTo("Last serum Mg 1.3 mg/dL (moderate) is 21 days old: re-check magnesium");
        assertThat(stale.suggestions()).singleElement().satisfies(s -> assertThat(s.actions().get(0).resource())
                .contains("\"19123-9\"").contains("ServiceRequest"));
    }

    @Test
    void recentNormalMg_givesNoCardEvenWithMagnesiumWastingDrugs() {
        AssessmentBuilder b = new AssessmentBuilder().mg("2.0", Grade.NORMAL, null);
        b.drug("ppi", "Proton pump inhibitor", "pantoprazole 40 MG");
        assertThat(render(b)).isEmpty();
    }

    @Test
    void couldNotCheck_isOneInfoCardListingEveryUnknown() {
        AssessmentBuilder b = new AssessmentBuilder().unknown("magnesium", "FHIR server timed out")
                .unknown("potassium", "query failed").unknown("medicationStatements", "query failed")
                .unknown("magnesium", "unit 'xyz' not recognised");
        List<Card> cards = render(b);
        assertThat(cards).singleElement().satisfies(c -> {
            assertThat(c.indicator()).isEqualTo(IndicatorLevel.INFO);
            assertThat(c.summary()).isEqualTo("Magnesium check incomplete: could not check magnesium, potassium and medication list");
            assertThat(c.detail()).contains("- magnesium: FHIR server timed out; unit 'xyz' not recognised",
                    "- potassium: query failed", "- medication list: query failed");
        });
    }

    @Test
    void cardsAreOrderedByIndicator_criticalFirst() {
        AssessmentBuilder b = new AssessmentBuilder().mg("0.7", Grade.SEVERE, IndicatorLevel.CRITICAL)
                .drug("ppi", "Proton pump inhibitor", "omeprazole 20 MG").unknown("calcium", "query failed");
        b.regimens.add(Fixtures.severeIv());
        b.monitoring.add(Fixtures.mgAfterInfusion());
        b.emergencies.add(new EmergencyFinding("D4", "torsades", "torsades de pointes", null, "torsades",
                Fixtures.at("Condition/c1", "2026-11-22T07:00:00Z")));
        List<Card> cards = render(b);
        assertThat(cards).extracting(c -> c.source().topic().code()).containsExactly("hypomag-alert",
                "hypomag-drug-cause", "hypomag-monitoring", "hypomag-could-not-check");
        assertThat(cards).extracting(Card::indicator).isSortedAccordingTo((x, y) -> y.compareTo(x));
        assertThat(cards.get(0).detail()).startsWith("**Torsades de pointes** (onset 2026-11-22 07:00 UTC): the "
                + "emergency regimen applies.");
        assertThat(cards.get(0).summary()).startsWith("Torsades de pointes: emergency magnesium sulfate 4 g IV over 24 h");
    }

    @Test
    void hypermagnesemia_isWarningWithAntidoteAndNoMagnesiumOrder() {
        AssessmentBuilder b = new AssessmentBuilder().mg("3.1", Grade.HIGH, null);
        b.hyper = new HyperMgFinding("D11", new BigDecimal("3.1"), "3.1 mg/dL", AssessmentBuilder.MG_SOURCE,
                new BigDecimal("2.4"), IndicatorLevel.WARNING);
        Card hyper = only(render(b), "hypomag-hypermag");
        assertThat(hyper.indicator()).isEqualTo(IndicatorLevel.WARNING);
        assertThat(hyper.suggestions()).isEmpty();
        assertThat(hyper.detail()).contains(Fixtures.TEXTS.text(TextKeys.MONITORING_ANTIDOTE),
                Fixtures.TEXTS.text(TextKeys.HYPER_SIGNS), Fixtures.TEXTS.text(TextKeys.HYPER_NO_MORE_MG));
    }

    @Test
    void drugCauses_areOneCardWithSourceFiguresAndEscapedMedicationText() {
        AssessmentBuilder b = new AssessmentBuilder().mg("1.2", Grade.MODERATE, IndicatorLevel.WARNING)
                .drug("ppi", "Proton pump inhibitor", "<img src=x onerror=alert(1)> pantoprazole")
                .drug("loop-diuretic", "Loop diuretic", "furosemide 40 MG");
        Card drug = only(render(b), "hypomag-drug-cause");
        assertThat(drug.indicator()).isEqualTo(IndicatorLevel.INFO);
        assertThat(drug.summary()).isEqualTo("Magnesium-wasting drugs active: Proton pump inhibitor and Loop diuretic");
        assertThat(drug.detail()).contains(Fixtures.TEXTS.text("drug.ppi.frequency"),
                Fixtures.TEXTS.text("drug.diuretic.advice"), "&lt;img src=x onerror=alert(1)&gt;");
        assertThat(drug.source().url()).startsWith("https://www.fda.gov/");
    }

    @Test
    void urgentMg_forTorsadesWithoutCurrentMg_asksForAnUrgentLevel() {
        AssessmentBuilder b = new AssessmentBuilder();
        b.urgent = new UrgentMgFinding("D14", List.of(new EmergencyFinding("D4", "torsades", "torsades de pointes",
                null, null, Fixtures.at("Condition/c1", "2026-11-22T07:00:00Z"))), IndicatorLevel.INFO,
                new MonitoringOrder("D14", MonitoringKind.MG_URGENT, Fixtures.KNOWLEDGE.orderables().magnesium(),
                        "Serum magnesium", null, null, null));
        Card urgent = only(render(b), "hypomag-urgent-mg");
        assertThat(urgent.summary()).startsWith("Torsades de pointes on record and no current serum Mg");
        assertThat(urgent.detail()).startsWith("Torsades de pointes (onset 2026-11-22 07:00 UTC) on record"); // D18
        assertThat(urgent.suggestions().get(0).actions().get(0).resource()).contains("\"priority\":\"urgent\"");
    }

    @Test
    void longestSummaries_stayUnder140WithoutCutting() {
        AssessmentBuilder b = new AssessmentBuilder().mg("1.495", ValueComparator.LESS_OR_EQUAL, Grade.MODERATE,
                IndicatorLevel.CRITICAL);
        b.regimens.add(Fixtures.iv("T-HOSP-IV-MOD", "label.T-HOSP-IV-MOD", true, "0.125", "0.125", "0.25", 245, 1435));
        b.unknown("medicationStatements", "x").unknown("medicationRequests", "x").unknown("conditions", "x")
                .unknown("magnesium", "x").unknown("potassium", "x").unknown("calcium", "x").unknown("renal", "x")
                .unknown("weight", "x").unknown("patient", "x");
        for (String c : List.of("thiazide-diuretic", "calcineurin-inhibitor", "egfr-antagonist", "mtor-inhibitor",
                "aminoglycoside", "amphotericin-b")) {
            b.drug(c, Fixtures.KNOWLEDGE.drugs().byId(c).orElseThrow().label(), c);
        }
        List<Card> cards = render(b);
        Card alert = only(cards, "hypomag-alert");
        assertThat(alert.summary()).isEqualTo(
                "Moderate hypomagnesemia: Mg <=1.49 mg/dL on 2026-11-22; suggested MgSO4 125 mg IV over 1435 min");
        assertThat(only(cards, "hypomag-drug-cause").summary()).isEqualTo("6 magnesium-wasting drug classes active");
        assertThat(only(cards, "hypomag-could-not-check").summary())
                .isEqualTo("Magnesium check incomplete: 9 items could not be checked");
    }

    @Test
    void persistentHypocalcaemia_givesInfoCardWithTheFourGramOrderAsSuggestion() {
        AssessmentBuilder b = new AssessmentBuilder().mg("1.3", Grade.MODERATE, IndicatorLevel.WARNING);
        b.magnesium = null; // Mg back above 1.0 and not low in this case: only the D17 card
        b.alertIndicator = null;
        b.persistent = new org.hypomag.cds.clinical.PersistentHypocalcaemiaFinding("D17", new BigDecimal("1.8"),
                new BigDecimal("0.8"), Fixtures.at("Observation/mg-old", "2026-11-19T08:00:00Z"),
                AssessmentBuilder.electrolyte(Analyte.CALCIUM_TOTAL, "7.6", "mg/dL", "8.5", true),
                List.of(Fixtures.severeIv()), List.of(new Note("D17", TextKeys.D17_REPEAT)), IndicatorLevel.INFO);
        Card card = only(render(b), "hypomag-persistent-hypocalcemia");
        assertThat(card.indicator()).isEqualTo(IndicatorLevel.INFO);
        assertThat(card.summary()).isEqualTo(
                "Calcium still low (7.6 mg/dL) after severe hypomagnesemia: source repeats MgSO4 for 3-5 days");
        assertThat(card.detail()).contains("severe low of 0.8 mg/dL on 2026-11-19", "below 8.5 mg/dL");
        assertThat(card.selectionBehavior()).isEqualTo(SelectionBehavior.AT_MOST_ONE);
        assertThat(medication(card.suggestions().get(0)).getDosageInstructionFirstRep().getDoseAndRateFirstRep()
                .getDoseQuantity().getValue()).isEqualByComparingTo("4");
    }

    @Test
    void monitoringGap_givesInfoCardWithSerumMagnesiumOrder() {
        AssessmentBuilder b = new AssessmentBuilder();
        b.gap = new org.hypomag.cds.clinical.MonitoringGapFinding("D10", List.of("ppi"), List.of("omeprazole 20 MG"),
                null, IndicatorLevel.INFO);
        b.monitoring.add(baselineOrder());
        Card gap = only(render(b), "hypomag-monitoring-gap");
        assertThat(gap.indicator()).isEqualTo(IndicatorLevel.INFO);
        assertThat(gap.summary()).isEqualTo("No serum Mg in 365 days on Proton pump inhibitor: check magnesium");
        assertThat(gap.suggestions()).singleElement().satisfies(s -> assertThat(s.actions().get(0).resource())
                .contains("\"19123-9\"").contains("\"ServiceRequest\""));
        assertThat(gap.source().url()).contains("fda.gov");
        assertThat(gap.detail()).contains("FDA (2011)").contains("(none on record)");
    }

    /** D22: the assessment, not the renderer, decides which card carries the one serum Mg order. */
    @Test
    void monitoringGap_withoutTheAssessmentsOrder_carriesNoOrder() {
        AssessmentBuilder b = new AssessmentBuilder();
        b.gap = new org.hypomag.cds.clinical.MonitoringGapFinding("D10", List.of("thiazide-diuretic"),
                List.of("HCTZ 25 mg"), new org.hypomag.cds.clinical.SourceRef("Observation/1",
                java.time.Instant.parse("2016-03-02T08:00:00Z")), IndicatorLevel.INFO);
        Card gap = only(render(b), "hypomag-monitoring-gap");
        assertThat(gap.suggestions()).isEmpty();
        assertThat(gap.detail()).contains("urgent card").contains("(last result 2016-03-02)")
                .doesNotContain("FDA").doesNotContain("PPI").doesNotContain("on record");
        assertThat(gap.source().url()).isNull();
    }

    /** D22: the gap card's order label names the window and the last result's date, not "no magnesium on record". */
    @Test
    void monitoringGap_orderLabelDatesTheLastResult() {
        AssessmentBuilder b = new AssessmentBuilder();
        b.gap = new org.hypomag.cds.clinical.MonitoringGapFinding("D10", List.of("calcineurin-inhibitor"),
                List.of("tacrolimus 1 mg"), new org.hypomag.cds.clinical.SourceRef("Observation/1",
                java.time.Instant.parse("2016-03-02T08:00:00Z")), IndicatorLevel.INFO);
        b.monitoring.add(baselineOrder());
        Card gap = only(render(b), "hypomag-monitoring-gap");
        assertThat(gap.suggestions()).singleElement().satisfies(s -> assertThat(s.label())
                .isEqualTo("Serum magnesium: now, none in the last 365 days (last one 2016-03-02)"));
        assertThat(gap.detail()).contains("TRPM6").doesNotContain("FDA");
        assertThat(gap.source().url()).isNull();
    }

    private static org.hypomag.cds.clinical.MonitoringOrder baselineOrder() {
        return new org.hypomag.cds.clinical.MonitoringOrder("D10", org.hypomag.cds.clinical.MonitoringKind.MG_BASELINE,
                new org.hypomag.cds.clinical.Code("http://loinc.org", "19123-9", "Magnesium"), "Serum magnesium",
                null, null, "reason.baseline");
    }

    private static org.hypomag.cds.clinical.MgSulfateRegimen iv(org.hypomag.cds.clinical.MgSulfateRegimen r,
                                                                 boolean recommended) {
        return new org.hypomag.cds.clinical.MgSulfateRegimen(r.ruleId(), r.appliedRules(), r.labelKey(), recommended,
                r.onlyIfSymptomatic(), r.doseGrams(), r.doseMeq(), r.rangeLowGrams(), r.rangeHighGrams(),
                r.rangeLowMeq(), r.rangeHighMeq(), r.diluent(), r.alternativeDiluents(), r.volumeMl(),
                r.durationMinMinutes(), r.durationMaxMinutes(), r.durationMinutes(), r.route(), r.paediatric(),
                r.renalCut(), r.holdNextDoseUntilMgResult(), r.repeatTextKey(), r.recheckTextKey(),
                r.warningTextKeys());
    }
}
