package org.hypomag.cds.cards;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;

import org.hl7.fhir.r4.model.Dosage;
import org.hl7.fhir.r4.model.MedicationRequest;
import org.hl7.fhir.r4.model.ServiceRequest;
import org.hl7.fhir.r4.model.Timing;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class SuggestedOrdersTest {

    private final OrderWording wording = new OrderWording(Fixtures.CARDS, Fixtures.TEXTS);
    private final SuggestedOrders orders = new SuggestedOrders(Fixtures.CARDS, wording);

    @BeforeAll
    static void warmValidator() {
        FhirValidation.errors("{\"resourceType\":\"Basic\",\"code\":{\"text\":\"warm-up\"}}");
    }

    private static MedicationRequest parse(String json) {
        return FhirValidation.FHIR.newJsonParser().parseResource(MedicationRequest.class, json);
    }

    @Test
    void moderateIvOrder_isTwoGramsAtcCodedIvOverTwelveHoursAsDraftOrder() {
        String json = orders.iv("p1", Fixtures.moderateIv(), "Moderate hypomagnesemia");
        MedicationRequest mr = parse(json);

        assertThat(mr.getStatus()).isEqualTo(MedicationRequest.MedicationRequestStatus.DRAFT);
        assertThat(mr.getIntent()).isEqualTo(MedicationRequest.MedicationRequestIntent.ORDER);
        assertThat(mr.getSubject().getReference()).isEqualTo("Patient/p1");
        assertThat(mr.getMedicationCodeableConcept().getCoding()).singleElement().satisfies(c -> {
            assertThat(c.getSystem()).isEqualTo("http://www.whocc.no/atc");
            assertThat(c.getCode()).isEqualTo("B05XA05");
        });
        assertThat(json).doesNotContain("rxnorm").doesNotContain("6585");
        assertThat(mr.getMedicationCodeableConcept().getText())
                .isEqualTo("Magnesium sulfate 2 g (16.2 mEq) in D5W IV over 12 h");
        Dosage d = mr.getDosageInstructionFirstRep();
        assertThat(d.getRoute().getCodingFirstRep().getCode()).isEqualTo("47625008");
        assertThat(d.getRoute().getCodingFirstRep().getSystem()).isEqualTo("http://snomed.info/sct");
        assertThat(d.getDoseAndRateFirstRep().getDoseQuantity().getValue()).isEqualByComparingTo("2");
        assertThat(d.getDoseAndRateFirstRep().getDoseQuantity().getCode()).isEqualTo("g");
        assertThat(d.getDoseAndRateFirstRep().getDoseQuantity().getSystem()).isEqualTo("http://unitsofmeasure.org");
        assertThat(d.getTiming().getRepeat().getCount()).isEqualTo(1);
        assertThat(d.getTiming().getRepeat().getDuration()).isEqualByComparingTo("12");
        assertThat(d.getTiming().getRepeat().getDurationUnit()).isEqualTo(Timing.UnitsOfTime.H);
        assertThat(d.getText()).contains("2 g (16.2 mEq)", "D5W", "Range for this regimen: 2 to 4 g (16.2 to 32.5 mEq)",
                "over 4 to 12 h", "Check serum Mg 6-12 h after the infusion ends");
        assertThat(FhirValidation.errors(json)).isEmpty();
    }

    @Test
    void exactRateIsGiven_roundedRateIsNot() {
        Dosage sixHour = parse(orders.iv("p1", Fixtures.iv("T-HOSP-IV-MOD", "l", true, "2", "2", "4", 240, 240), null))
                .getDosageInstructionFirstRep();
        assertThat(sixHour.getDoseAndRateFirstRep().getRateQuantity().getValue()).isEqualByComparingTo("0.5");
        assertThat(sixHour.getDoseAndRateFirstRep().getRateQuantity().getCode()).isEqualTo("g/h");
        Dosage twelveHour = parse(orders.iv("p1", Fixtures.severeIv(), null)).getDosageInstructionFirstRep();
        assertThat(twelveHour.getDoseAndRateFirstRep().getDoseQuantity().getValue()).isEqualByComparingTo("4");
        assertThat(twelveHour.getDoseAndRateFirstRep().hasRate()).isFalse(); // 4 g / 24 h = 0.1666..
    }

    @Test
    void loadingDoseInMinutes_isLabelledOnlyIfSymptomaticWithVolume() {
        String json = orders.iv("p1", Fixtures.loadingIfSymptomatic(), null);
        MedicationRequest mr = parse(json);
        assertThat(mr.getMedicationCodeableConcept().getText())
                .isEqualTo("Only if symptomatic: Magnesium sulfate 1 g (8.1 mEq) in 50 mL D5W IV over 1 h");
        Timing.TimingRepeatComponent repeat = mr.getDosageInstructionFirstRep().getTiming().getRepeat();
        assertThat(repeat.getDuration()).isEqualByComparingTo("1");
        assertThat(repeat.getDurationUnit()).isEqualTo(Timing.UnitsOfTime.H);
        assertThat(FhirValidation.errors(json)).isEmpty();
    }

    @Test
    void childOrder_givesGramsInDoseQuantityAndMgPerKgWithWeightInText() {
        String json = orders.iv("p2", Fixtures.childSevere(Fixtures.at("Observation/w1", "2026-11-20T08:00:00Z")), null);
        MedicationRequest mr = parse(json);
        Dosage d = mr.getDosageInstructionFirstRep();
        assertThat(d.getDoseAndRateFirstRep().getDoseQuantity().getValue()).isEqualByComparingTo("0.31");
        assertThat(d.getMaxDosePerAdministration().getValue()).isEqualByComparingTo(new BigDecimal("2"));
        assertThat(d.getText()).contains("25 mg/kg x 12.4 kg (weight of 2026-11-20) = 310 mg", "at most 2 g per dose");
        assertThat(d.getText()).as("a child's dose in mg, never 0.31 g or 0.625 g").doesNotContain("0.31 g");
        assertThat(mr.getMedicationCodeableConcept().getText()).endsWith("(25 mg/kg x 12.4 kg)");
        assertThat(FhirValidation.errors(json)).isEmpty();
    }

    @Test
    void renalCutOrder_carriesHoldAndHypermagnesemiaTexts() {
        String json = orders.iv("p1", Fixtures.renalCutModerate(), null);
        assertThat(parse(json).getDosageInstructionFirstRep().getText())
                .contains("1 g (8.1 mEq)", "risk of severe hypermagnesemia");
        assertThat(FhirValidation.errors(json)).isEmpty();
    }

    @Test
    void oralOrder_isTextOnlyWithElementalRangeAndNoTabletCount() {
        String json = orders.oral("p1", Fixtures.oral(true), "Mild hypomagnesemia");
        MedicationRequest mr = parse(json);
        assertThat(mr.getMedicationCodeableConcept().hasCoding()).isFalse();
        Dosage d = mr.getDosageInstructionFirstRep();
        assertThat(d.hasDoseAndRate()).isFalse();
        assertThat(d.getText()).contains("240 mg elemental per day in 2 to 4 divided doses",
                "range 240 to 1000 mg elemental").doesNotContainIgnoringCase("tablet");
        assertThat(d.getRoute().getCodingFirstRep().getCode()).isEqualTo("26643006");
        assertThat(FhirValidation.errors(json)).isEmpty();
    }

    @Test
    void labOrders_areLoincCodedDraftServiceRequestsWithTiming() {
        String json = orders.lab("p1", Fixtures.mgAfterInfusion(), "After magnesium sulfate");
        ServiceRequest sr = FhirValidation.FHIR.newJsonParser().parseResource(ServiceRequest.class, json);
        assertThat(sr.getStatus()).isEqualTo(ServiceRequest.ServiceRequestStatus.DRAFT);
        assertThat(sr.getIntent()).isEqualTo(ServiceRequest.ServiceRequestIntent.ORDER);
        assertThat(sr.getCode().getCodingFirstRep().getSystem()).isEqualTo("http://loinc.org");
        assertThat(sr.getCode().getCodingFirstRep().getCode()).isEqualTo("19123-9");
        assertThat(sr.getNoteFirstRep().getText()).contains("6 to 12 h after the magnesium infusion ends");
        assertThat(FhirValidation.errors(json)).isEmpty();
        for (var o : java.util.List.of(Fixtures.potassium(), Fixtures.calcium(), Fixtures.creatinine())) {
            assertThat(FhirValidation.errors(orders.lab("p1", o, null))).isEmpty();
        }
    }
}
