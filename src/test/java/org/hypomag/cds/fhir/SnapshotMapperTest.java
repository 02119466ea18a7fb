package org.hypomag.cds.fhir;

import org.hypomag.cds.knowledge.KnowledgeLoader;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import ca.uhn.fhir.context.FhirContext;
import org.hypomag.cds.clinical.Analyte;
import org.hypomag.cds.clinical.Code;
import org.hypomag.cds.clinical.DataKey;
import org.hypomag.cds.clinical.DraftOrder;
import org.hypomag.cds.clinical.LabResult;
import org.hypomag.cds.clinical.MedicationStatus;
import org.hypomag.cds.clinical.PatientSnapshot;
import org.hypomag.cds.clinical.ResultStatus;
import org.hypomag.cds.clinical.Sex;
import org.hypomag.cds.clinical.ValueComparator;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class SnapshotMapperTest {

    static final FhirContext CTX = FhirContext.forR4Cached();
    static final String RXNORM = "http://www.nlm.nih.gov/research/umls/rxnorm";
    static final String SNOMED = "http://snomed.info/sct";
    static SnapshotMapper mapper;

    @BeforeAll
    static void setUp() {
        ParserWarmup.warm(CTX);
        mapper = new SnapshotMapper(CTX, TestKnowledge.labCodes(), KnowledgeLoader.loadDefault().units());
    }

    static FhirResource parse(String json) {
        return FhirResource.of(tree(json), null);
    }

    static JsonNode tree(String json) {
        return FhirJson.MAPPER.readTree(json);
    }

    static PatientData data(DataKey key, String... resources) {
        List<FhirResource> list = new ArrayList<>();
        for (String r : resources) {
            list.add(parse(r));
        }
        return new PatientData(Map.of(key, new KeyResult.Present(list, null)), List.of());
    }

    static PatientSnapshot snapshot(PatientData data) {
        return mapper.toSnapshot("p1", data, null, List.of(), false);
    }

    static LabResult onlyLab(String observation) {
        List<LabResult> labs = snapshot(data(DataKey.MAGNESIUM, observation)).labs();
        assertThat(labs).hasSize(1);
        return labs.get(0);
    }

    static String obs(String id, String loinc, String status, String value) {
        return """
                {"resourceType":"Observation","id":"%s","status":"%s","category":[{"coding":[{"system":
                 "http://terminology.hl7.org/CodeSystem/observation-category","code":"laboratory"}]}],
                 "code":{"coding":[{"system":"http://loinc.org","code":"%s"}],"text":"lab"},
                 "subject":{"reference":"Patient/p1"},"effectiveDateTime":"2026-11-20T08:15:00+01:00",
                 "issued":"2026-11-20T10:00:00Z"%s}""".formatted(id, status, loinc, value);
    }

    @Test
    void magnesiumInMgPerDlWithUcum_keepsValueTimeSourceAndRange() {
        LabResult mg = onlyLab(obs("mg1", "19123-9", "final", """
                ,"valueQuantity":{"value":1.1,"unit":"mg/dL","system":"http://unitsofmeasure.org","code":"mg/dL"},
                 "referenceRange":[{"low":{"value":1.7,"unit":"mg/dL","system":"http://unitsofmeasure.org",
                 "code":"mg/dL"},"high":{"value":0.99,"unit":"mmol/L","system":"http://unitsofmeasure.org",
                 "code":"mmol/L"}}]"""));

        assertThat(mg.analyte()).isEqualTo(Analyte.MAGNESIUM);
        assertThat(mg.code()).isEqualTo(new Code("http://loinc.org", "19123-9", null));
        assertThat(mg.value()).isEqualByComparingTo("1.1");
        assertThat(mg.reported()).isEqualTo("1.1 mg/dL");
        assertThat(mg.status()).isEqualTo(ResultStatus.FINAL);
        assertThat(mg.source().reference()).isEqualTo("Observation/mg1");
        assertThat(mg.source().time()).isEqualTo(Instant.parse("2026-11-20T07:15:00Z"));
        assertThat(mg.refLow()).isEqualByComparingTo("1.7");
        assertThat(mg.refHigh().doubleValue()).isCloseTo(2.41, within(0.01));
        assertThat(mg.problem()).isNull();
    }

    @Test
    void magnesiumInMmolPerLWithoutSystem_isConvertedWithD1Factor() {
        LabResult mg = onlyLab(obs("mg2", "2601-3", "final", """
                ,"valueQuantity":{"value":0.45,"unit":"mmol/L"}"""));

        assertThat(mg.value().doubleValue()).isCloseTo(1.09, within(0.01));
        assertThat(mg.reported()).isEqualTo("0.45 mmol/L");
    }

    @Test
    void magnesiumInMeqPerL_usesTheValenceNotUcumsOneToOne() {
        LabResult lower = onlyLab(obs("mg3", "2601-3", "final", """
                ,"valueQuantity":{"value":1.4,"unit":"mEq/L"}"""));
        LabResult ucum = onlyLab(obs("mg4", "2601-3", "final", """
                ,"valueQuantity":{"value":1.4,"unit":"mEq/L","system":"http://unitsofmeasure.org","code":"meq/L"}"""));

        assertThat(lower.value().doubleValue()).isCloseTo(1.701, within(0.001));
        assertThat(ucum.value().doubleValue()).isCloseTo(1.701, within(0.001));
    }

    @Test
    void magnesiumMassUnitUnderTheMolarLoinc_isReadByUnitNotByCode() {
        LabResult mg = onlyLab(obs("mg5", "2601-3", "final", """
                ,"valueQuantity":{"value":1.2,"unit":"mg/dl"}"""));

        assertThat(mg.value()).isEqualByComparingTo("1.2");
    }

    @Test
    void lessThanComparator_keepsTheBoundAndTheComparator() {
        LabResult mg = onlyLab(obs("mg6", "19123-9", "final", """
                ,"valueQuantity":{"value":0.5,"comparator":"<","unit":"mg/dL","system":"http://unitsofmeasure.org",
                 "code":"mg/dL"}"""));

        assertThat(mg.comparator()).isEqualTo(ValueComparator.LESS_THAN);
        assertThat(mg.value()).isEqualByComparingTo("0.5");
        assertThat(mg.reported()).isEqualTo("<0.5 mg/dL");
    }

    @Test
    void dataAbsentReason_givesNoValueAndSaysWhy() {
        LabResult mg = onlyLab(obs("mg7", "19123-9", "final", """
                ,"dataAbsentReason":{"coding":[{"system":"http://terminology.hl7.org/CodeSystem/data-absent-reason",
                 "code":"error","display":"Error"}]}"""));

        assertThat(mg.hasValue()).isFalse();
        assertThat(mg.problem()).isEqualTo("data absent: Error");
    }

    @Test
    void missingValue_andUnknownUnit_giveNoValueWithAProblem() {
        LabResult none = onlyLab(obs("mg8", "19123-9", "final", ""));
        LabResult odd = onlyLab(obs("mg9", "19123-9", "final", """
                ,"valueQuantity":{"value":1.1,"unit":"mg/furlong"}"""));

        assertThat(none.value()).isNull();
        assertThat(none.problem()).isEqualTo("no value");
        assertThat(odd.value()).isNull();
        assertThat(odd.problem()).isEqualTo("unit 'mg/furlong' not recognised");
    }

    @Test
    void enteredInError_isKeptWithItsStatus() {
        LabResult mg = onlyLab(obs("mg10", "19123-9", "entered-in-error", """
                ,"valueQuantity":{"value":0.6,"unit":"mg/dL"}"""));

        assertThat(mg.status()).isEqualTo(ResultStatus.ENTERED_IN_ERROR);
        assertThat(mg.value()).isEqualByComparingTo("0.6");
    }

    @Test
    void rbcMagnesium_urineMagnesium_andUnknownCodes_areDropped() {
        PatientSnapshot s = snapshot(data(DataKey.MAGNESIUM,
                obs("rbc", "2597-3", "final", ",\"valueQuantity\":{\"value\":1.0,\"unit\":\"mmol/L\"}"),
                obs("urine", "2598-1", "final", ",\"valueQuantity\":{\"value\":1.0,\"unit\":\"mmol/L\"}"),
                obs("other", "1234-5", "final", ",\"valueQuantity\":{\"value\":1.0,\"unit\":\"mg/dL\"}")));

        assertThat(s.labs()).isEmpty();
    }

    @Test
    void creatinineInMicromolPerL_isConvertedToMgPerDl() {
        LabResult cr = snapshot(data(DataKey.RENAL, obs("cr", "14682-9", "final", """
                ,"valueQuantity":{"value":122,"unit":"µmol/L"}"""))).labs().get(0);

        assertThat(cr.analyte()).isEqualTo(Analyte.CREATININE);
        assertThat(cr.value().doubleValue()).isCloseTo(1.38, within(0.01));
    }

    @Test
    void weightInAvoirdupoisPounds_isConvertedToKg_periodStartIsTheTime() {
        String weight = """
                {"resourceType":"Observation","id":"example","status":"final",
                 "code":{"coding":[{"system":"http://loinc.org","code":"29463-7","display":"Body Weight"},
                  {"system":"http://loinc.org","code":"3141-9"},{"system":"http://snomed.info/sct","code":"27113001"}]},
                 "effectivePeriod":{"start":"2016-03-28"},
                 "valueQuantity":{"value":185,"unit":"lbs","system":"http://unitsofmeasure.org","code":"[lb_av]"}}""";

        LabResult w = snapshot(data(DataKey.WEIGHT, weight)).labs().get(0);

        assertThat(w.analyte()).isEqualTo(Analyte.WEIGHT);
        assertThat(w.value().doubleValue()).isCloseTo(83.9, within(0.05));
        assertThat(w.source().time()).isEqualTo(Instant.parse("2016-03-28T00:00:00Z"));
    }

    @Test
    void egfrInPlainMlPerMin_andPotassiumInMeq_areAccepted_issuedIsTheFallbackTime() {
        String egfr = """
                {"resourceType":"Observation","id":"gfr","status":"final","issued":"2026-11-19T06:00:00Z",
                 "code":{"coding":[{"system":"http://loinc.org","code":"98979-8"}]},
                 "valueQuantity":{"value":42,"unit":"mL/min"}}""";
        PatientSnapshot s = snapshot(data(DataKey.RENAL, egfr,
                obs("k", "2823-3", "final", ",\"valueQuantity\":{\"value\":3.1,\"unit\":\"meq/L\"}")));

        assertThat(s.labs(Analyte.EGFR).get(0).value()).isEqualByComparingTo("42");
        assertThat(s.labs(Analyte.EGFR).get(0).source().time()).isEqualTo(Instant.parse("2026-11-19T06:00:00Z"));
        assertThat(s.labs(Analyte.POTASSIUM).get(0).value()).isEqualByComparingTo("3.1");
    }

    @Test
    void patient_birthDateAndGender() {
        PatientSnapshot s = snapshot(data(DataKey.PATIENT, Fhir.patient("p1")));

        assertThat(s.birthDate()).isEqualTo(LocalDate.of(1950, 3, 4));
        assertThat(s.sex()).isEqualTo(Sex.FEMALE);
    }

    @Test
    void patient_deceasedBooleanOrDateTime_isMapped_falseOrAbsentIsAlive() {
        String base = "{\"resourceType\":\"Patient\",\"id\":\"p1\",\"birthDate\":\"1950-03-04\"%s}";
        assertThat(snapshot(data(DataKey.PATIENT, base.formatted(",\"deceasedBoolean\":true"))).deceased()).isTrue();
        assertThat(snapshot(data(DataKey.PATIENT, base.formatted(",\"deceasedDateTime\":\"2024-02-01T10:00:00Z\"")))
                .deceased()).isTrue();
        assertThat(snapshot(data(DataKey.PATIENT, base.formatted(",\"deceasedBoolean\":false"))).deceased()).isFalse();
        assertThat(snapshot(data(DataKey.PATIENT, base.formatted(""))).deceased()).isFalse();
    }

    @Test
    void condition_encounterReferenceAndOnsetOrRecordedDate_areMapped_andTheContextEncounterIsKept() {
        String c = """
                {"resourceType":"Condition","id":"c1","clinicalStatus":{"coding":[{"code":"active"}]},
                 "code":{"text":"Torsades de pointes"},"subject":{"reference":"Patient/p1"},
                 "encounter":{"reference":"Encounter/enc-9"},"recordedDate":"2026-11-20T10:00:00Z"}""";
        PatientSnapshot s = mapper.toSnapshot("p1", "Encounter/enc-9", data(DataKey.CONDITIONS, c), null, List.of(),
                false);
        assertThat(s.encounterId()).isEqualTo("enc-9");
        String absolute = c.replace("\"Encounter/enc-9\"", "\"https://ehr.example.org/fhir/Encounter/enc-9/_history/3\"");
        assertThat(mapper.toSnapshot("p1", "enc-9", data(DataKey.CONDITIONS, absolute), null, List.of(), false)
                .conditions().get(0).ofEncounter("enc-9")).isTrue();
        assertThat(s.conditions()).singleElement().satisfies(e -> {
            assertThat(e.encounter()).isEqualTo("enc-9");
            assertThat(e.ofEncounter("enc-9")).isTrue();
            assertThat(e.onsetKnown()).isFalse();
            assertThat(e.source().time()).isEqualTo(Instant.parse("2026-11-20T10:00:00Z"));
        });
    }

    @Test
    void chlorthalidoneCodedInSnomedOnly_isAnActiveMedicationUse() {
        String rx = """
                {"resourceType":"MedicationRequest","id":"rx-chl","status":"active","intent":"order",
                 "medicationCodeableConcept":{"coding":[{"system":"http://snomed.info/sct","code":"317935006",
                  "display":"Chlorthalidone 50mg tablet (product)"}]},
                 "subject":{"reference":"Patient/p1"},"authoredOn":"2015-01-15"}""";

        var use = snapshot(data(DataKey.MEDICATION_REQUESTS, rx)).medications().get(0);

        assertThat(use.codes()).extracting(Code::system, Code::code).containsExactly(
                org.assertj.core.groups.Tuple.tuple(SNOMED, "317935006"));
        assertThat(use.text()).isEqualTo("Chlorthalidone 50mg tablet (product)");
        assertThat(use.status()).isEqualTo(MedicationStatus.ACTIVE);
        assertThat(use.source().reference()).isEqualTo("MedicationRequest/rx-chl");
        assertThat(use.source().time()).isEqualTo(Instant.parse("2015-01-15T00:00:00Z"));
    }

    @Test
    void cisplatinInAContainedMedication_isResolvedWithItsIngredients() {
        String statement = """
                {"resourceType":"MedicationStatement","id":"ms-cis","status":"active",
                 "contained":[{"resourceType":"Medication","id":"med0301","code":{"coding":[{"system":
                  "http://snomed.info/sct","code":"57066004","display":"Cisplatin (product)"}]},
                  "ingredient":[{"itemCodeableConcept":{"coding":[{"system":"http://www.nlm.nih.gov/research/umls/rxnorm",
                  "code":"2555"}]}}]}],
                 "medicationReference":{"reference":"#med0301"},
                 "subject":{"reference":"Patient/p1"},"effectivePeriod":{"start":"2026-10-01T09:00:00Z"},
                 "dateAsserted":"2026-10-02"}""";

        var use = snapshot(data(DataKey.MEDICATION_STATEMENTS, statement)).medications().get(0);

        assertThat(use.codes()).extracting(Code::code).containsExactly("57066004", "2555");
        assertThat(use.text()).isEqualTo("Cisplatin (product)");
        assertThat(use.source().time()).isEqualTo(Instant.parse("2026-10-01T09:00:00Z"));
    }

    /** D22: stopped/completed requests keep their dates; the validity period gives the end. */
    @Test
    void stoppedRequestWithValidityPeriod_keepsStartAndEnd() {
        String rx = """
                {"resourceType":"MedicationRequest","id":"rx-old","status":"stopped","intent":"order",
                 "medicationCodeableConcept":{"coding":[{"system":"http://www.nlm.nih.gov/research/umls/rxnorm",
                  "code":"310798"}],"text":"HCTZ 25 mg"},
                 "subject":{"reference":"Patient/p1"},"authoredOn":"2016-02-01",
                 "dispenseRequest":{"validityPeriod":{"start":"2016-02-01","end":"2017-02-01"}}}""";
        String noAuthored = """
                {"resourceType":"MedicationRequest","id":"rx-va","status":"completed","intent":"order",
                 "medicationCodeableConcept":{"text":"HCTZ 25 mg"},"subject":{"reference":"Patient/p1"},
                 "dispenseRequest":{"validityPeriod":{"start":"2017-02-10"}}}""";

        var meds = snapshot(new PatientData(Map.of(DataKey.MEDICATION_REQUESTS,
                new KeyResult.Present(List.of(parse(rx), parse(noAuthored)), null)), List.of())).medications();

        assertThat(meds.get(0).status()).isEqualTo(MedicationStatus.STOPPED);
        assertThat(meds.get(0).start()).isEqualTo(Instant.parse("2016-02-01T00:00:00Z"));
        assertThat(meds.get(0).end()).isEqualTo(Instant.parse("2017-02-01T00:00:00Z"));
        assertThat(meds.get(0).origin()).isEqualTo(org.hypomag.cds.clinical.MedicationOrigin.REQUEST);
        assertThat(meds.get(1).status()).isEqualTo(MedicationStatus.COMPLETED);
        assertThat(meds.get(1).start()).isEqualTo(Instant.parse("2017-02-10T00:00:00Z"));
        assertThat(meds.get(1).end()).isNull();
    }

    @Test
    void completedStatementWithEffectivePeriod_keepsItsEnd() {
        String statement = """
                {"resourceType":"MedicationStatement","id":"ms-old","status":"completed",
                 "medicationCodeableConcept":{"text":"omeprazole 20 mg"},"subject":{"reference":"Patient/p1"},
                 "effectivePeriod":{"start":"2025-01-01","end":"2025-06-30"}}""";

        var use = snapshot(data(DataKey.MEDICATION_STATEMENTS, statement)).medications().get(0);

        assertThat(use.status()).isEqualTo(MedicationStatus.COMPLETED);
        assertThat(use.start()).isEqualTo(Instant.parse("2025-01-01T00:00:00Z"));
        assertThat(use.end()).isEqualTo(Instant.parse("2025-06-30T00:00:00Z"));
        assertThat(use.origin()).isEqualTo(org.hypomag.cds.clinical.MedicationOrigin.STATEMENT);
    }

    /** Issue 18.7: administrations with a contained Medication, an included Medication, or a concept. */
    @Test
    void medicationAdministrations_areMappedWithMedicationAndEffectiveTime() {
        String contained = """
                {"resourceType":"MedicationAdministration","id":"ma-cis","status":"completed",
                 "contained":[{"resourceType":"Medication","id":"m1","code":{"text":"Cisplatin 1 MG/ML"},
                  "ingredient":[{"itemCodeableConcept":{"coding":[{"system":
                  "http://www.nlm.nih.gov/research/umls/rxnorm","code":"2555"}]}}]}],
                 "medicationReference":{"reference":"#m1"},"subject":{"reference":"Patient/p1"},
                 "effectivePeriod":{"start":"2026-10-01T09:00:00Z","end":"2026-10-01T11:00:00Z"}}""";
        String included = """
                {"resourceType":"MedicationAdministration","id":"ma-furo","status":"in-progress",
                 "medicationReference":{"reference":"Medication/furo"},"subject":{"reference":"Patient/p1"},
                 "effectiveDateTime":"2026-11-20T08:00:00Z"}""";
        String notDone = """
                {"resourceType":"MedicationAdministration","id":"ma-nd","status":"not-done",
                 "medicationCodeableConcept":{"coding":[{"system":"http://www.nlm.nih.gov/research/umls/rxnorm",
                  "code":"42316"}],"text":"tacrolimus"},"subject":{"reference":"Patient/p1"},
                 "effectiveDateTime":"2026-11-21T08:00:00Z"}""";
        String med = """
                {"resourceType":"Medication","id":"furo","code":{"coding":[{"system":
                 "http://www.nlm.nih.gov/research/umls/rxnorm","code":"4603"}],"text":"furosemide 10 MG/ML"}}""";
        PatientData data = new PatientData(Map.of(DataKey.MEDICATION_ADMINISTRATIONS,
                new KeyResult.Present(List.of(parse(contained), parse(included), parse(notDone)), null)),
                List.of(parse(med)));

        var meds = snapshot(data).medications();

        assertThat(meds).extracting(m -> m.source().reference()).containsExactly(
                "MedicationAdministration/ma-cis", "MedicationAdministration/ma-furo", "MedicationAdministration/ma-nd");
        assertThat(meds).allSatisfy(m -> assertThat(m.origin())
                .isEqualTo(org.hypomag.cds.clinical.MedicationOrigin.ADMINISTRATION));
        assertThat(meds.get(0).codes()).extracting(Code::code).containsExactly("2555");
        assertThat(meds.get(0).status()).isEqualTo(MedicationStatus.COMPLETED);
        assertThat(meds.get(0).start()).isEqualTo(Instant.parse("2026-10-01T09:00:00Z"));
        assertThat(meds.get(0).end()).isEqualTo(Instant.parse("2026-10-01T11:00:00Z"));
        assertThat(meds.get(1).codes()).extracting(Code::code).containsExactly("4603");
        assertThat(meds.get(1).status()).isEqualTo(MedicationStatus.ACTIVE);
        assertThat(meds.get(1).end()).isEqualTo(Instant.parse("2026-11-20T08:00:00Z"));
        assertThat(meds.get(2).status()).isEqualTo(MedicationStatus.NOT_TAKEN);
    }

    /** Newest first and one bounded page: an administration list with a next page is not "unknown". */
    @Test
    void incompleteAdministrationPage_isNotUnknown() {
        Map<DataKey, KeyResult> results = new java.util.EnumMap<>(DataKey.class);
        results.put(DataKey.MEDICATION_ADMINISTRATIONS, new KeyResult.Present(List.of(), "a later page not read"));
        assertThat(snapshot(new PatientData(results, List.of())).unknown()).isEmpty();
    }

    @Test
    void medicationReferenceToAnIncludedMedication_isResolved_statusFolded() {
        String rx = """
                {"resourceType":"MedicationRequest","id":"rx1","status":"on-hold","intent":"order",
                 "medicationReference":{"reference":"Medication/med1"},"subject":{"reference":"Patient/p1"}}""";
        String med = """
                {"resourceType":"Medication","id":"med1","code":{"coding":[{"system":
                 "http://www.nlm.nih.gov/research/umls/rxnorm","code":"314200"}],"text":"pantoprazole 40 MG"}}""";
        PatientData data = new PatientData(Map.of(DataKey.MEDICATION_REQUESTS,
                new KeyResult.Present(List.of(parse(rx)), null)), List.of(parse(med)));

        var use = snapshot(data).medications().get(0);

        assertThat(use.codes()).extracting(Code::code).containsExactly("314200");
        assertThat(use.status()).isEqualTo(MedicationStatus.ON_HOLD);
    }

    @Test
    void medicationReferenceByTheBundlesFullUrl_isResolved() {
        String rx = """
                {"resourceType":"MedicationRequest","id":"rx2","status":"active","intent":"order",
                 "medicationReference":{"reference":"urn:uuid:5b7c1f0e-0000-4000-8000-000000000001"}}""";
        String med = """
                {"resourceType":"Medication","id":"m-local","code":{"coding":[{"system":
                 "http://www.nlm.nih.gov/research/umls/rxnorm","code":"4603"}],"text":"furosemide"}}""";
        PatientData data = new PatientData(Map.of(DataKey.MEDICATION_REQUESTS,
                new KeyResult.Present(List.of(parse(rx)), null)),
                List.of(FhirResource.of(tree(med), "urn:uuid:5b7c1f0e-0000-4000-8000-000000000001")));

        var use = snapshot(data).medications().get(0);

        assertThat(use.codes()).extracting(Code::code).containsExactly("4603");
        assertThat(use.text()).isEqualTo("furosemide");
    }

    @Test
    void decimalsAreExact_andANumberWrittenAsTextIsRead() {
        LabResult exact = snapshot(data(DataKey.MAGNESIUM, Fhir.mg("e1", "0.70", "mmol/L"))).labs().get(0);
        LabResult text = snapshot(data(DataKey.MAGNESIUM, Fhir.mg("t1", "\"1.3\"", "mg/dL"))).labs().get(0);

        assertThat(exact.reported()).isEqualTo("0.70 mmol/L");
        assertThat(text.value()).isEqualByComparingTo("1.3");
        assertThat(text.problem()).isNull();
    }

    @Test
    void anElementWithTheWrongStructure_makesItsKeyUnknown_neverSilentlyEmpty() {
        String badCode = """
                {"resourceType":"Observation","id":"x1","status":"final","code":"19123-9",
                 "valueQuantity":{"value":0.9,"unit":"mg/dL"}}""";
        String badValue = """
                {"resourceType":"Observation","id":"x2","status":"final",
                 "code":{"coding":[{"system":"http://loinc.org","code":"19123-9"}]},"valueQuantity":[0.9]}""";

        for (String bad : List.of(badCode, badValue)) {
            PatientSnapshot s = snapshot(data(DataKey.MAGNESIUM, Fhir.mg("ok", "1.9", "mg/dL"), bad));

            assertThat(s.unknown()).containsKey(DataKey.MAGNESIUM);
            assertThat(s.unknown().get(DataKey.MAGNESIUM)).isEqualTo("magnesium: a Observation could not be read");
        }
    }

    @Test
    void rxnormWrittenAsEpicsOid_isReadAsTheRxnormUri() {
        String rx = """
                {"resourceType":"MedicationRequest","id":"rx-epic","status":"active","intent":"order",
                 "medicationCodeableConcept":{"coding":[{"system":"urn:oid:2.16.840.1.113883.6.88","code":"40790"}],
                  "text":"pantoprazole"}}""";

        var use = snapshot(data(DataKey.MEDICATION_REQUESTS, rx)).medications().get(0);

        assertThat(use.codes()).singleElement().satisfies(c -> assertThat(c.is(RXNORM, "40790")).isTrue());
    }

    @Test
    void conditions_activeRefutedResolvedAndEncounterDiagnosis() {
        String base = """
                {"resourceType":"Condition","id":"%s",%s"code":{"coding":[{"system":"http://snomed.info/sct",
                 "code":"91175000","display":"Seizure"}]},"subject":{"reference":"Patient/p1"},
                 "recordedDate":"2026-11-20"}""";
        String cat = "\"category\":[{\"coding\":[{\"system\":\"http://terminology.hl7.org/CodeSystem/"
                + "condition-category\",\"code\":\"encounter-diagnosis\"}]}],";
        String active = "\"clinicalStatus\":{\"coding\":[{\"code\":\"active\"}]},";
        PatientSnapshot s = snapshot(data(DataKey.CONDITIONS,
                base.formatted("c1", active + cat),
                base.formatted("c2", active + "\"verificationStatus\":{\"coding\":[{\"code\":\"refuted\"}]},"),
                base.formatted("c3", "\"clinicalStatus\":{\"coding\":[{\"code\":\"resolved\"}]},"),
                base.formatted("c4", "")));

        assertThat(s.conditions()).extracting(c -> c.source().reference() + ":" + c.active() + ":"
                + c.encounterDiagnosis()).containsExactly("Condition/c1:true:true", "Condition/c2:false:false",
                "Condition/c3:false:false", "Condition/c4:true:false");
        assertThat(s.conditions().get(0).text()).isEqualTo("Seizure");
    }

    @Test
    void unknownKeys_andIncompleteMedicationLists_areReported_incompleteLabsAreNot() {
        Map<DataKey, KeyResult> results = new EnumMap<>(DataKey.class);
        results.put(DataKey.MAGNESIUM, new KeyResult.Unknown("magnesium: FHIR server answered 500"));
        results.put(DataKey.POTASSIUM, new KeyResult.Present(List.of(), "more than 5 pages; the first 5 were read"));
        results.put(DataKey.MEDICATION_REQUESTS, new KeyResult.Present(List.of(),
                "more than 5 pages; the first 5 were read"));

        PatientSnapshot s = snapshot(new PatientData(results, List.of()));

        assertThat(s.unknown()).containsOnly(
                Map.entry(DataKey.MAGNESIUM, "magnesium: FHIR server answered 500"),
                Map.entry(DataKey.MEDICATION_REQUESTS,
                        "medicationRequests: incomplete, more than 5 pages; the first 5 were read"));
    }

    static JsonNode draftOrders(String fixture) throws IOException {
        try (InputStream in = SnapshotMapperTest.class.getResourceAsStream("/fixtures/sandbox/" + fixture)) {
            JsonNode root = FhirJson.MAPPER.readTree(in);
            return root.get("body").get("context").get("draftOrders");
        }
    }

    @Test
    void sandboxPatientPrefetch_throughTheResolver_givesBirthDateAndSex() throws IOException {
        String patient;
        try (InputStream in = SnapshotMapperTest.class.getResourceAsStream(
                "/fixtures/sandbox/sandbox-order-select-pantoprazole.json")) {
            patient = FhirJson.MAPPER.readTree(in).get("body").get("prefetch").get("patient").toString();
        }
        try (FhirHttpClient client = new FhirHttpClient(FhirProperties.defaults())) {
            PatientData data = new PatientDataResolver(CTX, client).resolve(Map.of(DataKey.PATIENT, "Patient/{{context.patientId}}"),
                    new FetchRequest("http://127.0.0.1:9/fhir", null, FetchRequest.tokens("1781", null, null),
                            Map.of(DataKey.PATIENT, java.util.Optional.of(tree(patient)))));

            PatientSnapshot s = mapper.toSnapshot("1781", data, null, List.of(), false);

            assertThat(s.birthDate()).isEqualTo(LocalDate.of(1954, 5, 28));
            assertThat(s.sex()).isEqualTo(Sex.FEMALE);
            assertThat(s.unknown()).isEmpty();
        }
    }

    @Test
    void pantoprazoleDraftFromTheSandbox_isASelectedRxNormProductOrder() throws IOException {
        PatientSnapshot s = mapper.toSnapshot("1781", new PatientData(Map.of(), List.of()),
                draftOrders("sandbox-order-select-pantoprazole.json"), List.of("MedicationRequest/request-123"), false);

        DraftOrder d = s.drafts().get(0);
        assertThat(d.resourceType()).isEqualTo("MedicationRequest");
        assertThat(d.id()).isEqualTo("request-123");
        assertThat(d.selected()).isTrue();
        assertThat(d.codes()).extracting(Code::system, Code::code)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(RXNORM, "314200"));
        assertThat(d.text()).isEqualTo("pantoprazole 40 MG Delayed Release Oral Tablet");
        assertThat(d.doseValue()).isEqualByComparingTo("1");
        assertThat(d.doseUnit()).isEqualTo("{pill}");
        assertThat(d.durationMinutes()).isNull();
        assertThat(d.status()).isEqualTo(MedicationStatus.DRAFT);
    }

    @Test
    void emptyDraftFromTheSandbox_isADraftWithoutMedication() throws IOException {
        PatientSnapshot s = mapper.toSnapshot("1781", new PatientData(Map.of(), List.of()),
                draftOrders("sandbox-order-select-empty-draft.json"), List.of(), false);

        assertThat(s.drafts()).singleElement().satisfies(d -> {
            assertThat(d.codes()).isEmpty();
            assertThat(d.text()).isEmpty();
            assertThat(d.doseValue()).isNull();
            assertThat(d.selected()).isFalse();
        });
    }

    @Test
    void magnesiumSulfateInfusionDraft_durationFromRateOrTiming_allSelectedOnOrderSign() {
        String bundle = """
                {"resourceType":"Bundle","type":"collection","entry":[
                 {"resource":{"resourceType":"MedicationRequest","id":"mg-rate","status":"draft","intent":"order",
                  "medicationReference":{"reference":"urn:uuid:0c3f6e2a-8f1b-4c7e-9d55-1b2a3c4d5e6f"},
                  "dosageInstruction":[{"route":{"coding":[{"system":"http://snomed.info/sct","code":"47625008",
                   "display":"Intravenous route"}],"text":"IV"},
                   "doseAndRate":[{"doseQuantity":{"value":4,"unit":"g","system":"http://unitsofmeasure.org","code":"g"},
                   "rateQuantity":{"value":1,"unit":"g/h","system":"http://unitsofmeasure.org","code":"g/h"}}]}]}},
                 {"fullUrl":"urn:uuid:0c3f6e2a-8f1b-4c7e-9d55-1b2a3c4d5e6f","resource":{"resourceType":"Medication",
                  "code":{"coding":[{"system":"http://www.nlm.nih.gov/research/umls/rxnorm","code":"6585"}],
                  "text":"magnesium sulfate"}}},
                 {"resource":{"resourceType":"MedicationRequest","id":"mg-timed","status":"draft","intent":"order",
                  "medicationCodeableConcept":{"text":"magnesium sulfate 2 g IV"},
                  "dosageInstruction":[{"timing":{"repeat":{"duration":1,"durationUnit":"h"}},
                   "doseAndRate":[{"doseQuantity":{"value":2000,"unit":"mg"}}]}]}},
                 {"resource":{"resourceType":"ServiceRequest","id":"lab1","status":"draft","intent":"order",
                  "code":{"coding":[{"system":"http://loinc.org","code":"19123-9"}],"text":"Magnesium level"}}}]}""";

        PatientSnapshot s = mapper.toSnapshot("p1", new PatientData(Map.of(), List.of()), tree(bundle), List.of(),
                true);

        assertThat(s.drafts()).hasSize(3).allMatch(DraftOrder::selected);
        DraftOrder rate = s.drafts().get(0);
        assertThat(rate.codes()).extracting(Code::code).containsExactly("6585");
        assertThat(rate.durationMinutes()).isEqualByComparingTo("240");
        assertThat(rate.route()).isEqualTo("IV");
        assertThat(s.drafts().get(1).durationMinutes()).isEqualByComparingTo("60");
        assertThat(s.drafts().get(1).doseUnit()).isEqualTo("mg");
        DraftOrder lab = s.drafts().get(2);
        assertThat(lab.resourceType()).isEqualTo("ServiceRequest");
        assertThat(lab.codes()).extracting(Code::code).containsExactly("19123-9");
        assertThat(lab.text()).isEqualTo("Magnesium level");
        assertThat(lab.status()).isEqualTo(MedicationStatus.DRAFT);
    }
}
