package org.hypomag.cds.knowledge;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.hypomag.cds.clinical.DoseTable;
import org.hypomag.cds.clinical.IvRow;
import org.hypomag.cds.clinical.OralRow;

/** knowledge/doses.yaml: the IV rows, the renal severe row, oral rows and the paediatric rule. */
final class DoseTableLoader {

    /** Rows the rules use; each must be present exactly once. */
    static final Set<String> IV_ROWS = Set.of("T-EMERG", "T-SEV-STABLE", "T-SEV-NOURG", "T-HOSP-IV-SEV",
            "T-HOSP-IV-MOD", "T-HOSP-IV-MILD");

    private DoseTableLoader() {
    }

    static DoseTable load(Yml root, Set<String> textKeysUsed) {
        BigDecimal meq = valueWithUnit(root.req("meqPerGram"), "meq/g");
        BigDecimal factor = valueWithUnit(root.req("renalFactor"), "1");
        if (factor != null && (factor.signum() <= 0 || factor.compareTo(BigDecimal.ONE) >= 0)) {
            root.get("renalFactor").problem("a renal cut factor must be between 0 and 1");
        }
        Map<String, IvRow> iv = new LinkedHashMap<>();
        for (Yml r : root.reqList("iv")) {
            IvRow row = ivRow(r, textKeysUsed);
            if (row != null && iv.put(row.ruleId(), row) != null) {
                r.problem("duplicate row " + row.ruleId());
            }
        }
        for (String id : IV_ROWS) {
            if (!iv.containsKey(id)) {
                root.get("iv").problem("row " + id + " is missing");
            }
        }
        for (String id : iv.keySet()) {
            if (!IV_ROWS.contains(id)) {
                root.get("iv").problem("unknown row " + id);
            }
        }
        IvRow severeRenal = ivRow(root.req("severeRenal"), textKeysUsed);
        OralRow oral = oralRow(root.req("oral"), textKeysUsed);
        OralRow oralRenal = oralRow(root.req("oralRenal"), textKeysUsed);
        DoseTable.Paediatric peds = paediatric(root.req("paediatric"));
        if (meq == null || factor == null || severeRenal == null || oral == null || oralRenal == null
                || peds == null || !iv.keySet().containsAll(IV_ROWS)) {
            return null;
        }
        return new DoseTable(meq, iv, severeRenal, factor, oral, oralRenal, peds);
    }

    private static IvRow ivRow(Yml r, Set<String> textKeysUsed) {
        if (!r.present()) {
            return null;
        }
        String id = r.reqStr("id");
        String label = r.reqStr("label");
        r.reqStr("ref");
        Yml grams = r.req("grams");
        BigDecimal low = grams.reqDec("low");
        BigDecimal high = grams.reqDec("high");
        unit(grams, "g");
        String diluent = r.reqStr("diluent");
        List<String> alternatives = r.strings("alternativeDiluents");
        Integer volume = null;
        if (r.get("volume").present()) {
            unit(r.get("volume"), "mL");
            volume = r.get("volume").reqInt("value");
        }
        Yml dur = r.req("duration");
        Integer min = minutes(dur, "min");
        Integer max = minutes(dur, "max");
        String repeat = r.optStr("repeat");
        String recheck = r.reqStr("recheck");
        boolean cut = r.bool("renalCut", true);
        if (low != null && high != null && (low.signum() <= 0 || low.compareTo(high) > 0)) {
            grams.problem("need 0 < low <= high");
        }
        if (min != null && max != null && (min <= 0 || min > max)) {
            dur.problem("need 0 < min <= max");
        }
        textKeysUsed.add(label);
        textKeysUsed.add(recheck);
        if (repeat != null) {
            textKeysUsed.add(repeat);
        }
        if (id == null || label == null || low == null || high == null || diluent == null || min == null
                || max == null || recheck == null) {
            return null;
        }
        Integer daysMin = null;
        Integer daysMax = null;
        if (r.get("repeatDays").present()) {
            daysMin = r.get("repeatDays").reqInt("min");
            daysMax = r.get("repeatDays").reqInt("max");
            if (daysMin != null && daysMax != null && (daysMin <= 0 || daysMin > daysMax)) {
                r.get("repeatDays").problem("need 0 < min <= max");
            }
        }
        return new IvRow(id, label, low, high, diluent, alternatives, volume, min, max, cut, repeat, recheck,
                daysMin, daysMax);
    }

    private static OralRow oralRow(Yml r, Set<String> textKeysUsed) {
        String id = r.reqStr("id");
        String label = r.reqStr("label");
        r.reqStr("ref");
        Yml mg = r.req("mgElementalPerDay");
        BigDecimal low = mg.reqDec("low");
        BigDecimal high = mg.reqDec("high");
        unit(mg, "mg/d");
        Yml doses = r.req("dividedDoses");
        Integer dmin = doses.reqInt("min");
        Integer dmax = doses.reqInt("max");
        String recheck = r.reqStr("recheck");
        textKeysUsed.add(label);
        textKeysUsed.add(recheck);
        if (id == null || label == null || low == null || high == null || dmin == null || dmax == null
                || recheck == null) {
            return null;
        }
        return new OralRow(id, label, low, high, dmin, dmax, recheck);
    }

    private static DoseTable.Paediatric paediatric(Yml p) {
        p.reqStr("ref");
        Yml mgkg = p.req("mgPerKg");
        unit(mgkg, "mg/kg");
        BigDecimal low = mgkg.reqDec("low");
        BigDecimal high = mgkg.reqDec("high");
        BigDecimal dflt = mgkg.reqDec("default");
        BigDecimal cap = valueWithUnit(p.req("capPerDose"), "g");
        if (low == null || high == null || dflt == null || cap == null) {
            return null;
        }
        if (dflt.compareTo(low) < 0 || dflt.compareTo(high) > 0) {
            mgkg.problem("default must lie within low..high");
        }
        return new DoseTable.Paediatric(low, high, dflt, cap);
    }

    private static Integer minutes(Yml dur, String key) {
        BigDecimal v = dur.reqDec(key);
        String unit = dur.reqStr("unit");
        if (v == null || unit == null) {
            return null;
        }
        return switch (unit) {
            case "min" -> v.intValue();
            case "h" -> v.multiply(BigDecimal.valueOf(60)).intValue();
            default -> {
                dur.get("unit").problem("expected min or h, found '" + unit + "'");
                yield null;
            }
        };
    }

    static BigDecimal valueWithUnit(Yml y, String unit) {
        if (!y.present()) {
            return null;
        }
        unit(y, unit);
        return y.reqDec("value");
    }

    static void unit(Yml y, String expected) {
        String u = y.reqStr("unit");
        if (u != null && !u.equals(expected)) {
            y.get("unit").problem("expected " + expected + ", found '" + u + "'");
        }
    }
}
