package org.hypomag.cds.cards;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import org.hypomag.cds.clinical.Analyte;
import org.hypomag.cds.clinical.Assessment;
import org.hypomag.cds.clinical.BodyFacts;
import org.hypomag.cds.clinical.CouldNotCheck;
import org.hypomag.cds.clinical.DrugCauseFinding;
import org.hypomag.cds.clinical.ElectrolyteFinding;
import org.hypomag.cds.clinical.EmergencyFinding;
import org.hypomag.cds.clinical.Grade;
import org.hypomag.cds.clinical.HyperMgFinding;
import org.hypomag.cds.clinical.IndicatorLevel;
import org.hypomag.cds.clinical.MgFinding;
import org.hypomag.cds.clinical.MonitoringGapFinding;
import org.hypomag.cds.clinical.MonitoringOrder;
import org.hypomag.cds.clinical.Note;
import org.hypomag.cds.clinical.PersistentHypocalcaemiaFinding;
import org.hypomag.cds.clinical.Regimen;
import org.hypomag.cds.clinical.RenalBand;
import org.hypomag.cds.clinical.RenalFunction;
import org.hypomag.cds.clinical.RenalMethod;
import org.hypomag.cds.clinical.SourceRef;
import org.hypomag.cds.clinical.StaleLowFinding;
import org.hypomag.cds.clinical.UrgentMgFinding;
import org.hypomag.cds.clinical.ValueComparator;

/** Hand-built assessments: an adult with normal kidneys, K and Ca unless a test says otherwise. */
final class AssessmentBuilder {

    static final SourceRef MG_SOURCE = Fixtures.at("Observation/mg1", "2026-11-22T08:00:00Z");

    BodyFacts body = new BodyFacts(60, false, new BigDecimal("70"), Fixtures.at("Observation/w", "2026-11-20T08:00:00Z"),
            new BigDecimal("170"), null);
    MgFinding magnesium;
    StaleLowFinding staleLow;
    RenalFunction renal = new RenalFunction(new BigDecimal("85"), RenalMethod.CKD_EPI_2021, RenalBand.NORMAL, false,
            List.of(Fixtures.at("Observation/cr1", "2026-11-21T08:00:00Z")), null);
    ElectrolyteFinding potassium = electrolyte(Analyte.POTASSIUM, "4.1", "mmol/L", "3.5", false);
    ElectrolyteFinding calcium = electrolyte(Analyte.CALCIUM_TOTAL, "9.2", "mg/dL", "8.5", false);
    List<EmergencyFinding> emergencies = new ArrayList<>();
    IndicatorLevel alertIndicator;
    List<Regimen> regimens = new ArrayList<>();
    List<MonitoringOrder> monitoring = new ArrayList<>();
    List<Note> notes = new ArrayList<>();
    List<DrugCauseFinding> drugCauses = new ArrayList<>();
    MonitoringGapFinding gap;
    HyperMgFinding hyper;
    PersistentHypocalcaemiaFinding persistent;
    UrgentMgFinding urgent;
    List<CouldNotCheck> couldNotCheck = new ArrayList<>();
    List<EmergencyFinding> emergencyHistory = new ArrayList<>();
    org.hypomag.cds.clinical.EmergencyLine emergencyLine;

    /** The adult emergency line of a severe card (T-EMERG 1-2 g over 2-15 min, D4), with a band's risk text. */
    static org.hypomag.cds.clinical.EmergencyLine adultEmergencyLine(String hyperMgTextKey) {
        return new org.hypomag.cds.clinical.EmergencyLine(true, false, new BigDecimal("1"), new BigDecimal("2"),
                new BigDecimal("8.1"), new BigDecimal("16.2"), 100, List.of("D5W", "NS"), 2, 15, new BigDecimal("25"),
                new BigDecimal("50"), new BigDecimal("2"), null, null, null, null, hyperMgTextKey);
    }

    /** A child's emergency line (D4, D7): 25-50 mg/kg, at most 2 g, with the mg for the weight when given. */
    static org.hypomag.cds.clinical.EmergencyLine childEmergencyLine(String kg, SourceRef weight) {
        BigDecimal w = kg == null ? null : new BigDecimal(kg);
        return new org.hypomag.cds.clinical.EmergencyLine(false, true, new BigDecimal("1"), new BigDecimal("2"),
                new BigDecimal("8.1"), new BigDecimal("16.2"), 100, List.of("D5W", "NS"), 2, 15, new BigDecimal("25"),
                new BigDecimal("50"), new BigDecimal("2"), w, weight,
                w == null ? null : w.multiply(new BigDecimal("25")).min(new BigDecimal("2000")),
                w == null ? null : w.multiply(new BigDecimal("50")).min(new BigDecimal("2000")), null);
    }

    static ElectrolyteFinding electrolyte(Analyte analyte, String value, String unit, String cutoff, boolean low) {
        return new ElectrolyteFinding(analyte == Analyte.POTASSIUM ? "D4" : "D8", analyte, low, new BigDecimal(value),
                unit, value + " " + unit, Fixtures.at("Observation/" + analyte, "2026-11-22T08:00:00Z"),
                new BigDecimal(cutoff), false);
    }

    AssessmentBuilder mg(String mgDl, Grade grade, IndicatorLevel indicator) {
        return mg(mgDl, ValueComparator.EQUAL, grade, indicator);
    }

    AssessmentBuilder mg(String mgDl, ValueComparator comparator, Grade grade, IndicatorLevel indicator) {
        magnesium = new MgFinding("D2", new BigDecimal(mgDl), comparator, mgDl + " mg/dL", MG_SOURCE, grade,
                new BigDecimal("1.7"), new BigDecimal("2.4"), Fixtures.at("Observation/mg0", "2026-11-18T08:00:00Z"),
                new BigDecimal("1.4"));
        alertIndicator = grade.isLow() ? indicator : null;
        return this;
    }

    AssessmentBuilder drug(String classId, String label, String medication) {
        org.hypomag.cds.clinical.DrugClass c = Fixtures.KNOWLEDGE.drugs().byId(classId).orElseThrow();
        List<String> keys = new ArrayList<>();
        java.util.stream.Stream.of(c.effectKey(), c.frequencyKey(), c.adviceKey()).filter(k -> k != null)
                .forEach(keys::add);
        drugCauses.add(new DrugCauseFinding("D9", classId, label, List.of(medication),
                List.of(Fixtures.at("MedicationStatement/" + classId, "2026-01-01T00:00:00Z")), c.generalKnowledge(),
                keys, IndicatorLevel.INFO));
        return this;
    }

    AssessmentBuilder unknown(String what, String reason) {
        couldNotCheck.add(new CouldNotCheck("D14", what, reason));
        return this;
    }

    Assessment build() {
        return new Assessment("2026.11.1", Fixtures.NOW, body, magnesium, staleLow, renal, potassium, calcium,
                emergencies, alertIndicator, regimens, monitoring, notes, drugCauses, gap, hyper, persistent, urgent,
                couldNotCheck, emergencyHistory, emergencyLine, false);
    }
}
