package org.hypomag.cds.knowledge;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.hypomag.cds.clinical.DoseTable;
import org.hypomag.cds.clinical.IvRow;
import org.hypomag.cds.clinical.OralRow;
import org.hypomag.cds.clinical.RuleId;

/** knowledge/doses.yaml: the IV rows, the renal severe row, oral rows and the paediatric rule. */
final class DoseTableLoader {

    /** Rows the rules use; each must be present exactly once. */
    static final Set<String> IV_ROWS = Set.of(RuleId.T_EMERG.id(), RuleId.T_SEV_STABLE.id(),
            RuleId.T_SEV_NOURG.id(), RuleId.T_HOSP_IV_SEV.id(), RuleId.T_HOSP_IV_MOD.id(),
            RuleId.T_HOSP_IV_MILD.id());

    private DoseTableLoader() {
    }

    static DoseTable load(YamlFile f, DosesFile doc, TextUses texts) {
        checkUnits(f, doc);
        if (f.clean("/renalFactor") && doc.renalFactor().value().compareTo(BigDecimal.ONE) >= 0) {
            f.problem("/renalFactor/value", "a renal cut factor must be between 0 and 1");
        }
        Map<String, IvRow> iv = new LinkedHashMap<>();
        for (int i = 0; i < doc.iv().size(); i++) {
            String at = YamlFile.at("/iv", i);
            DosesFile.Iv r = doc.iv().get(i);
            if (r != null && r.id() != null && !IV_ROWS.contains(r.id())) {
                f.problem(YamlFile.at(at, "id"), "unknown row " + r.id());
            }
            if (f.clean(at) && iv.put(r.id(), ivRow(f, at, r, texts)) != null) {
                f.problem(at, "duplicate row " + r.id());
            }
        }
        for (String id : IV_ROWS) {
            if (doc.iv().stream().noneMatch(r -> r != null && id.equals(r.id()))) {
                f.problem("/iv", "row " + id + " is missing");
            }
        }
        IvRow severeRenal = f.clean("/severeRenal") ? ivRow(f, "/severeRenal", doc.severeRenal(), texts) : null;
        OralRow oral = f.clean("/oral") ? oralRow(f, "/oral", doc.oral(), texts) : null;
        OralRow oralRenal = f.clean("/oralRenal") ? oralRow(f, "/oralRenal", doc.oralRenal(), texts) : null;
        if (f.hasProblems()) {
            return null;
        }
        DosesFile.PerKg perKg = doc.paediatric().mgPerKg();
        return new DoseTable(doc.meqPerGram().value(), iv, severeRenal, doc.renalFactor().value(), oral, oralRenal,
                new DoseTable.Paediatric(perKg.low(), perKg.high(), perKg.preset(),
                        doc.paediatric().capPerDose().value()));
    }

    /** The rule id of each row by where it is written: each must be in the registry. */
    static Map<String, String> rowIds(DosesFile doc) {
        Map<String, String> out = new LinkedHashMap<>();
        for (int i = 0; i < doc.iv().size(); i++) {
            out.put(YamlFile.at("/iv", i, "id"), doc.iv().get(i).id());
        }
        out.put("/severeRenal/id", doc.severeRenal().id());
        out.put("/oral/id", doc.oral().id());
        out.put("/oralRenal/id", doc.oralRenal().id());
        if (doc.paediatric().id() != null) {
            out.put("/paediatric/id", doc.paediatric().id());
        }
        return out;
    }

