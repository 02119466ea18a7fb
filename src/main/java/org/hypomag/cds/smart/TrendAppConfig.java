package org.hypomag.cds.smart;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.hypomag.cds.clinical.Analyte;
import org.hypomag.cds.clinical.Code;
import org.hypomag.cds.clinical.DrugCatalog;
import org.hypomag.cds.clinical.DrugClass;
import org.hypomag.cds.clinical.DrugRole;
import org.hypomag.cds.clinical.Knowledge;
import org.hypomag.cds.clinical.Thresholds;
import org.hypomag.cds.clinical.UnitTable;
import org.hypomag.cds.fhir.UnitFactors;

/**
 * What {@code /smart/config.json} tells the app, built once at start from the loaded knowledge: the OAuth client
 * id and scopes; per plotted analyte its LOINC codes (lab-codes.yaml), canonical unit and the factor of every
 * unit string labs send (units.yaml through the service's own converter); the Mg reference range, grade and
 * staleness thresholds (thresholds.yaml, D2/D3); and the drug classes with the codes and text terms that find
 * them (drug-catalog.yaml). The app holds no clinical number of its own.
 */
final class TrendAppConfig {

    /** SMART App Launch 2.x scopes (.rs) followed by the v1 forms (.read) for older EHRs (issue 17). */
    static final String SCOPE = "launch patient/Patient.rs patient/Observation.rs patient/MedicationRequest.rs "
            + "patient/MedicationStatement.rs patient/MedicationAdministration.rs patient/Patient.read "
            + "patient/Observation.read patient/MedicationRequest.read patient/MedicationStatement.read "
            + "patient/MedicationAdministration.read";

    static final List<Analyte> PLOTTED = List.of(Analyte.MAGNESIUM, Analyte.POTASSIUM, Analyte.CALCIUM_TOTAL,
            Analyte.CALCIUM_IONIZED, Analyte.EGFR);

    /** Unit strings labs send, tried for every analyte besides the knowledge file's own aliases and factors. */
    private static final List<String> COMMON_UNITS = List.of("mg/dL", "mg/dl", "mg/L", "mg/l", "g/L", "g/dL",
            "mmol/L", "mmol/l", "umol/L", "umol/l", "\u00b5mol/L", "meq/L", "mEq/L", "mEq/l", "meq/l",
            "mL/min/{1.73_m2}", "mL/min", "ml/min");

    private TrendAppConfig() {
    }

    static Map<String, Object> build(SmartProperties smart, Knowledge knowledge, UnitTable units) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("clientId", smart.clientId());
        out.put("scope", SCOPE);
        out.put("knowledgeVersion", knowledge.version());
        out.put("analytes", analytes(knowledge, units));
        out.put("mg", mg(knowledge.thresholds()));
        out.put("drugs", drugs(knowledge.drugs()));
        return out;
    }

    private static Map<String, Object> analytes(Knowledge knowledge, UnitTable units) {
        UnitFactors factors = new UnitFactors(units);
        Map<String, Object> out = new LinkedHashMap<>();
        for (Analyte a : PLOTTED) {
            Map<String, Object> one = new LinkedHashMap<>();
            one.put("unit", a.canonicalUnit());
            one.put("codes", knowledge.labCodes().codes(a).stream().map(c -> c.system() + "|" + c.code()).toList());
            Set<String> candidates = new LinkedHashSet<>(COMMON_UNITS);
            candidates.add(a.canonicalUnit());
            units.factors(a).forEach(f -> candidates.add(f.from()));
            candidates.addAll(units.aliases().keySet());
            candidates.addAll(units.aliases().values());
            Map<String, BigDecimal> table = new LinkedHashMap<>();
            for (String u : candidates) {
                factors.toCanonical(a, u).ifPresent(f -> table.put(u, f));
            }
            one.put("factors", table);
            knowledge.labCodes().plausibleRange(a).ifPresent(p -> one.put("plausible", Map.of("min", p.min(), "max", p.max())));
            out.put(a.name(), one);
        }
        return out;
    }

    private static Map<String, Object> mg(Thresholds t) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("lowerLimit", t.mgLowerLimit());
        out.put("upperLimit", t.mgUpperLimit());
        out.put("severeBelow", t.mgSevereBelow());
        out.put("moderateUpTo", t.mgModerateUpTo());
        out.put("staleAfterHours", t.mgStaleAfter().toHours());
        out.put("electrolytesCurrentHours", t.electrolyteCurrent().toHours());
        out.put("egfrCurrentHours", t.egfrCurrent().toHours());
        out.put("potassiumLow", t.potassiumLowDefault());
        out.put("calciumTotalLow", t.calciumTotalLowDefault());
        out.put("calciumIonizedLow", t.calciumIonizedLowDefault());
        return out;
    }

    private static Map<String, Object> drugs(DrugCatalog catalog) {
        List<Map<String, String>> classes = new ArrayList<>();
        Map<String, String> codes = new LinkedHashMap<>();
        List<Map<String, String>> terms = new ArrayList<>();
        Map<String, String> ingredientClass = new LinkedHashMap<>();
        for (DrugClass c : catalog.classes()) {
            if (c.role() != DrugRole.CAUSE && c.role() != DrugRole.MG_SOURCE) {
                continue;
            }
            classes.add(Map.of("id", c.id(), "label", c.label(), "role", c.role().name()));
            c.atc().forEach(code -> codes.putIfAbsent(key(code), c.id()));
            for (DrugClass.Ingredient i : c.ingredients()) {
                ingredientClass.putIfAbsent(i.name(), c.id());
                i.codes().forEach(code -> codes.putIfAbsent(key(code), c.id()));
                i.terms().forEach(term -> terms.add(Map.of("term", term, "class", c.id())));
            }
        }
        for (DrugCatalog.ProductLink p : catalog.products()) {
            p.ingredients().stream().map(ingredientClass::get).filter(java.util.Objects::nonNull).findFirst()
                    .ifPresent(id -> codes.putIfAbsent(key(p.product()), id));
        }
        return Map.of("classes", classes, "codes", codes, "terms", terms);
    }

    private static String key(Code code) {
        return code.system() + "|" + code.code();
    }
}
