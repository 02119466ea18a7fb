package org.hypomag.cds.knowledge;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import org.hypomag.cds.clinical.Thresholds;

/** knowledge/thresholds.yaml: every named value must be present, numeric, in its expected unit, with ref and rationale. */
final class ThresholdsLoader {

    private static final String EGFR = "mL/min/{1.73_m2}";
    private static final String DURATION = "duration";

    /** Expected unit per id; "duration" accepts h or d. */
    static final Map<String, String> UNITS = new LinkedHashMap<>();

    static {
        UNITS.put("mg.lowerLimit", "mg/dL");
        UNITS.put("mg.severeBelow", "mg/dL");
        UNITS.put("mg.moderateUpTo", "mg/dL");
        UNITS.put("mg.upperLimit", "mg/dL");
        UNITS.put("mg.staleAfter", DURATION);
        UNITS.put("egfr.currentFor", DURATION);
        UNITS.put("creatinine.currentFor", DURATION);
        UNITS.put("weight.currentFor", DURATION);
        UNITS.put("height.currentFor", DURATION);
        UNITS.put("electrolytes.currentFor", DURATION);
        UNITS.put("renal.fullDoseFrom", EGFR);
        UNITS.put("renal.normalFrom", EGFR);
        UNITS.put("renal.failureBelow", EGFR);
        UNITS.put("child.ageBelow", "a");
        UNITS.put("ckdEpi.fromAge", "a");
        UNITS.put("gap.onDrugFor", DURATION);
        UNITS.put("gap.noMgFor", DURATION);
        UNITS.put("emergency.onsetWithin", DURATION);
        UNITS.put("persistentCa.window", DURATION);
        UNITS.put("potassium.lowDefault", "mmol/L");
        UNITS.put("calciumTotal.lowDefault", "mg/dL");
        UNITS.put("calciumIonized.lowDefault", "mmol/L");
        UNITS.put("schwartz.k", "1");
    }

    private ThresholdsLoader() {
    }

    static Thresholds load(Yml root) {
        Map<String, Yml> values = root.req("values").entries();
        Map<String, BigDecimal> v = new LinkedHashMap<>();
        Map<String, Duration> d = new LinkedHashMap<>();
        for (String id : values.keySet()) {
            if (!UNITS.containsKey(id)) {
                values.get(id).problem("unknown threshold id");
            }
        }
        UNITS.forEach((id, unit) -> {
            Yml e = values.get(id);
            if (e == null) {
                root.get("values").problem("threshold '" + id + "' is missing");
                return;
            }
            e.reqStr("ref");
            e.reqStr("rationale");
            BigDecimal value = e.reqDec("value");
            String actual = e.reqStr("unit");
            if (value == null || actual == null) {
                return;
            }
            if (value.signum() <= 0) {
                e.get("value").problem("must be positive");
            }
            if (DURATION.equals(unit)) {
                if ("h".equals(actual)) {
                    d.put(id, Duration.ofMinutes(value.multiply(BigDecimal.valueOf(60)).longValue()));
                } else if ("d".equals(actual)) {
                    d.put(id, Duration.ofMinutes(value.multiply(BigDecimal.valueOf(1440)).longValue()));
                } else {
                    e.get("unit").problem("expected h or d, found '" + actual + "'");
                }
            } else if (!unit.equals(actual)) {
                e.get("unit").problem("expected " + unit + ", found '" + actual + "'");
            } else {
                v.put(id, value);
            }
        });
        Thresholds.CkdEpi2021 ckd = ckdEpi(root.req("ckdEpi2021"));
        if (v.size() + d.size() != UNITS.size() || ckd == null) {
            return null;
        }
        checkOrder(root, v);
        return new Thresholds(v.get("mg.lowerLimit"), v.get("mg.severeBelow"), v.get("mg.moderateUpTo"),
                v.get("mg.upperLimit"), d.get("mg.staleAfter"), d.get("egfr.currentFor"),
                d.get("creatinine.currentFor"), d.get("weight.currentFor"), d.get("height.currentFor"),
                d.get("electrolytes.currentFor"), v.get("renal.fullDoseFrom"), v.get("renal.normalFrom"),
                v.get("renal.failureBelow"), v.get("child.ageBelow").intValue(), v.get("ckdEpi.fromAge").intValue(),
                d.get("gap.onDrugFor"), d.get("gap.noMgFor"), d.get("emergency.onsetWithin"),
                d.get("persistentCa.window"), v.get("potassium.lowDefault"), v.get("calciumTotal.lowDefault"),
                v.get("calciumIonized.lowDefault"), v.get("schwartz.k"), ckd);
    }

    private static void checkOrder(Yml root, Map<String, BigDecimal> v) {
        if (!(v.get("mg.severeBelow").compareTo(v.get("mg.moderateUpTo")) < 0
                && v.get("mg.moderateUpTo").compareTo(v.get("mg.lowerLimit")) < 0
                && v.get("mg.lowerLimit").compareTo(v.get("mg.upperLimit")) < 0)) {
            root.get("values").problem("Mg limits must rise: severeBelow < moderateUpTo < lowerLimit < upperLimit");
        }
        if (!(v.get("renal.failureBelow").compareTo(v.get("renal.fullDoseFrom")) < 0
                && v.get("renal.fullDoseFrom").compareTo(v.get("renal.normalFrom")) < 0)) {
            root.get("values").problem("renal bands must rise: failureBelow < fullDoseFrom < normalFrom");
        }
    }

    private static Thresholds.CkdEpi2021 ckdEpi(Yml y) {
        if (!y.present()) {
            return null;
        }
        y.reqStr("ref");
        BigDecimal[] c = {y.reqDec("multiplier"), y.reqDec("kappaFemale"), y.reqDec("kappaMale"),
                y.reqDec("alphaFemale"), y.reqDec("alphaMale"), y.reqDec("exponentAbove"), y.reqDec("ageBase"),
                y.reqDec("femaleFactor")};
        for (BigDecimal x : c) {
            if (x == null) {
                return null;
            }
        }
        return new Thresholds.CkdEpi2021(c[0], c[1], c[2], c[3], c[4], c[5], c[6], c[7]);
    }
}
