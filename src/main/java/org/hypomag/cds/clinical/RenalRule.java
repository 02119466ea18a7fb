package org.hypomag.cds.clinical;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * D6/D15/D19: the newest current kidney value drives the band: a reported eGFR (within 7 days) or an eGFR
 * computed from a creatinine (within 7 days; CKD-EPI 2021 for adults, bedside Schwartz for children with a
 * height), whichever was measured later; when both fall within 24 hours of each other, the lower. A newest
 * creatinine that cannot be converted (unknown age, child without height) makes the function UNKNOWN (never
 * the older eGFR, never normal). On dialysis no eGFR is computed or shown: the band is DIALYSIS.
 */
final class RenalRule {

    private static final BigDecimal EPSILON = new BigDecimal("0.001");
    /** D19: a reported and a computed eGFR within this time of each other: the lower is used. */
    private static final Duration SAME_TIME = Duration.ofHours(24);

    private RenalRule() {
    }

    private record Value(RenalMethod method, BigDecimal egfr, boolean below, LabResult result, List<SourceRef> sources,
                         String reason) {

        Instant time() {
            return result.source().time();
        }

        BigDecimal comparable() {
            return below ? egfr.subtract(EPSILON) : egfr;
        }
    }

    static RenalFunction apply(PatientSnapshot s, Knowledge k, BodyFacts body, boolean dialysis,
                               List<SourceRef> dialysisSources, Instant now) {
        Thresholds t = k.thresholds();
        if (dialysis) {
            return new RenalFunction(null, RenalMethod.UNKNOWN, RenalBand.DIALYSIS, true, dialysisSources, null,
                    dialysisSources.isEmpty() ? null : dialysisSources.get(0), null, null);
        }
        Value reported = Labs.current(s, k, Analyte.EGFR, t.egfrCurrent(), now)
                .map(r -> new Value(RenalMethod.REPORTED, r.value(), isBelow(r.comparator()), r, List.of(r.source()),
                        null)).orElse(null);
        Value computed = Labs.current(s, k, Analyte.CREATININE, t.creatinineCurrent(), now)
                .filter(r -> r.value().signum() > 0).map(r -> computed(s, t, body, r)).orElse(null);
        Value used;
        Value other;
        if (reported == null || computed == null) {
            used = reported != null ? reported : computed;
            other = null;
        } else if (Duration.between(reported.time(), computed.time()).abs().compareTo(SAME_TIME) <= 0) {
            boolean computedLower = computed.egfr() == null
                    || computed.comparable().compareTo(reported.comparable()) < 0;
            // a creatinine that cannot be converted next to a reported eGFR of the same draw: the reported one
            used = computed.egfr() != null && computedLower ? computed : reported;
            other = used == reported ? computed : reported;
        } else {
            used = computed.time().isAfter(reported.time()) ? computed : reported;
            other = used == reported ? computed : reported;
        }
        if (used == null) {
            return new RenalFunction(null, RenalMethod.UNKNOWN, RenalBand.UNKNOWN, false, List.of(),
                    "no creatinine or eGFR in the last 7 days", null, null, null);
        }
        RenalFunction.NotUsed notUsed = other == null ? null : new RenalFunction.NotUsed(other.method(), other.egfr(),
                other.result().source(), other.time().isBefore(used.time())
                        && Duration.between(other.time(), used.time()).compareTo(SAME_TIME) > 0);
        if (used.egfr() == null) {
            return new RenalFunction(null, RenalMethod.UNKNOWN, RenalBand.UNKNOWN, false, List.of(), used.reason(),
                    null, null, notUsed);
        }
        BigDecimal creatinine = used.method() == RenalMethod.REPORTED ? null : used.result().value();
        return new RenalFunction(used.egfr(), used.method(), band(used.comparable(), t), false, used.sources(), null,
                used.result().source(), creatinine, notUsed);
    }

    private static Value computed(PatientSnapshot s, Thresholds t, BodyFacts body, LabResult scr) {
        if (body.ageYears() == null) {
            return new Value(RenalMethod.UNKNOWN, null, false, scr, List.of(),
                    "age unknown: eGFR cannot be estimated from the creatinine");
        }
        if (body.ageYears() >= t.adultFormulaFromYears()) {
            return new Value(RenalMethod.CKD_EPI_2021,
                    EgfrFormulas.ckdEpi2021(scr.value(), body.ageYears(), s.sex(), t.ckdEpi()), false, scr,
                    List.of(scr.source()), null);
        }
        if (body.heightCm() != null) {
            List<SourceRef> sources = new ArrayList<>(List.of(scr.source()));
            sources.add(body.height());
            return new Value(RenalMethod.SCHWARTZ, EgfrFormulas.schwartz(body.heightCm(), scr.value(), t.schwartzK()),
                    false, scr, sources, null);
        }
        return new Value(RenalMethod.UNKNOWN, null, false, scr, List.of(),
                "child without a height in the last 30 days: eGFR cannot be estimated");
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