    /** Every unit the file writes, checked wherever it is present (also in rows with other problems). */
    private static void checkUnits(YamlFile f, DosesFile doc) {
        quantityUnit(f, "/meqPerGram", doc.meqPerGram(), "meq/g");
        quantityUnit(f, "/renalFactor", doc.renalFactor(), "1");
        for (int i = 0; doc.iv() != null && i < doc.iv().size(); i++) {
            ivUnits(f, YamlFile.at("/iv", i), doc.iv().get(i));
        }
        ivUnits(f, "/severeRenal", doc.severeRenal());
        for (String key : new String[] {"oral", "oralRenal"}) {
            DosesFile.Oral o = key.equals("oral") ? doc.oral() : doc.oralRenal();
            if (o != null && o.mgElementalPerDay() != null) {
                unit(f, YamlFile.at("/" + key, "mgElementalPerDay"), o.mgElementalPerDay().unit(), "mg/d");
            }
        }
        if (doc.paediatric() != null) {
            if (doc.paediatric().mgPerKg() != null) {
                unit(f, "/paediatric/mgPerKg", doc.paediatric().mgPerKg().unit(), "mg/kg");
            }
            quantityUnit(f, "/paediatric/capPerDose", doc.paediatric().capPerDose(), "g");
        }
    }

    private static void ivUnits(YamlFile f, String at, DosesFile.Iv r) {
        if (r == null) {
            return;
        }
        if (r.grams() != null) {
            unit(f, YamlFile.at(at, "grams"), r.grams().unit(), "g");
        }
        quantityUnit(f, YamlFile.at(at, "volume"), r.volume(), "mL");
        if (r.duration() != null && r.duration().unit() != null && !Set.of("min", "h").contains(r.duration().unit())) {
            f.problem(YamlFile.at(at, "duration", "unit"), "expected min or h, found '" + r.duration().unit() + "'");
        }
    }

    private static void quantityUnit(YamlFile f, String at, DosesFile.Quantity q, String expected) {
        if (q != null) {
            unit(f, at, q.unit(), expected);
        }
    }

    /** A row without problems, its texts noted for the cross-file check. */
    private static IvRow ivRow(YamlFile f, String at, DosesFile.Iv r, TextUses texts) {
        texts.use(f, YamlFile.at(at, "label"), r.label());
        texts.use(f, YamlFile.at(at, "recheck"), r.recheck());
        texts.use(f, YamlFile.at(at, "repeat"), r.repeat());
        BigDecimal perUnit = r.duration().unit().equals("h") ? BigDecimal.valueOf(60) : BigDecimal.ONE;
        String dur = YamlFile.at(at, "duration");
        Integer min = whole(f, YamlFile.at(dur, "min"), r.duration().min().multiply(perUnit));
        Integer max = whole(f, YamlFile.at(dur, "max"), r.duration().max().multiply(perUnit));
        Integer volume = r.volume() == null ? null : whole(f, YamlFile.at(at, "volume", "value"), r.volume().value());
        if (min == null || max == null || (r.volume() != null && volume == null)) {
            return null;
        }
        List<String> alternatives = r.alternativeDiluents() == null ? List.of() : r.alternativeDiluents();
        return new IvRow(r.id(), r.label(), r.grams().low(), r.grams().high(), r.diluent(), alternatives, volume,
                min, max, r.renalCut() == null || r.renalCut(), r.repeat(), r.recheck(),
                r.repeatDays() == null ? null : r.repeatDays().min(),
                r.repeatDays() == null ? null : r.repeatDays().max());
    }

    private static OralRow oralRow(YamlFile f, String at, DosesFile.Oral r, TextUses texts) {
        texts.use(f, YamlFile.at(at, "label"), r.label());
        texts.use(f, YamlFile.at(at, "recheck"), r.recheck());
        return new OralRow(r.id(), r.label(), r.mgElementalPerDay().low(), r.mgElementalPerDay().high(),
                r.dividedDoses().min(), r.dividedDoses().max(), r.recheck());
    }

    private static Integer whole(YamlFile f, String at, BigDecimal v) {
        try {
            return v.intValueExact();
        } catch (ArithmeticException e) {
            f.problem(at, "expected a whole number");
            return null;
        }
    }

    /** Whether {@code actual} is the expected unit; a problem at {@code at/unit} when not. */
    static boolean unit(YamlFile f, String at, String actual, String expected) {
        if (actual != null && !expected.equals(actual)) {
            f.problem(YamlFile.at(at, "unit"), "expected " + expected + ", found '" + actual + "'");
            return false;
        }
        return true;
    }
}
