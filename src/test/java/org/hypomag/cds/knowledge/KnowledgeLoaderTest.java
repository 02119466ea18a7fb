package org.hypomag.cds.knowledge;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

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

    /** Issue 13.3: one loading path; every file of knowledge/ is in the manifest, so its version covers all. */
    @Test
    void everyKnowledgeFile_isListedInTheManifestAndLoaded() throws IOException {
        Set<String> onDisk;
        try (Stream<Path> files = Files.list(Path.of("src/main/resources/knowledge"))) {
            onDisk = files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".yaml"))
                    .filter(n -> !n.equals("manifest.yaml")).collect(Collectors.toSet());
        }
        assertThat(KnowledgeLoader.loadDefault().fileVersions().keySet()).containsExactlyInAnyOrderElementsOf(onDisk);
        assertThat(KnowledgeLoader.loadDefaultBundle().cards().version()).isEqualTo("2026.11.1");
    }

    @Test
    void preloadAndCallersOnManyThreads_allGetTheOneBundleReadOnce() throws Exception {
        KnowledgeLoader.preloadDefaultBundle();
        var pool = java.util.concurrent.Executors.newFixedThreadPool(4);
        try {
            var futures = new java.util.ArrayList<java.util.concurrent.Future<KnowledgeBundle>>();
            for (int i = 0; i < 8; i++) {
                futures.add(pool.submit(KnowledgeLoader::loadDefaultBundle));
            }
            KnowledgeBundle first = KnowledgeLoader.loadDefaultBundle();
            for (var f : futures) {
                assertThat(f.get()).isSameAs(first);
            }
            assertThat(first.knowledge().version()).isNotBlank();
            assertThat(KnowledgeLoader.loadDefault()).isSameAs(first.knowledge());
        } finally {
            pool.shutdownNow();
        }
    }
}
