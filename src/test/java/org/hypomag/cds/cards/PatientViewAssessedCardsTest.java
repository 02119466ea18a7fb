package org.hypomag.cds.cards;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.hl7.fhir.r4.model.MedicationRequest;
import org.hypomag.cds.clinical.Analyte;
import org.hypomag.cds.clinical.Assessor;
import org.hypomag.cds.clinical.Code;
import org.hypomag.cds.clinical.DataKey;
import org.hypomag.cds.clinical.IndicatorLevel;
import org.hypomag.cds.clinical.LabResult;
import org.hypomag.cds.clinical.MedicationStatus;
import org.hypomag.cds.clinical.MedicationUse;
import org.hypomag.cds.clinical.PatientSnapshot;
import org.hypomag.cds.clinical.ResultStatus;
import org.hypomag.cds.clinical.Sex;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The engine's Assessor on hand-built snapshots, then the renderer: the cards a clinician would see. */
class PatientViewAssessedCardsTest {

    private final PatientViewCardRenderer renderer =
            Renderers.patientView();

    @BeforeAll
    static void warmValidator() {
        FhirValidation.errors("{\"resourceType\":\"Basic\",\"code\":{\"text\":\"warm-up\"}}");
    }

    private static LabResult lab(Analyte analyte, String code, String value, String unit, String when) {
        return new LabResult(analyte, new Code(Fixtures.LOINC, code, null), new BigDecimal(value), null,
                value + " " + unit, ResultStatus.FINAL, Fixtures.at("Observation/" + code + "-" + when, when),
                null, null, null);
    }

    private static final class Patient {
        LocalDate birthDate = LocalDate.parse("1966-05-01");
        final List<LabResult> labs = new ArrayList<>(List.of(
                lab(Analyte.CREATININE, "2160-0", "0.9", "mg/dL", "2026-11-21T08:00:00Z"),
                lab(Analyte.WEIGHT, "29463-7", "72", "kg", "2026-11-20T08:00:00Z"),
                lab(Analyte.CALCIUM_TOTAL, "17861-6", "9.1", "mg/dL", "2026-11-22T08:00:00Z")));
        final List<MedicationUse> meds = new ArrayList<>();
        final java.util.EnumMap<DataKey, String> unknown = new java.util.EnumMap<>(DataKey.class);

        Patient mg(String mgDl) {
            labs.add(lab(Analyte.MAGNESIUM, "19123-9", mgDl, "mg/dL", "2026-11-22T08:00:00Z"));
            return this;
        }

        Patient potassium(String mmol) {
            labs.add(lab(Analyte.POTASSIUM, "2823-3", mmol, "mmol/L", "2026-11-22T08:00:00Z"));
            return this;
        }

        Patient ppi() {
            meds.add(new MedicationUse(List.of(new Code("http://www.nlm.nih.gov/research/umls/rxnorm", "40790", null)),
                    "pantoprazole 40 MG", MedicationStatus.ACTIVE, Fixtures.at("MedicationStatement/ppi",
                    "2025-01-01T00:00:00Z")));
            return this;
        }

        List<Card> cards(PatientViewCardRenderer renderer) {
            PatientSnapshot s = new PatientSnapshot("p1", birthDate, Sex.MALE, labs, meds, List.of(), List.of(),
                    Map.copyOf(unknown));
            return renderer.render(Assessor.assess(s, Fixtures.KNOWLEDGE, Fixtures.NOW), "p1");
        }
    }

    private static Card alert(List<Card> cards) {
        return cards.stream().filter(c -> c.source().topic().code().equals("hypomag-alert")).findFirst().orElseThrow();
    }

