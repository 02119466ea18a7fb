package org.hypomag.cds.clinical;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * D6/D15: reported eGFR within 7 days, else CKD-EPI 2021 (adults) or bedside Schwartz (children with a
 * height) from a creatinine within 7 days; dialysis overrides the band; otherwise UNKNOWN, never normal.
 */
final class RenalRule {

    private static final BigDecimal EPSILON = new BigDecimal("0.001");

    private RenalRule() {
    }

    static RenalFunction apply(PatientSnapshot s, Knowledge k, BodyFacts body, boolean dialysis,
                               List<SourceRef> dialysisSources, Instant now) {
        Thresholds t = k.thresholds();
        List<SourceRef> sources = new ArrayList<>(dialysisSources);
        Optional<LabResult> egfr = Labs.current(s, k, Analyte.EGFR, t.egfrCurrent(), now);
        BigDecimal value = null;
        boolean below = false;
        RenalMethod method = RenalMethod.UNKNOWN;
        String reason = null;
        if (egfr.isPresent()) {
            value = egfr.get().value();
            method = RenalMethod.REPORTED;
            sources.add(egfr.get().source());
            below = isBelow(egfr.get().comparator());
        } else {
            Optional<LabResult> scr = Labs.current(s, k, Analyte.CREATININE, t.creatinineCurrent(), now)
                    .filter(r -> r.value().signum() > 0);
            if (scr.isEmpty()) {
                reason = "no creatinine or eGFR in the last 7 days";
            } else if (body.ageYears() == null) {
                reason = "age unknown: eGFR cannot be estimated";
            } else if (body.ageYears() >= t.adultFormulaFromYears()) {
                value = EgfrFormulas.ckdEpi2021(scr.get().value(), body.ageYears(), s.sex(), t.ckdEpi());
                method = RenalMethod.CKD_EPI_2021;
                sources.add(scr.get().source());
            } else if (body.heightCm() != null) {
                value = EgfrFormulas.schwartz(body.heightCm(), scr.get().value(), t.schwartzK());
                method = RenalMethod.SCHWARTZ;
                sources.add(scr.get().source());
                sources.add(body.height());
            } else {
                reason = "child without a height in the last 30 days: eGFR cannot be estimated";
            }
        }
        RenalBand band = dialysis ? RenalBand.DIALYSIS : band(below ? value.subtract(EPSILON) : value, t);
        return new RenalFunction(value, method, band, dialysis, sources, reason);
    }

    static RenalBand band(BigDecimal egfr, Thresholds t) {
        if (egfr == null) {
            return RenalBand.UNKNOWN;
        }
        if (egfr.compareTo(t.renalFailureBelow()) < 0) {
            return RenalBand.FAILURE_UNDER_15;
        }
        if (egfr.compareTo(t.renalFullDoseFrom()) < 0) {
            return RenalBand.REDUCED_15_30;
        }
        return egfr.compareTo(t.renalNormalFrom()) < 0 ? RenalBand.CKD_30_60 : RenalBand.NORMAL;
    }

    private static boolean isBelow(ValueComparator c) {
        return c == ValueComparator.LESS_THAN || c == ValueComparator.LESS_OR_EQUAL;
    }
}
