package org.hypomag.cds.clinical;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/** clinical imports nothing but the JDK: no Spring, no HAPI, no Jackson, no other package of the service. */
class ClinicalPurityTest {

    @Test
    void clinicalSourcesImportOnlyTheJdk() throws IOException {
        try (Stream<Path> files = Files.list(Path.of("src/main/java/org/hypomag/cds/clinical"))) {
            List<String> offending = files.flatMap(f -> {
                try {
                    return Files.readAllLines(f).stream().filter(l -> l.startsWith("import "))
                            .filter(l -> !l.startsWith("import java."))
                            .filter(l -> !l.startsWith("import org.hypomag.cds.clinical.")).map(l -> f.getFileName() + ": " + l);
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }).toList();
            assertThat(offending).isEmpty();
        }
    }
}
