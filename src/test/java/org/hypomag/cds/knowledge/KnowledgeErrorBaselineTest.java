package org.hypomag.cds.knowledge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Golden error baselines (as cel-java's policy tests): each directory of src/test/resources/knowledge-broken/
 * replaces one or more shipped knowledge files with broken ones (and may list files to leave out in absent.txt);
 * the loader's problems, one per line, must equal the directory's expected-errors.txt exactly, so every
 * message's file:line:column and wording is pinned. Run with {@code -Dknowledge.baselines.update=true} to
 * rewrite the baselines (then review the diff).
 */
class KnowledgeErrorBaselineTest {

    private static final Path ROOT = Path.of("src/test/resources/knowledge-broken");

    static Stream<String> cases() throws IOException {
        try (Stream<Path> dirs = Files.list(ROOT)) {
            return dirs.filter(Files::isDirectory).map(p -> p.getFileName().toString()).sorted().toList().stream();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void brokenFiles_reportEveryProblemAtItsPosition(String name) throws IOException {
        Path dir = ROOT.resolve(name);
        Map<String, String> files = shipped();
        try (Stream<Path> overlay = Files.list(dir)) {
            for (Path p : overlay.filter(p -> p.toString().endsWith(".yaml")).toList()) {
                files.put(p.getFileName().toString(), Files.readString(p));
            }
        }
        Path absent = dir.resolve("absent.txt");
        if (Files.exists(absent)) {
            Files.readAllLines(absent).forEach(files::remove);
        }
        StringBuilder actual = new StringBuilder();
        assertThatThrownBy(() -> load(files)).isInstanceOfSatisfying(KnowledgeException.class,
                e -> e.problems().forEach(p -> actual.append(p).append('\n')));
        Path expected = dir.resolve("expected-errors.txt");
        if (Boolean.getBoolean("knowledge.baselines.update")) {
            Files.writeString(expected, actual);
        }
        assertThat(actual.toString()).isEqualTo(Files.readString(expected));
    }

    private static void load(Map<String, String> files) {
        KnowledgeLoader.loadBundle("knowledge/", name -> {
            String text = files.get(name.substring("knowledge/".length()));
            return text == null ? null : new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
        });
    }

    static Map<String, String> shipped() {
        Map<String, String> out = new HashMap<>();
        for (String f : Stream.concat(Stream.of("manifest.yaml"), KnowledgeLoader.REQUIRED_FILES.stream()).toList()) {
            try (InputStream in = KnowledgeErrorBaselineTest.class.getClassLoader()
                    .getResourceAsStream("knowledge/" + f)) {
                out.put(f, new String(in.readAllBytes(), StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return out;
    }
}
