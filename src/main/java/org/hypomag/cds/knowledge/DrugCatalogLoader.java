package org.hypomag.cds.knowledge;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.hypomag.cds.clinical.Code;
import org.hypomag.cds.clinical.DrugCatalog;
import org.hypomag.cds.clinical.DrugClass;
import org.hypomag.cds.clinical.DrugRole;

/** knowledge/drug-catalog.yaml: classes, ingredients and the product -> ingredient table. */
final class DrugCatalogLoader {

    private static final String ATC = "http://www.whocc.no/atc";

    private DrugCatalogLoader() {
    }

    static DrugCatalog load(Yml root, String version, Set<String> textKeysUsed) {
        CodeSystems systems = new CodeSystems(root);
        List<DrugClass> classes = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        Set<String> ingredientNames = new HashSet<>();
        for (Yml c : root.reqList("classes")) {
            DrugClass cls = drugClass(c, systems, textKeysUsed, ingredientNames);
            if (cls != null) {
                if (!ids.add(cls.id())) {
                    c.problem("duplicate class id " + cls.id());
                }
                classes.add(cls);
            }
        }
        List<DrugCatalog.ProductLink> products = new ArrayList<>();
        for (Yml p : root.reqList("products")) {
            Code code = systems.code(p);
            List<String> ingredients = p.strings("ingredients");
            if (ingredients.isEmpty()) {
                p.problem("a product needs its ingredients");
            }
            for (String i : ingredients) {
                if (!ingredientNames.contains(i)) {
                    p.get("ingredients").problem("ingredient '" + i + "' is in no class");
                }
            }
            if (code != null) {
                products.add(new DrugCatalog.ProductLink(code, p.optStr("display"), ingredients));
            }
        }
        return new DrugCatalog(version, classes, products, exposure(root.req("exposure")));
    }

    /** D22: the exposure chain numbers and the default administration window (each with value, unit d, ref). */
    private static DrugCatalog.Exposure exposure(Yml e) {
        if (!e.present()) {
            return new DrugCatalog.Exposure(null, null, null);
        }
        return new DrugCatalog.Exposure(days(e.req("chainAfterEnd")), days(e.req("chainOpenEnded")),
                days(e.req("administrationCountsFor")));
    }

    /** {value: N, unit: d, ref: "..."} -> N days; a problem when malformed. */
    static Duration days(Yml y) {
        if (!y.present()) {
            return null;
        }
        y.reqStr("ref");
        BigDecimal value = y.reqDec("value");
        String unit = y.reqStr("unit");
        if (value == null || unit == null) {
            return null;
        }
        if (!"d".equals(unit)) {
            y.get("unit").problem("expected d, found '" + unit + "'");
            return null;
        }
        if (value.signum() <= 0 || value.compareTo(BigDecimal.valueOf(3650)) > 0) {
            y.get("value").problem("must be between 1 and 3650 days");
            return null;
        }
        return Duration.ofMinutes(value.multiply(BigDecimal.valueOf(1440)).longValue());
    }

    private static DrugClass drugClass(Yml c, CodeSystems systems, Set<String> textKeysUsed, Set<String> names) {
        String id = c.reqStr("id");
        String label = c.reqStr("label");
        String roleText = c.reqStr("role");
        String ref = c.reqStr("ref");
        String effect = c.reqStr("effect");
        String frequency = c.optStr("frequency");
        String advice = c.optStr("advice");
        String gap = c.optStr("gap");
        String url = c.optStr("url");
        if (url != null && !url.startsWith("https://")) {
            c.get("url").problem("a class source url must be https");
        }
        Duration administration = days(c.get("administrationCountsFor"));
        if (!c.get("generalKnowledge").present()) {
            c.problem("'generalKnowledge' is required (true when the source does not name the class)");
        }
        boolean general = c.bool("generalKnowledge", true);
        DrugRole role = null;
        if (roleText != null) {
            try {
                role = DrugRole.valueOf(roleText);
            } catch (IllegalArgumentException e) {
                c.get("role").problem("role must be CAUSE, RAISER, MG_SOURCE or MG_CONTAINING");
            }
        }
        List<DrugClass.Ingredient> ingredients = new ArrayList<>();
        for (Yml i : c.reqList("ingredients")) {
            String name = i.reqStr("name");
            List<String> terms = i.strings("terms");
            if (terms.isEmpty()) {
                i.problem("an ingredient needs text terms (the last-resort match)");
            }
            List<Code> codes = new ArrayList<>();
            i.get("codes").list().forEach(y -> {
                Code code = systems.code(y);
                if (code != null) {
                    codes.add(code);
                }
            });
            if (name != null) {
                if (!names.add(name)) {
                    i.problem("ingredient '" + name + "' is in two classes");
                }
                ingredients.add(new DrugClass.Ingredient(name, codes, terms));
            }
        }
        List<Code> atc = c.strings("atc").stream().map(a -> new Code(ATC, a, null)).toList();
        for (String k : new String[] {effect, frequency, advice, gap}) {
            if (k != null) {
                textKeysUsed.add(k);
            }
        }
        if (id == null || label == null || role == null || ref == null || effect == null) {
            return null;
        }
        return new DrugClass(id, label, role, general, effect, frequency, advice, ingredients, atc, ref, gap, url,
                administration);
    }
}
