package org.hypomag.cds.bench;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.hypomag.cds.clinical.Analyte;
import org.hypomag.cds.clinical.Assessment;
import org.hypomag.cds.clinical.Assessor;
import org.hypomag.cds.clinical.Code;
import org.hypomag.cds.clinical.ConditionEntry;
import org.hypomag.cds.clinical.Knowledge;
import org.hypomag.cds.clinical.LabResult;
import org.hypomag.cds.clinical.MedicationStatus;
import org.hypomag.cds.clinical.MedicationUse;
import org.hypomag.cds.clinical.PatientSnapshot;
import org.hypomag.cds.clinical.ResultStatus;
import org.hypomag.cds.clinical.Sex;
import org.hypomag.cds.clinical.SourceRef;
import org.hypomag.cds.clinical.ValueComparator;
import org.hypomag.cds.knowledge.KnowledgeLoader;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * The pure clinical engine: one realistic patient (two years of labs: weekly Mg, K and creatinine, eGFR
 * and calcium every two weeks, monthly weight: 480 results; 40 medications of which 5 waste magnesium;
 * 15 conditions; newest Mg 1.1 mg/dL) assessed from its snapshot, in assessments per second; prints the
 * benchmark thread's CPU per assessment after each iteration (issue 16).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class AssessorBenchmark extends CpuClock {

    static final String LOINC = "http://loinc.org";
    static final String RXNORM = "http://www.nlm.nih.gov/research/umls/rxnorm";

    Knowledge knowledge;
    PatientSnapshot patient;
    Instant now;

    @Setup
    public void setUp() {
        knowledge = KnowledgeLoader.loadDefault();
        now = Instant.parse("2026-11-23T08:00:00Z");
        patient = realisticPatient(now);
    }



    @Benchmark
    public Assessment assessTwoYearPatient() {
        op();
        return Assessor.assess(patient, knowledge, now);
    }

    public static PatientSnapshot realisticPatient(Instant now) {
        List<LabResult> labs = new ArrayList<>();
        addSeries(labs, Analyte.MAGNESIUM, "19123-9", "mg/dL", 1.1, 1.9, 104, 7, now);
        addSeries(labs, Analyte.POTASSIUM, "2823-3", "mmol/L", 3.3, 4.1, 104, 7, now);
        addSeries(labs, Analyte.CREATININE, "2160-0", "mg/dL", 1.4, 1.1, 104, 7, now);
        addSeries(labs, Analyte.EGFR, "98979-8", "mL/min/{1.73_m2}", 48, 62, 52, 14, now);
        addSeries(labs, Analyte.CALCIUM_TOTAL, "17861-6", "mg/dL", 8.1, 9.2, 52, 14, now);
        addSeries(labs, Analyte.WEIGHT, "29463-7", "kg", 71.5, 72, 24, 30, now);
        addSeries(labs, Analyte.HEIGHT, "8302-2", "cm", 168, 168, 40, 18, now);
        List<MedicationUse> meds = new ArrayList<>();
        String[][] wasting = {{"7646", "omeprazole"}, {"40790", "pantoprazole"}, {"4603", "furosemide"},
                {"5487", "hydrochlorothiazide"}, {"42316", "tacrolimus"}};
        for (int i = 0; i < 40; i++) {
            String code = i < wasting.length ? wasting[i][0] : String.valueOf(900_000 + i);
            String name = i < wasting.length ? wasting[i][1] : "other drug " + i;
            meds.add(new MedicationUse(List.of(new Code(RXNORM, code, name)), name,
                    i % 7 == 6 ? MedicationStatus.STOPPED : MedicationStatus.ACTIVE,
                    new SourceRef("MedicationStatement/ms-" + i, now.minus(Duration.ofDays(10 + i * 11L)))));
        }
        List<ConditionEntry> conditions = new ArrayList<>();
        for (int i = 0; i < 15; i++) {
            conditions.add(new ConditionEntry(List.of(new Code("http://snomed.info/sct", String.valueOf(100_000 + i),
                    "condition " + i)), "condition " + i, true, false,
                    new SourceRef("Condition/c-" + i, now.minus(Duration.ofDays(400 + i)))));
        }
        return new PatientSnapshot("bench-1", LocalDate.of(1951, 6, 14), Sex.FEMALE, labs, meds, conditions,
                List.of(), Map.of());
    }

    private static void addSeries(List<LabResult> labs, Analyte analyte, String loinc, String unit, double newest,
                                  double typical, int count, int everyDays, Instant now) {
        for (int i = 0; i < count; i++) {
            double v = i == 0 ? newest : typical * (1 + ((i * 7) % 5 - 2) * 0.03);
            BigDecimal value = BigDecimal.valueOf(v).setScale(2, RoundingMode.HALF_UP);
            Instant when = now.minus(Duration.ofDays(1 + (long) i * everyDays));
            labs.add(new LabResult(analyte, new Code(LOINC, loinc, null), value, ValueComparator.EQUAL,
                    value.toPlainString() + " " + unit, ResultStatus.FINAL,
                    new SourceRef("Observation/" + loinc + "-" + i, when), null, null, null));
        }
    }
}
