package org.hypomag.cds.clinical;

import java.util.ArrayList;
import java.util.List;

/**
 * The dose rules on their own (D5-D7, D15): grade, emergency, renal band, age, weight -> regimens (first
 * recommended) and notes. Order checks compare a drafted MgSO4 dose with {@link #plan}.
 */
public final class Regimens {

    private Regimens() {
    }

    /** D4: the emergency regimen in words for this situation, or null when the card does not carry it. */
    public static EmergencyLine emergencyLine(DoseTable table, RegimenInput in) {
        return EmergencyLines.of(table, in);
    }

    /** The regimens and notes for a current low Mg. NORMAL/HIGH give an empty plan. */
    public static RegimenPlan plan(DoseTable table, RegimenInput in) {
        List<Note> notes = new ArrayList<>();
        List<Regimen> out = new ArrayList<>();
        if (in.grade() == null || !in.grade().isLow()) {
            return new RegimenPlan(out, notes);
        }
        RenalBand band = in.renalBand();
        renalNotes(band, notes);
        IvDoses iv = new IvDoses(table, in);
        if (in.emergency()) {
            out.add(iv.regimen(table.row(RuleId.T_EMERG), true, false));
        }
        if (band.noRoutineReplacement()) {
            return finish(in, out, notes);
        }
        boolean first = !in.emergency();
        // R18 (§10; monograph L1505-L1517): an emergency, low potassium or low calcium make the route IV, so the
        // oral option is not offered as an alternative then (safer reading of D5 vs R18; see thresholds.yaml)
        boolean ivRoute = in.emergency() || in.ivIndicated();
        switch (in.grade()) {
            case SEVERE -> {
                out.add(iv.regimen(table.row(RuleId.T_HOSP_IV_SEV), first, false));
                if (!in.emergency()) {
                    out.add(iv.regimen(table.row(RuleId.T_SEV_STABLE), false, true));
                }
                // D6, §5.3 T-CKD-ASYMPT (severe, asymptomatic, GFR 15-30): the half-dose oral option after the IV
                // ones, unless K or Ca is low or an emergency applies (R18 reading above)
                if (!ivRoute && band == RenalBand.REDUCED_15_30) {
                    addOral(table, in, out, false);
                }
            }
            case MODERATE -> {
                out.add(iv.regimen(table.row(RuleId.T_HOSP_IV_MOD), first, false));
                if (in.ivIndicated() && !in.emergency() && !in.child()) {
                    notes.add(new Note(RuleId.R18, TextKeys.MILD_IV_FIRST));
                }
                if (!ivRoute) {
                    addOral(table, in, out, false);
                }
            }
            case MILD -> {
                if (in.ivIndicated() && !in.emergency() && !in.child()) {
                    notes.add(new Note(RuleId.R18, TextKeys.MILD_IV_FIRST));
                }
                if (!ivRoute) {
                    addOral(table, in, out, first);
                }
                out.add(iv.regimen(table.row(RuleId.T_HOSP_IV_MILD), first && (ivRoute || in.child()), false));
            }
            default -> throw new IllegalStateException(in.grade().name());
        }
        if (in.emergency()) {
            notes.add(new Note(RuleId.D5, TextKeys.EMERGENCY_FOLLOW_ON));
        }
        return finish(in, out, notes);
    }

    /** D17 / T-SEV-NOURG: 4-8 g over 12-24 h again, renal cut and child rules applied. */
    public static RegimenPlan persistentHypocalcaemia(DoseTable table, RegimenInput in) {
        List<Note> notes = new ArrayList<>();
        List<Regimen> out = new ArrayList<>();
        renalNotes(in.renalBand(), notes);
        if (!in.renalBand().noRoutineReplacement()) {
            out.add(new IvDoses(table, in).regimen(table.row(RuleId.T_SEV_NOURG), true, false));
        }
        return finish(in, out, notes);
    }

    private static RegimenPlan finish(RegimenInput in, List<Regimen> out, List<Note> notes) {
        if (in.ageUnknown()) { // D19: never assume an adult; no dose without an age, like a child without weight
            notes.add(new Note(RuleId.D19, TextKeys.AGE_UNKNOWN));
            out.clear();
        }
        if (in.child()) {
            notes.add(new Note(RuleId.D7, TextKeys.PEDS_NO_ORAL));
            if (in.weightKg() == null) {
                notes.add(new Note(RuleId.D7, TextKeys.PEDS_WEIGHT_NEEDED));
                out.clear();
            } else if (!out.isEmpty()) {
                notes.add(new Note(RuleId.T_PEDS, TextKeys.PEDS_DOSE));
            }
        }
        if (out.isEmpty()) { // no dose: a "dose halved" sentence would contradict "no dose suggested"
            notes.removeIf(n -> n.textKey().equals(TextKeys.RENAL_CUT_UNKNOWN)
                    || n.textKey().equals(TextKeys.RENAL_CUT_REDUCED));
        }
        return new RegimenPlan(out, notes);
    }

    private static void renalNotes(RenalBand band, List<Note> notes) {
        switch (band) {
            case DIALYSIS -> notes.add(new Note(RuleId.T_DIALYSIS, TextKeys.RENAL_DIALYSIS));
            case FAILURE_UNDER_15 -> notes.add(new Note(RuleId.T_DIALYSIS, TextKeys.RENAL_FAILURE));
            case REDUCED_15_30 -> notes.add(new Note(RuleId.D6, TextKeys.RENAL_CUT_REDUCED));
            case UNKNOWN -> notes.add(new Note(RuleId.D6, TextKeys.RENAL_CUT_UNKNOWN));
            case CKD_30_60 -> notes.add(new Note(RuleId.D6, TextKeys.RENAL_CKD_CAUTION));
            default -> {
            }
        }
    }

    private static void addOral(DoseTable table, RegimenInput in, List<Regimen> out, boolean recommended) {
        if (in.child() || in.ageUnknown()) {
            return;
        }
        boolean cut = in.renalBand() == RenalBand.REDUCED_15_30 || in.renalBand() == RenalBand.UNKNOWN;
        OralRow row = cut ? table.oralRenal() : table.oral();
        List<String> rules = cut ? List.of(row.ruleId(), RuleId.D5.id(), RuleId.D6.id()) : List.of(row.ruleId(),
                RuleId.D5.id());
        RenalCut renalCut = cut ? new RenalCut(in.renalBand(), table.renalFactor(),
                in.renalBand() == RenalBand.UNKNOWN ? TextKeys.RENAL_CUT_UNKNOWN : TextKeys.RENAL_CUT_REDUCED) : null;
        out.add(new OralRegimen(row.ruleId(), rules, row.labelKey(), recommended, row.mgPerDayLow(),
                row.mgPerDayLow(), row.mgPerDayHigh(), row.dividedDosesMin(), row.dividedDosesMax(), renalCut, cut,
                row.recheckTextKey(), List.of(TextKeys.ORAL_SLOW_RELEASE, cut ? TextKeys.ORAL_MGO_REDUCED
                : TextKeys.ORAL_MGO, TextKeys.ORAL_DIARRHOEA, TextKeys.ORAL_LABEL)));
    }
}
