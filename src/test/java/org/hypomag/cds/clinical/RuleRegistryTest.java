package org.hypomag.cds.clinical;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The rule registry (knowledge/rules.yaml) and the code agree (issue 13.2): the code names rule ids only through
 * {@link RuleId}, every constant is registered and used, every registered rule is emitted by the code or by a
 * dose-table row unless marked {@code emitted: false}, and what the assessment emits is registered.
 */
class RuleRegistryTest {

    private static final Path MAIN = Path.of("src/main/java");
    private static final Pattern LITERAL = Pattern.compile("\"(D[0-9]+|T-[A-Z][A-Z-]*|R[0-9]+)\"");
    private static final Pattern USE = Pattern.compile("\\bRuleId\\.([A-Z][A-Z0-9_]*)\\b");
    private static final RuleRegistry REGISTRY = TestKnowledge.K.rules();
    private static String code;

    @BeforeAll
    static void readMainSources() throws IOException {
        StringBuilder all = new StringBuilder();
        try (Stream<Path> files = Files.walk(MAIN)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java"))
                    .filter(p -> !p.getFileName().toString().equals("RuleId.java")).sorted().toList()) {
                all.append("// file ").append(f).append('\n').append(Files.readString(f));
            }
        }
        code = all.toString();
    }

    @Test
    void noRuleIdLiteral_outsideRuleId() {
        List<String> literals = LITERAL.matcher(code).results().map(m -> m.group()).toList();
        assertThat(literals).as("rule ids written as strings in src/main/java; use RuleId").isEmpty();
    }

    @Test
    void everyRuleIdConstant_isRegistered() {
        assertThat(RuleId.declared()).isNotEmpty()
                .allSatisfy(id -> assertThat(REGISTRY.rule(id.id())).as("%s in rules.yaml", id).isPresent());
    }

    @Test
    void everyRuleIdConstant_isUsedByTheCode() {
        Set<String> used = USE.matcher(code).results().map(m -> m.group(1)).collect(Collectors.toSet());
        assertThat(RuleId.declared()).allSatisfy(id -> assertThat(used).as("RuleId.%s used in src/main/java",
                constant(id)).contains(constant(id)));
    }

    @Test
    void everyEmittedRule_isNamedByTheCodeOrByADoseRow_andNoOtherIs() {
        Set<String> named = new TreeSet<>();
        RuleId.declared().forEach(id -> named.add(id.id()));
        DoseTable d = TestKnowledge.K.doses();
        named.addAll(d.iv().keySet());
        named.addAll(List.of(d.severeRenal().ruleId(), d.oral().ruleId(), d.oralRenal().ruleId()));
        for (RuleRegistry.Rule r : REGISTRY.rules().values()) {
            if (r.emitted()) {
                assertThat(named).as("%s: registered as emitted but no code or dose row names it", r.id())
                        .contains(r.id());
            } else {
                assertThat(named).as("%s: marked emitted: false but the code names it", r.id())
                        .doesNotContain(r.id());
            }
        }
    }

    @Test
    void everyRuleTheAssessmentEmits_isRegistered() {
        Set<String> emitted = new TreeSet<>();
        for (RuleCase c : RuleCases.all()) {
            Assessment a = Assessor.assess(c.snapshot(), TestKnowledge.K, Snap.NOW);
            emitted.addAll(RuleCase.emitted(a));
            if (a.magnesium() != null && a.magnesium().grade() != Grade.NORMAL && a.magnesium().grade() != Grade.HIGH) {
                emitted.addAll(AlertRules.ids(a));
            }
        }
        assertThat(emitted).hasSizeGreaterThan(20)
                .allSatisfy(id -> assertThat(REGISTRY.rule(id)).as("emitted %s in rules.yaml", id).isPresent());
    }

    private static String constant(RuleId id) {
        return id.id().replace('-', '_');
    }
}
