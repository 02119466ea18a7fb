package org.hypomag.cds.clinical;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/** Loads every case file under clinical-cases/. */
final class RuleCases {

    private RuleCases() {
    }

    @SuppressWarnings("unchecked")
    static List<RuleCase> all() {
        List<RuleCase> out = new ArrayList<>();
        try (Stream<Path> files = Files.list(Path.of(RuleCases.class.getClassLoader()
                .getResource("clinical-cases").toURI()))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".yaml")).sorted().toList()) {
                try (InputStream in = Files.newInputStream(f)) {
                    Map<String, Object> doc = new Yaml(new SafeConstructor(new LoaderOptions())).load(in);
                    for (Object o : (List<Object>) doc.get("cases")) {
                        Map<String, Object> c = (Map<String, Object>) o;
                        out.add(new RuleCase(f.getFileName().toString(), (String) c.get("name"),
                                (List<String>) c.getOrDefault("rules", List.of()),
                                (List<String>) c.getOrDefault("silent", List.of()), c));
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
        return out;
    }
}
