package org.hypomag.cds.clinical;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** D1-D3, D11, D14, D22 (no stale re-check for a low older than 365 d): the current Mg, its grade and trend; a stale low; an unusable value. */
final class MagnesiumRule {

    record Result(MgFinding current, StaleLowFinding staleLow, HyperMgFinding hyper, CouldNotCheck problem) {
    }

    private MagnesiumRule() {
    }

    static Result apply(PatientSnapshot s, Knowledge k, Instant now) {
        Thresholds t = k.thresholds();
        List<LabResult> candidates = Labs.candidates(s, k, Analyte.MAGNESIUM);
        List<LabResult> valued = candidates.stream().filter(LabResult::hasValue).toList();
        CouldNotCheck problem = null;
        if (!candidates.isEmpty() && !candidates.get(0).hasValue()
                && !Labs.older(candidates.get(0), t.mgStaleAfter(), now)) {
            problem = new CouldNotCheck(RuleId.D1, "magnesium", "newest magnesium result not usable: "
                    + candidates.get(0).problem());
        }
        if (valued.isEmpty()) {
            return new Result(null, null, null, problem);
        }
        LabResult newest = valued.get(0);
        LabResult previous = valued.size() > 1 ? valued.get(1) : null;
        Optional<Grade> grade = Grading.grade(newest.value(), newest.comparator(), t);
        if (Labs.older(newest, t.mgStaleAfter(), now)) {
            StaleLowFinding stale = null;
            // D22: a low older than the D10 window (365 d) is history, not a result to re-check
            if (grade.isPresent() && grade.get().isLow() && !Labs.older(newest, t.gapNoMg(), now)) {
                long hours = Duration.between(newest.source().time(), now).toHours();
                stale = new StaleLowFinding(RuleId.D3.id(), newest.value(), newest.reported(), newest.source(), hours,
                        grade.get(), IndicatorLevel.INFO, MonitoringRule.recheck(k.orderables()));
            }
            return new Result(null, stale, null, problem);
        }
        if (grade.isEmpty()) {
            return new Result(null, null, null, new CouldNotCheck(RuleId.D14, "magnesium",
                    "magnesium reported as '" + newest.reported() + "' cannot be graded (it may be normal or low)"));
        }
        MgFinding current = new MgFinding(RuleId.D2.id(), newest.value(), newest.comparator(), newest.reported(),
                newest.source(), grade.get(), t.mgLowerLimit(), t.mgUpperLimit(),
                previous == null ? null : previous.source(), previous == null ? null : previous.value());
        HyperMgFinding hyper = null;
        if (grade.get() == Grade.HIGH) {
            List<MgSourceDrug> sources = mgSources(s, k);
            hyper = new HyperMgFinding(RuleId.D11.id(), newest.value(), newest.reported(), newest.source(),
                    t.mgUpperLimit(),
                    IndicatorLevel.WARNING, sources, sources.isEmpty() ? null
                    : MonitoringRule.mgOrder(List.of(), MonitoringKind.MG_HYPER_RECHECK, RuleId.D11, k.orderables()));
        }
        return new Result(current, null, hyper, problem);
    }

    /** Active medications containing magnesium (replacement products, Mg antacids/laxatives): §8, R54. */
    static List<MgSourceDrug> mgSources(PatientSnapshot s, Knowledge k) {
        DrugMatcher matcher = DrugMatcher.of(k.drugs());
        List<MgSourceDrug> out = new java.util.ArrayList<>();
        for (MedicationUse m : s.medications()) {
            if (!DrugCauseRule.ACTIVE.contains(m.status())) {
                continue;
            }
            matcher.match(m.codes(), m.text()).stream()
                    .filter(x -> x.role() == DrugRole.MG_SOURCE || x.role() == DrugRole.MG_CONTAINING).findFirst()
                    .ifPresent(x -> out.add(new MgSourceDrug(x.classId(), m.text(), m.dose(), m.source(),
                            m.source() != null && m.source().reference() != null
                                    && m.source().reference().startsWith("MedicationRequest/"))));
        }
        return out;
    }
}