    @ParameterizedTest(name = "Mg {0} mg/dL, K {1} mmol/L -> {2}")
    @CsvSource({"0.8, 4.2, CRITICAL", "0.99, 4.2, CRITICAL", "1.0, 4.2, WARNING", "1.5, 4.2, WARNING",
            "1.6, 4.2, INFO", "1.6, 3.0, WARNING", "1.2, 3.0, CRITICAL", "0.8, 3.0, CRITICAL"})
    void alertIndicator_followsGradeAndRisesOneStepWithLowPotassium(String mg, String k, IndicatorLevel expected) {
        Card alert = alert(new Patient().mg(mg).potassium(k).cards(renderer));
        assertThat(alert.indicator()).isEqualTo(expected);
        assertThat(alert.summary()).contains("Mg " + mg + " mg/dL on 2026-11-22");
    }

    @Test
    void moderateAdult_getsCompleteValidIvOrderWithAtcCodeAndMonitoringCard() {
        List<Card> cards = new Patient().mg("1.2").potassium("4.2").cards(renderer);
        Card alert = alert(cards);
        assertThat(alert.selectionBehavior()).isEqualTo(SelectionBehavior.AT_MOST_ONE);
        assertThat(alert.suggestions()).isNotEmpty();
        assertThat(alert.suggestions().stream().filter(s -> Boolean.TRUE.equals(s.isRecommended()))).hasSize(1);
        for (Card c : cards) {
            for (Suggestion s : c.suggestions()) {
                assertThat(s.actions()).hasSize(1);
                assertThat(FhirValidation.errors(s.actions().get(0).resource())).isEmpty();
            }
        }
        MedicationRequest iv = alert.suggestions().stream().map(s -> s.actions().get(0).resource())
                .filter(r -> r.contains("B05XA05")).findFirst()
                .map(r -> FhirValidation.FHIR.newJsonParser().parseResource(MedicationRequest.class, r)).orElseThrow();
        assertThat(iv.getDosageInstructionFirstRep().getDoseAndRateFirstRep().getDoseQuantity().getValue())
                .isEqualByComparingTo("2");
        assertThat(iv.getDosageInstructionFirstRep().getRoute().getCodingFirstRep().getCode()).isEqualTo("47625008");
        assertThat(cards).extracting(c -> c.source().topic().code()).contains("hypomag-monitoring");
    }

    @Test
    void recentNormalMgOnPpi_givesNoCard() {
        assertThat(new Patient().mg("2.0").potassium("4.2").ppi().cards(renderer)).isEmpty();
    }

    @Test
    void lowMgOnPpi_givesAlertAndOneDrugCard() {
        List<Card> cards = new Patient().mg("1.2").potassium("4.2").ppi().cards(renderer);
        assertThat(cards).extracting(c -> c.source().topic().code()).contains("hypomag-alert", "hypomag-drug-cause");
        assertThat(cards).extracting(Card::indicator).isSortedAccordingTo((x, y) -> y.compareTo(x));
    }

    @Test
    void failedQueries_giveOneCouldNotCheckCardListingThemAll() {
        Patient p = new Patient().potassium("4.2");
        p.unknown.put(DataKey.MAGNESIUM, "FHIR server timed out");
        p.unknown.put(DataKey.MEDICATION_STATEMENTS, "query failed");
        List<Card> cards = p.cards(renderer);
        List<Card> cnc = cards.stream().filter(c -> c.source().topic().code().equals("hypomag-could-not-check")).toList();
        assertThat(cnc).singleElement().satisfies(c -> {
            assertThat(c.indicator()).isEqualTo(IndicatorLevel.INFO);
            assertThat(c.detail()).contains("magnesium: FHIR server timed out", "medication list: query failed");
        });
    }

    @Test
    void childWithoutWeight_getsAlertWithoutDose() {
        Patient p = new Patient().mg("0.9").potassium("4.2");
        p.birthDate = LocalDate.parse("2020-01-01");
        p.labs.removeIf(l -> l.analyte() == Analyte.WEIGHT);
        Card alert = alert(p.cards(renderer));
        assertThat(alert.suggestions()).isEmpty();
        assertThat(alert.summary()).endsWith("weight needed for a dose");
    }
}
