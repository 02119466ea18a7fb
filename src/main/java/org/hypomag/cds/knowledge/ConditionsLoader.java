package org.hypomag.cds.knowledge;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
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

    record File(@NotBlank String id, @NotBlank String version, Map<String, String> systems,
                @NotEmpty(message = "the emergency list is empty") List<@NotNull @Valid Concept> emergency,
                @NotNull List<@NotNull @Valid Concept> dialysis, List<@NotNull @Valid Concept> chronic,
                @Valid MgIndications mgIndications) implements KnowledgeDoc {
    }

    record Concept(@NotBlank String id, @NotBlank String label, @NotBlank String ref,
                   List<CodeSystems.@NotNull @Valid Entry> codes, String codeNote,
                   @NotEmpty(message = "a condition needs text terms (codes are often missing)") List<String> terms,
                   List<String> excludeTerms) {
        @AssertTrue(message = "no codes: say why in 'codeNote'")
        boolean isCodedOrExplained() {
            return (codes != null && !codes.isEmpty()) || codeNote != null;
        }
    }

    record MgIndications(List<String> fromEmergency, @NotNull List<@NotNull @Valid Concept> concepts) {
    }

    static ConditionCatalog load(YamlFile f, File doc) {
        CodeSystems systems = new CodeSystems(f, doc.systems());
        List<ConditionConcept> emergency = concepts(f, "/emergency", doc.emergency(), systems);
        List<ConditionConcept> dialysis = concepts(f, "/dialysis", doc.dialysis(), systems);
        List<ConditionConcept> chronic = concepts(f, "/chronic", doc.chronic(), systems);
        List<ConditionConcept> mgIndications = new ArrayList<>();
        MgIndications other = doc.mgIndications();
        if (other != null && f.clean("/mgIndications")) {
            List<String> from = other.fromEmergency() == null ? List.of() : other.fromEmergency();
            for (int i = 0; i < from.size(); i++) {
                String id = from.get(i);
                int at = i;
                emergency.stream().filter(c -> c.id().equals(id)).findFirst().ifPresentOrElse(mgIndications::add,
                        () -> f.problem(YamlFile.at("/mgIndications/fromEmergency", at),
                                "'" + id + "' is not on the emergency list"));
            }
            mgIndications.addAll(concepts(f, "/mgIndications/concepts", other.concepts(), systems));
        }
        return new ConditionCatalog(doc.version(), emergency, dialysis, chronic, mgIndications);
    }

    private static List<ConditionConcept> concepts(YamlFile f, String at, List<Concept> list, CodeSystems systems) {
        List<ConditionConcept> out = new ArrayList<>();
        for (int i = 0; list != null && i < list.size(); i++) {
            Concept c = list.get(i);
            if (!f.clean(YamlFile.at(at, i))) {
                continue;
            }
            List<Code> codes = new ArrayList<>();
            List<CodeSystems.Entry> entries = c.codes() == null ? List.of() : c.codes();
            for (int j = 0; j < entries.size(); j++) {
                String where = YamlFile.at(at, i, "codes", j);
                if (entries.get(j).source() == null) {
                    f.problem(where, "a condition code needs its 'source' (where it was seen)");
                }
                Code code = systems.code(f, where, entries.get(j));
                if (code != null) {
                    codes.add(code);
                }
            }
            out.add(new ConditionConcept(c.id(), c.label(), codes, c.terms(),
                    c.excludeTerms() == null ? List.of() : c.excludeTerms()));
        }
        return out;
    }
}
