package org.hypomag.cds.knowledge;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import org.hypomag.cds.clinical.RuleId;
import org.hypomag.cds.clinical.RuleRegistry;

/** knowledge/rules.yaml: the rule registry; every {@link RuleId} constant must be in it. */
final class RulesLoader {

    private RulesLoader() {
    }

    record File(@NotBlank String id, @NotBlank String version, @NotEmpty List<@NotNull @Valid Rule> rules)
            implements KnowledgeDoc {
    }

    record Rule(@NotBlank @Pattern(regexp = "[A-Z][A-Z0-9-]{0,31}") String id, @NotBlank String title,
                @NotBlank String decides,
                @NotBlank @Pattern(regexp = "hypomagnesemia\\.md (D[0-9]+|§.+)",
                        message = "must name a section of hypomagnesemia.md (D5, §5.3 T-EMERG ...)") String source,
                boolean choice, Boolean emitted, RuleRegistry.Cases cases) {
    }

    static RuleRegistry load(YamlFile f, File doc) {
        Map<String, RuleRegistry.Rule> rules = new LinkedHashMap<>();
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < doc.rules().size(); i++) {
            Rule r = doc.rules().get(i);
            if (r == null || r.id() == null) {
                continue;
            }
            if (!ids.add(r.id())) {
                f.problem(YamlFile.at("/rules", i, "id"), "duplicate rule id " + r.id());
            }
            if (f.clean(YamlFile.at("/rules", i))) {
                rules.put(r.id(), new RuleRegistry.Rule(r.id(), r.title(), r.decides(), r.source(), r.choice(),
                        r.emitted() == null || r.emitted(),
                        r.cases() == null ? RuleRegistry.Cases.CLINICAL : r.cases()));
            }
        }
        for (RuleId id : RuleId.declared()) {
            if (!ids.contains(id.id())) {
                f.problem("/rules", "rule " + id + " is named by the code (RuleId) but not registered");
            }
        }
        return new RuleRegistry(doc.version(), rules);
    }
}
