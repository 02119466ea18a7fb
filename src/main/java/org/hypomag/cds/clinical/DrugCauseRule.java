package org.hypomag.cds.clinical;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * D9: active Mg-wasting drug classes (raisers never listed, R53), and D10: the monitoring gap (on such a
 * drug >= 90 days, no serum Mg in 365 days; a medication without a start date counts as long-term).
 */
final class DrugCauseRule {

    /** "Already active": active, on hold, intended (not stopped/completed/entered-in-error/draft). */
    static final Set<MedicationStatus> ACTIVE = EnumSet.of(MedicationStatus.ACTIVE, MedicationStatus.ON_HOLD,
            MedicationStatus.INTENDED);

    private DrugCauseRule() {
    }

    /** Class id -> the active medications that matched it, in catalog order. */
    static Map<DrugClass, List<MedicationUse>> activeCauses(PatientSnapshot s, Knowledge k) {
        DrugMatcher matcher = new DrugMatcher(k.drugs());
        Map<String, List<MedicationUse>> byClass = new LinkedHashMap<>();
        for (MedicationUse m : s.medications()) {
            if (!ACTIVE.contains(m.status())) {
                continue;
            }
            for (DrugMatch match : matcher.causes(m.codes(), m.text())) {
                byClass.computeIfAbsent(match.classId(), x -> new ArrayList<>()).add(m);
            }
        }
        Map<DrugClass, List<MedicationUse>> out = new LinkedHashMap<>();
        for (DrugClass cls : k.drugs().classes()) {
            if (byClass.containsKey(cls.id())) {
                out.put(cls, byClass.get(cls.id()));
            }
        }
        return out;
    }

    static List<DrugCauseFinding> findings(Map<DrugClass, List<MedicationUse>> causes, RenalBand band) {
        List<DrugCauseFinding> out = new ArrayList<>();
        causes.forEach((cls, meds) -> {
            List<String> keys = new ArrayList<>();
            keys.add(cls.effectKey());
            if (cls.frequencyKey() != null) {
                keys.add(cls.frequencyKey());
            }
            boolean diureticAdvice = cls.adviceKey() != null && cls.adviceKey().equals("drug.diuretic.advice");
            if (cls.adviceKey() != null && (!diureticAdvice || band == RenalBand.NORMAL)) {
                keys.add(cls.adviceKey());
            }
            if (cls.generalKnowledge()) {
                keys.add(TextKeys.DRUG_GENERAL_KNOWLEDGE);
            }
            out.add(new DrugCauseFinding("D9", cls.id(), cls.label(), meds.stream().map(MedicationUse::text).toList(),
                    meds.stream().map(MedicationUse::source).toList(), cls.generalKnowledge(), keys,
                    IndicatorLevel.INFO));
        });
        return out;
    }

    static MonitoringGapFinding gap(PatientSnapshot s, Knowledge k, Map<DrugClass, List<MedicationUse>> causes,
                                    Instant now) {
        Thresholds t = k.thresholds();
        if (s.unknown().containsKey(DataKey.MAGNESIUM)) {
            return null;
        }
        List<LabResult> mg = Labs.valued(s, k, Analyte.MAGNESIUM);
        if (!mg.isEmpty() && !Labs.older(mg.get(0), t.gapNoMg(), now)) {
            return null;
        }
        List<String> classes = new ArrayList<>();
        List<String> texts = new ArrayList<>();
        causes.forEach((cls, meds) -> meds.stream().filter(m -> longTerm(m, t.gapOnDrug(), now)).forEach(m -> {
            if (!classes.contains(cls.id())) {
                classes.add(cls.id());
            }
            if (!texts.contains(m.text())) {
                texts.add(m.text());
            }
        }));
        if (classes.isEmpty()) {
            return null;
        }
        return new MonitoringGapFinding("D10", classes, texts, mg.isEmpty() ? null : mg.get(0).source(),
                IndicatorLevel.INFO);
    }

    private static boolean longTerm(MedicationUse m, Duration onDrug, Instant now) {
        Instant start = m.source() == null ? null : m.source().time();
        return start == null || Duration.between(start, now).compareTo(onDrug) >= 0;
    }
}
