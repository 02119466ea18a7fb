package org.hypomag.cds.knowledge;

import java.util.ArrayList;
import java.util.List;

import org.hypomag.cds.clinical.Code;
import org.hypomag.cds.clinical.ConditionCatalog;
import org.hypomag.cds.clinical.ConditionConcept;

/**
 * knowledge/conditions.yaml: emergency list (D4), dialysis (D6), chronic diagnoses (D20) and the other
 * indications for magnesium sulfate (§2.3); every code names where it was seen.
 */
final class ConditionsLoader {

    private ConditionsLoader() {
    }

    static ConditionCatalog load(Yml root, String version) {
        CodeSystems systems = new CodeSystems(root);
        List<ConditionConcept> emergency = concepts(root.reqList("emergency"), systems);
        List<ConditionConcept> dialysis = concepts(root.reqList("dialysis"), systems);
        List<ConditionConcept> chronic = concepts(root.get("chronic").list(), systems);
        if (emergency.isEmpty()) {
            root.problem("the emergency list is empty");
        }
        List<ConditionConcept> mgIndications = new ArrayList<>();
        Yml other = root.get("mgIndications");
        if (other.present()) {
            for (String id : other.strings("fromEmergency")) {
                emergency.stream().filter(c -> c.id().equals(id)).findFirst().ifPresentOrElse(mgIndications::add,
                        () -> other.get("fromEmergency").problem("'" + id + "' is not on the emergency list"));
            }
            mgIndications.addAll(concepts(other.reqList("concepts"), systems));
        }
        return new ConditionCatalog(version, emergency, dialysis, chronic, mgIndications);
    }

    private static List<ConditionConcept> concepts(List<Yml> list, CodeSystems systems) {
        List<ConditionConcept> out = new ArrayList<>();
        for (Yml c : list) {
            String id = c.reqStr("id");
            String label = c.reqStr("label");
            c.reqStr("ref");
            List<Code> codes = new ArrayList<>();
            for (Yml y : c.get("codes").list()) {
                y.reqStr("source");
                Code code = systems.code(y);
                if (code != null) {
                    codes.add(code);
                }
            }
            List<String> terms = c.strings("terms");
            if (terms.isEmpty()) {
                c.problem("a condition needs text terms (codes are often missing)");
            }
            if (codes.isEmpty() && !c.get("codeNote").present()) {
                c.problem("no codes: say why in 'codeNote'");
            }
            if (id != null && label != null) {
                out.add(new ConditionConcept(id, label, codes, terms, c.strings("excludeTerms")));
            }
        }
        return out;
    }
}
