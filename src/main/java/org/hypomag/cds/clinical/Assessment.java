package org.hypomag.cds.clinical;

import java.time.Instant;
import java.util.List;

/**
 * What {@link Assessor#assess} finds. Nullable fields are null when the finding does not apply; lists are
 * never null. Each finding carries its rule id.
 *
 * @param knowledgeVersion    Knowledge.version (a card's source carries it)
 * @param assessedAt          the "now" of the call
 * @param body                age, child flag, weight and height used
 * @param magnesium           current Mg (D1-D3), or null (none current / not gradable)
 * @param staleLow            D3 stale low result, or null
 * @param renal               renal function used (D6)
 * @param potassium           newest current K (D4), never null (measured() false when none)
 * @param calcium             newest current Ca, total preferred (D8, D17), never null
 * @param emergencies         emergency conditions that count (D4, D14); filled only when the current Mg is low
 *                            (with no current Mg see {@code urgentMg}; with a normal Mg nothing, D14)
 * @param alertIndicator      the hypomagnesemia alert's indicator (D13), null when Mg is not low
 * @param regimens            D5-D7 proposals for the current low Mg (empty when none may be suggested)
 * @param monitoring          D8 / D6 / D3 / D10 / D14 lab suggestions
 * @param notes               sentences the alert carries (D4 emergency in words, D6 renal texts, D7 weight
 *                            needed, T-DIALYSIS, CKD caution, K note ...)
 * @param drugCauses          D9 active Mg-wasting classes; filled only when the current Mg is low or a stale low
 *                            exists (R50-R52 "IF hypoMg AND ..."), empty otherwise (D12)
 * @param monitoringGap       D10, or null
 * @param hyperMg             D11, or null
 * @param persistentHypocalcaemia D17, or null
 * @param urgentMg            D14 emergency with no current Mg, or null
 * @param couldNotCheck       D14 / D1 items
 * @param emergencyHistory    D18: emergency-list conditions on record that do not count now (older than 72 h,
 *                            or of another encounter); filled only when the current Mg is low; never T-EMERG
 * @param emergencyLine       D4: the emergency regimen in words (adult grams, child mg/kg, D6 risk text), or null
 * @param deceased            D21: the patient is deceased; nothing else is assessed and no card is due
 */
public record Assessment(
        String knowledgeVersion,
        Instant assessedAt,
        BodyFacts body,
        MgFinding magnesium,
        StaleLowFinding staleLow,
        RenalFunction renal,
        ElectrolyteFinding potassium,
        ElectrolyteFinding calcium,
        List<EmergencyFinding> emergencies,
        IndicatorLevel alertIndicator,
        List<Regimen> regimens,
        List<MonitoringOrder> monitoring,
        List<Note> notes,
        List<DrugCauseFinding> drugCauses,
        MonitoringGapFinding monitoringGap,
        HyperMgFinding hyperMg,
        PersistentHypocalcaemiaFinding persistentHypocalcaemia,
        UrgentMgFinding urgentMg,
        List<CouldNotCheck> couldNotCheck,
        List<EmergencyFinding> emergencyHistory,
        EmergencyLine emergencyLine,
        boolean deceased) {

    public Assessment {
        emergencyHistory = List.copyOf(emergencyHistory);
        emergencies = List.copyOf(emergencies);
        regimens = List.copyOf(regimens);
        monitoring = List.copyOf(monitoring);
        notes = List.copyOf(notes);
        drugCauses = List.copyOf(drugCauses);
        couldNotCheck = List.copyOf(couldNotCheck);
    }

    /** The assessment of an earlier shape: no emergency history, no emergency line, alive. */
    public Assessment(String knowledgeVersion, Instant assessedAt, BodyFacts body, MgFinding magnesium,
                      StaleLowFinding staleLow, RenalFunction renal, ElectrolyteFinding potassium,
                      ElectrolyteFinding calcium, List<EmergencyFinding> emergencies, IndicatorLevel alertIndicator,
                      List<Regimen> regimens, List<MonitoringOrder> monitoring, List<Note> notes,
                      List<DrugCauseFinding> drugCauses, MonitoringGapFinding monitoringGap, HyperMgFinding hyperMg,
                      PersistentHypocalcaemiaFinding persistentHypocalcaemia, UrgentMgFinding urgentMg,
                      List<CouldNotCheck> couldNotCheck) {
        this(knowledgeVersion, assessedAt, body, magnesium, staleLow, renal, potassium, calcium, emergencies,
                alertIndicator, regimens, monitoring, notes, drugCauses, monitoringGap, hyperMg,
                persistentHypocalcaemia, urgentMg, couldNotCheck, List.of(), null, false);
    }

    /** D21: a deceased patient: nothing found, nothing to say, on any hook. */
    static Assessment deceased(Knowledge k, Instant now) {
        Thresholds t = k.thresholds();
        return new Assessment(k.version(), now, new BodyFacts(null, false, null, null, null, null), null, null,
                new RenalFunction(null, RenalMethod.UNKNOWN, RenalBand.UNKNOWN, false, List.of(), "patient deceased"),
                new ElectrolyteFinding(RuleId.D4.id(), Analyte.POTASSIUM, false, null,
                        Analyte.POTASSIUM.canonicalUnit(), null,
                        null, t.potassiumLowDefault(), false),
                new ElectrolyteFinding(RuleId.D8.id(), Analyte.CALCIUM_TOTAL, false, null,
                        Analyte.CALCIUM_TOTAL.canonicalUnit(), null, null, t.calciumTotalLowDefault(), false),
                List.of(), null, List.of(), List.of(), List.of(), List.of(), null, null, null, null, List.of(),
                List.of(), null, true);
    }

    /** Current Mg is low (an alert card is due). */
    public boolean lowMagnesium() {
        return magnesium != null && magnesium.grade().isLow();
    }
}
