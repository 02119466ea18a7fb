package org.hypomag.cds.knowledge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.hypomag.cds.clinical.Knowledge;
import org.junit.jupiter.api.Test;

class KnowledgeLoaderTest {

    @Test
    void shippedKnowledge_loadsWithItsVersionAndDecidedNumbers() {
        Knowledge k = KnowledgeLoader.loadDefault();
        assertThat(k.version()).isEqualTo("2026.11.1");
        assertThat(k.fileVersions()).containsKeys("thresholds.yaml", "doses.yaml", "drug-catalog.yaml",
                "conditions.yaml", "monitoring.yaml", "texts.yaml", "lab-codes.yaml");
        assertThat(k.thresholds().mgLowerLimit()).isEqualByComparingTo("1.7");
        assertThat(k.thresholds().mgStaleAfter()).isEqualTo(Duration.ofHours(168));
        assertThat(k.thresholds().gapNoMg()).isEqualTo(Duration.ofDays(365));
        assertThat(k.doses().meqPerGram()).isEqualByComparingTo("8.12");
        assertThat(k.doses().row("T-HOSP-IV-SEV").durationMaxMinutes()).isEqualTo(1440);
        assertThat(k.doses().severeRenal().gramsHigh()).isEqualByComparingTo("4");
        assertThat(k.doses().paediatric().capGrams()).isEqualByComparingTo(BigDecimal.valueOf(2));
        assertThat(k.drugs().byId("ppi")).isPresent();
        assertThat(k.conditions().emergency()).extracting(c -> c.id())
                .containsExactly("torsades", "ventricular-tachycardia", "ventricular-fibrillation", "seizure",
                        "tetany");
        assertThat(k.labCodes().codes(org.hypomag.cds.clinical.Analyte.MAGNESIUM)).hasSize(2);
    }

    @Test
    void brokenFiles_reportEveryProblemWithFileAndLine() {
        Map<String, String> files = shipped();
        files.put("thresholds.yaml", files.get("thresholds.yaml")
                .replace("value: 1.7\n    unit: mg/dL", "value: abc\n    unit: mg/dL")
                .replace("value: 168\n    unit: h", "value: 168\n    unit: weeks"));
        files.put("doses.yaml", files.get("doses.yaml").replace("  - id: T-HOSP-IV-MOD\n", "  - id: T-HOSP-IV-MODX\n")
                .replace("grams: {low: 1, high: 2, unit: g}\n    diluent: D5W\n    alternativeDiluents: [NS]",
                        "grams: {low: 3, high: 2, unit: mg}\n    diluent: D5W\n    alternativeDiluents: [NS]"));
        files.put("texts.yaml", files.get("texts.yaml").replaceAll("(?m)^  hyper\\.signs:.*\\n", ""));
        files.put("drug-catalog.yaml", files.get("drug-catalog.yaml").replace("role: RAISER", "role: RISER"));
        files.put("conditions.yaml", files.get("conditions.yaml").replace("{system: sct, code: \"71908006\"",
                "{system: snomed, code: \"71908006\""));
        files.put("lab-codes.yaml", files.get("lab-codes.yaml").replace("  HEIGHT:\n", "  HIGHT:\n"));

        assertThatThrownBy(() -> load(files))
                .isInstanceOfSatisfying(KnowledgeException.class, e -> assertThat(e.problems())
                        .anySatisfy(p -> assertThat(p).matches("knowledge/thresholds\\.yaml:\\d+: .*'abc' is not a number"))
                        .anySatisfy(p -> assertThat(p).matches("knowledge/thresholds\\.yaml:\\d+: .*expected h or d, found 'weeks'"))
                        .anySatisfy(p -> assertThat(p).contains("doses.yaml").contains("unknown row T-HOSP-IV-MODX"))
                        .anySatisfy(p -> assertThat(p).contains("doses.yaml").contains("row T-HOSP-IV-MOD is missing"))
                        .anySatisfy(p -> assertThat(p).matches("knowledge/doses\\.yaml:\\d+: .*expected g, found 'mg'"))
                        .anySatisfy(p -> assertThat(p).matches("knowledge/doses\\.yaml:\\d+: .*need 0 < low <= high"))
                        .anySatisfy(p -> assertThat(p).contains("text 'hyper.signs' is used but not defined"))
                        .anySatisfy(p -> assertThat(p).matches("knowledge/drug-catalog\\.yaml:\\d+: .*role must be .*"))
                        .anySatisfy(p -> assertThat(p).matches("knowledge/conditions\\.yaml:\\d+: .*unknown system 'snomed'.*"))
                        .anySatisfy(p -> assertThat(p).contains("lab-codes.yaml").contains("HIGHT")));
    }

    @Test
    void yamlSyntaxError_isReportedWithItsLine() {
        Map<String, String> files = shipped();
        files.put("monitoring.yaml", "id: monitoring\nversion: 1\norderables: {magnesium: [\n");
        assertThatThrownBy(() -> load(files)).isInstanceOfSatisfying(KnowledgeException.class,
                e -> assertThat(e.problems()).anySatisfy(p -> assertThat(p).matches("knowledge/monitoring\\.yaml:\\d+: YAML syntax.*")));
    }

    @Test
    void missingFileAndMissingThreshold_areBothReported() {
        Map<String, String> files = shipped();
        files.remove("conditions.yaml");
        files.put("thresholds.yaml", files.get("thresholds.yaml").replace("  gap.noMgFor:", "  gap.noMgForX:"));
        assertThatThrownBy(() -> load(files)).isInstanceOfSatisfying(KnowledgeException.class,
                e -> assertThat(e.problems())
                        .anySatisfy(p -> assertThat(p).isEqualTo("knowledge/conditions.yaml: not found"))
                        .anySatisfy(p -> assertThat(p).contains("threshold 'gap.noMgFor' is missing"))
                        .anySatisfy(p -> assertThat(p).contains("gap.noMgForX").contains("unknown threshold id")));
    }

    private static Knowledge load(Map<String, String> files) {
        return KnowledgeLoader.load("knowledge/", name -> {
            String text = files.get(name.substring("knowledge/".length()));
            return text == null ? null : new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
        });
    }

    static Map<String, String> shipped() {
        Map<String, String> out = new HashMap<>();
        for (String f : List.of("manifest.yaml", "thresholds.yaml", "doses.yaml", "drug-catalog.yaml",
                "conditions.yaml", "monitoring.yaml", "texts.yaml", "lab-codes.yaml")) {
            try (InputStream in = KnowledgeLoaderTest.class.getClassLoader().getResourceAsStream("knowledge/" + f)) {
                out.put(f, new String(in.readAllBytes(), StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return out;
    }
}
