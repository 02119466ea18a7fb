package org.hypomag.cds.clinical;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * D9: active Mg-wasting drug classes (raisers never listed, R53), and D10/D22: the monitoring gap (on such a
 * drug >= 90 days counted over the whole exposure chain, no serum Mg in 365 days; a current medication without
 * a start date counts as long-term). Administrations (MedicationAdministration) count as current exposure for
 * their class's window after they end (drug-catalog.yaml administrationCountsFor).
 */
final class DrugCauseRule {

    /** "Already active": active, on hold, intended (not stopped/completed/entered-in-error/draft). */
    static final Set<MedicationStatus> ACTIVE = EnumSet.of(MedicationStatus.ACTIVE, MedicationStatus.ON_HOLD,
            MedicationStatus.INTENDED);
    /** D22: chain members are active, completed or stopped entries. */
    static final Set<MedicationStatus> CHAIN = EnumSet.of(MedicationStatus.ACTIVE, MedicationStatus.ON_HOLD,
            MedicationStatus.INTENDED, MedicationStatus.COMPLETED, MedicationStatus.STOPPED);
    /**
     * An administration that was (at least partly) given: in-progress, on-hold, completed, stopped; "unknown"
     * counts too (choice: the safer reading for an info card). Not-done and entered-in-error never count.
     */
    static final Set<MedicationStatus> GIVEN = EnumSet.of(MedicationStatus.ACTIVE, MedicationStatus.ON_HOLD,
            MedicationStatus.COMPLETED, MedicationStatus.STOPPED, MedicationStatus.UNKNOWN);

    private DrugCauseRule() {
    }

    /** Class id -> the currently active medications that matched it, in catalog order. */
    static Map<DrugClass, List<MedicationUse>> activeCauses(PatientSnapshot s, Knowledge k, Instant now) {
        Map<DrugClass, List<MedicationUse>> out = new LinkedHashMap<>();
        members(s, k).forEach((cls, meds) -> {
            List<MedicationUse> current = meds.stream().filter(m -> current(m, cls, k.drugs(), now)).toList();
            if (!current.isEmpty()) {
                out.put(cls, current);
            }
        });
        return out;
    }

    /** Class -> every medication of the class (any status), in catalog order. */
    static Map<DrugClass, List<MedicationUse>> members(PatientSnapshot s, Knowledge k) {
        DrugMatcher matcher = DrugMatcher.of(k.drugs());
        Map<String, List<MedicationUse>> byClass = new LinkedHashMap<>();
        for (MedicationUse m : s.medications()) {
            for (DrugMatch match : matcher.causes(m.codes(), m.text())) {
                List<MedicationUse> list = byClass.computeIfAbsent(match.classId(), x -> new ArrayList<>());
                if (!list.contains(m)) {
                    list.add(m);
                }
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

    /**
     * Only a currently active member makes the patient "on" the drug (D22): a request/statement by its status;
     * an administration that was given, from its start until its class's window after it ends.
     */
    static boolean current(MedicationUse m, DrugClass cls, DrugCatalog catalog, Instant now) {
        if (m.origin() != MedicationOrigin.ADMINISTRATION) {
            return ACTIVE.contains(m.status());
        }
        Instant last = m.end() != null ? m.end() : m.start();
        return GIVEN.contains(m.status()) && last != null
                && !now.isAfter(last.plus(catalog.administrationCountsFor(cls)));
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
            out.add(new DrugCauseFinding(RuleId.D9.id(), cls.id(), cls.label(),
                    meds.stream().map(MedicationUse::text).toList(),
                    meds.stream().map(MedicationUse::source).toList(), cls.generalKnowledge(), keys,
                    IndicatorLevel.INFO));
        });
        return out;
    }

    static MonitoringGapFinding gap(PatientSnapshot s, Knowledge k, Instant now) {
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
        members(s, k).forEach((cls, meds) -> {
            List<MedicationUse> longTerm = onDrugFor(cls, meds, k.drugs(), t.gapOnDrug(), now);
            if (!longTerm.isEmpty()) {
                classes.add(cls.id());
                longTerm.stream().map(MedicationUse::text).filter(x -> !texts.contains(x)).forEach(texts::add);
            }
        });
        if (classes.isEmpty()) {
            return null;
        }
        return new MonitoringGapFinding(RuleId.D10.id(), classes, texts, mg.isEmpty() ? null : mg.get(0).source(),
                IndicatorLevel.INFO);
    }

    /**
     * D22: the current members of one class whose exposure chain started at least {@code onDrug} ago. Members
     * (active, completed, stopped; administrations that were given) are taken by start; one continues the
     * chain when it starts within 30 days after the previous one ends, or, when that one has no end, within
     * 400 days after it started (drug-catalog.yaml exposure). A current member without a start is long-term.
     */
    static List<MedicationUse> onDrugFor(DrugClass cls, List<MedicationUse> meds, DrugCatalog catalog,
                                         Duration onDrug, Instant now) {
        DrugCatalog.Exposure e = catalog.exposure();
        List<MedicationUse> longTerm = new ArrayList<>();
        meds.stream().filter(m -> m.start() == null && current(m, cls, catalog, now)).forEach(longTerm::add);
        List<MedicationUse> chain = meds.stream().filter(m -> m.start() != null && !m.start().isAfter(now))
                .filter(m -> m.origin() == MedicationOrigin.ADMINISTRATION ? GIVEN.contains(m.status())
                        : CHAIN.contains(m.status()))
                .sorted(Comparator.comparing(MedicationUse::start)).toList();
        Instant chainStart = null;
        Instant reach = null;
        for (MedicationUse m : chain) {
            if (reach == null || m.start().isAfter(reach)) {
                chainStart = m.start();
                reach = null;
            }
            Instant bound = m.end() != null ? m.end().plus(e.afterEnd()) : m.start().plus(e.openEnded());
            reach = reach == null || bound.isAfter(reach) ? bound : reach;
            if (current(m, cls, catalog, now) && Duration.between(chainStart, now).compareTo(onDrug) >= 0
                    && !longTerm.contains(m)) {
                longTerm.add(m);
            }
        }
        return longTerm;
    }
}
