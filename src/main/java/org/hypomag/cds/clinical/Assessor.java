package org.hypomag.cds.clinical;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The entry point of the clinical rules: pure, stateless; the clock is an argument. */
public final class Assessor {

    private Assessor() {
    }

    public static Assessment assess(PatientSnapshot s, Knowledge k, Instant now) {
        if (s.deceased()) {
            return Assessment.deceased(k, now); // D21: no card on any hook
        }
        List<CouldNotCheck> cnc = new ArrayList<>();
        s.unknown().forEach((key, reason) -> cnc.add(new CouldNotCheck(RuleId.D14, key.prefetchKey(), reason)));
        MagnesiumRule.Result mg = MagnesiumRule.apply(s, k, now);
        if (mg.problem() != null) {
            cnc.add(mg.problem());
        }
        BodyFacts body = BodyRule.apply(s, k, now);
        List<SourceRef> dialysis = ConditionRule.dialysis(s, k);
        RenalFunction renal = RenalRule.apply(s, k, body, !dialysis.isEmpty(), dialysis, now);
        ElectrolyteFinding potassium = ElectrolyteRule.potassium(s, k, now);
        ElectrolyteFinding calcium = ElectrolyteRule.calcium(s, k, now);
        List<EmergencyFinding> emergencies = ConditionRule.emergencies(s, k, now);
        List<EmergencyFinding> history = ConditionRule.history(s, k, now);
        MgFinding current = mg.current();
        boolean low = current != null && current.grade().isLow();
        problems(s, k, now, low, body, cnc);

        RegimenInput input = new RegimenInput(low ? current.grade() : Grade.SEVERE, !emergencies.isEmpty(),
                renal.band(), body.child(), body.weightKg(), body.weight(), potassium.low() || calcium.low(),
                body.ageYears() == null);
        List<Regimen> regimens = new ArrayList<>();
        List<Note> notes = new ArrayList<>();
        IndicatorLevel indicator = null;
        if (low) {
            RegimenPlan plan = Regimens.plan(k.doses(), input);
            regimens.addAll(plan.regimens());
            indicator = AlertNotes.add(current, input, potassium, calcium, body, plan, notes);
        }
        Map<DrugClass, List<MedicationUse>> causes = DrugCauseRule.activeCauses(s, k, now);
        List<DrugCauseFinding> drugCauses = low || mg.staleLow() != null
                ? DrugCauseRule.findings(causes, renal.band()) : List.of();
        MonitoringGapFinding gap = DrugCauseRule.gap(s, k, now);
        PersistentHypocalcaemiaFinding d17 = PersistentCaRule.apply(s, k, current,
                ElectrolyteRule.totalCalcium(s, k, now), input, now);
        if (d17 != null) {
            notes.add(new Note(RuleId.D17, TextKeys.D17_REPEAT));
        }
        UrgentMgFinding urgent = current == null && !emergencies.isEmpty()
                ? new UrgentMgFinding(RuleId.D14.id(), emergencies, IndicatorLevel.INFO,
                MonitoringRule.urgent(k.orderables())) : null;
        boolean anyIv = regimens.stream().anyMatch(r -> r instanceof MgSulfateRegimen)
                || (d17 != null && !d17.regimens().isEmpty());
        List<MonitoringOrder> monitoring = MonitoringRule.orders(k, anyIv, calcium.low(),
                (low || (d17 != null && !d17.regimens().isEmpty())) && renal.band() == RenalBand.UNKNOWN,
                mg.staleLow() != null, gap != null, urgent != null);
        return new Assessment(k.version(), now, body, current, mg.staleLow(), renal, potassium, calcium,
                low ? emergencies : List.of(), indicator, regimens, monitoring, notes, drugCauses, gap, mg.hyper(),
                d17, urgent, cnc, low ? history : List.of(), low ? Regimens.emergencyLine(k.doses(), input) : null,
                false);
    }

    /** Unusable newest results (unit problems) of the analytes that change decisions; unknown age when low. */
    private static void problems(PatientSnapshot s, Knowledge k, Instant now, boolean low, BodyFacts body,
                                 List<CouldNotCheck> cnc) {
        Thresholds t = k.thresholds();
        Labs.problem(s, k, Analyte.POTASSIUM, t.electrolyteCurrent(), now)
                .ifPresent(p -> cnc.add(new CouldNotCheck(RuleId.D14, "potassium", p)));
        Labs.problem(s, k, Analyte.CALCIUM_TOTAL, t.electrolyteCurrent(), now)
                .ifPresent(p -> cnc.add(new CouldNotCheck(RuleId.D14, "calcium", p)));
        Labs.problem(s, k, Analyte.CREATININE, t.creatinineCurrent(), now)
                .ifPresent(p -> cnc.add(new CouldNotCheck(RuleId.D14, "creatinine", p)));
        Labs.problem(s, k, Analyte.EGFR, t.egfrCurrent(), now)
                .ifPresent(p -> cnc.add(new CouldNotCheck(RuleId.D14, "eGFR", p)));
        Labs.problem(s, k, Analyte.WEIGHT, t.weightCurrent(), now)
                .ifPresent(p -> cnc.add(new CouldNotCheck(RuleId.D14, "weight", p)));
        if (low && body.ageYears() == null) {
            cnc.add(new CouldNotCheck(RuleId.D19, "age",
                    "birth date missing or unreadable: no magnesium dose is computed"));
        }
    }
}
