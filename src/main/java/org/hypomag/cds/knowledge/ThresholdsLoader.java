package org.hypomag.cds.knowledge;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
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

    record File(@NotBlank String id, @NotBlank String version, @NotNull Map<String, @NotNull @Valid Value> values,
                @NotNull @Valid CkdEpi ckdEpi2021) implements KnowledgeDoc {
    }

    /** A named value: number, unit, reference and rationale; choice/generalKnowledge mark what is ours. */
    record Value(@NotNull @Positive BigDecimal value, @NotBlank String unit, @NotBlank String ref,
                 @NotBlank String rationale, BigDecimal alternative, boolean choice, boolean generalKnowledge) {
    }

    record CkdEpi(@NotBlank String ref, @NotNull BigDecimal multiplier, @NotNull BigDecimal kappaFemale,
                  @NotNull BigDecimal kappaMale, @NotNull BigDecimal alphaFemale, @NotNull BigDecimal alphaMale,
                  @NotNull BigDecimal exponentAbove, @NotNull BigDecimal ageBase, @NotNull BigDecimal femaleFactor) {
    }

    static Thresholds load(YamlFile f, File doc) {
        Map<String, BigDecimal> v = new LinkedHashMap<>();
        Map<String, Duration> d = new LinkedHashMap<>();
        if (doc.values() == null) {
            return null;
        }
        for (String id : doc.values().keySet()) {
            if (!UNITS.containsKey(id)) {
                f.problem(YamlFile.at("/values", id), "unknown threshold id");
            }
        }
        UNITS.forEach((id, unit) -> {
            Value e = doc.values().get(id);
            if (e == null) {
                f.problem("/values", "threshold '" + id + "' is missing");
                return;
            }
            if (!f.clean(YamlFile.at("/values", id))) {
                return;
            }
            String actual = e.unit();
            if (DURATION.equals(unit)) {
                if ("h".equals(actual)) {
                    d.put(id, Duration.ofMinutes(e.value().multiply(BigDecimal.valueOf(60)).longValue()));
                } else if ("d".equals(actual)) {
                    d.put(id, Duration.ofMinutes(e.value().multiply(BigDecimal.valueOf(1440)).longValue()));
                } else {
                    f.problem(YamlFile.at("/values", id, "unit"), "expected h or d, found '" + actual + "'");
                }
            } else if (!unit.equals(actual)) {
                f.problem(YamlFile.at("/values", id, "unit"), "expected " + unit + ", found '" + actual + "'");
            } else {
                v.put(id, e.value());
            }
        });
        if (v.size() + d.size() != UNITS.size() || !f.clean("/ckdEpi2021")) {
            return null;
        }
        checkOrder(f, v);
        CkdEpi c = doc.ckdEpi2021();
        Thresholds.CkdEpi2021 ckd = new Thresholds.CkdEpi2021(c.multiplier(), c.kappaFemale(), c.kappaMale(),
                c.alphaFemale(), c.alphaMale(), c.exponentAbove(), c.ageBase(), c.femaleFactor());
        return new Thresholds(v.get("mg.lowerLimit"), v.get("mg.severeBelow"), v.get("mg.moderateUpTo"),
                v.get("mg.upperLimit"), d.get("mg.staleAfter"), d.get("egfr.currentFor"),
                d.get("creatinine.currentFor"), d.get("weight.currentFor"), d.get("height.currentFor"),
                d.get("electrolytes.currentFor"), v.get("renal.fullDoseFrom"), v.get("renal.normalFrom"),
                v.get("renal.failureBelow"), v.get("child.ageBelow").intValue(), v.get("ckdEpi.fromAge").intValue(),
                d.get("gap.onDrugFor"), d.get("gap.noMgFor"), d.get("emergency.onsetWithin"),
                d.get("persistentCa.window"), v.get("potassium.lowDefault"), v.get("calciumTotal.lowDefault"),
                v.get("calciumIonized.lowDefault"), v.get("schwartz.k"), ckd);
    }

    private static void checkOrder(YamlFile f, Map<String, BigDecimal> v) {
        if (!(v.get("mg.severeBelow").compareTo(v.get("mg.moderateUpTo")) < 0
                && v.get("mg.moderateUpTo").compareTo(v.get("mg.lowerLimit")) < 0
                && v.get("mg.lowerLimit").compareTo(v.get("mg.upperLimit")) < 0)) {
            f.problem("/values", "Mg limits must rise: severeBelow < moderateUpTo < lowerLimit < upperLimit");
        }
        if (!(v.get("renal.failureBelow").compareTo(v.get("renal.fullDoseFrom")) < 0
                && v.get("renal.fullDoseFrom").compareTo(v.get("renal.normalFrom")) < 0)) {
            f.problem("/values", "renal bands must rise: failureBelow < fullDoseFrom < normalFrom");
        }
    }
}
