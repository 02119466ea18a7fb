package org.hypomag.cds.samples;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** Locates the committed sample files (fhir-samples/, hooks/) from the project root Maven runs tests in. */
final class SampleFiles {

    static final Path SAMPLES = Path.of("fhir-samples");
    static final Path HOOKS = Path.of("hooks");

    private SampleFiles() {
    }

    /** Every sample bundle, {@code NN-short-name.json}, in file-name order. */
    static List<Path> bundles() {
        return jsonFiles(SAMPLES);
    }

    static List<Path> hookRequests() {
        return jsonFiles(HOOKS);
    }

    static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The patient id a sample file must carry: its name without the {@code NN-} prefix and {@code .json}. */
    static String patientIdOf(Path bundle) {
        String name = bundle.getFileName().toString();
        return name.substring(name.indexOf('-') + 1, name.length() - ".json".length());
    }

    private static List<Path> jsonFiles(Path dir) {
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> p.getFileName().toString().endsWith(".json")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
