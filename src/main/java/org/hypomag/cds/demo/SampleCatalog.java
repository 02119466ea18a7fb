package org.hypomag.cds.demo;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * The sample patient bundles on the classpath under {@code samples/} (the build copies {@code fhir-samples/*.json}
 * there). Read once, on first use: the files are synthetic, small and never change while running.
 */
@Component
class SampleCatalog {

    static final Pattern FILE_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,99}\\.json");

    private final Once<Loaded> loaded;

    SampleCatalog() {
        this("classpath*:samples/*.json");
    }

    /** The files are read on first use (the demo page, the FHIR view), not at start-up: the service starts sooner. */
    SampleCatalog(String pattern) {
        this.loaded = new Once<>(() -> read(pattern));
    }

    List<SampleEntry> entries() {
        return loaded.get().entries();
    }

    Optional<Resource> file(String name) {
        return Optional.ofNullable(loaded.get().files().get(name));
    }

    private static Loaded read(String pattern) {
        Map<String, Resource> files = new LinkedHashMap<>();
        List<SampleEntry> entries = new ArrayList<>();
        ObjectMapper mapper = JsonMapper.builder().build();
        try {
            Resource[] found = new PathMatchingResourcePatternResolver().getResources(pattern);
            List<Resource> sorted = new ArrayList<>(List.of(found));
            sorted.sort(Comparator.comparing(Resource::getFilename, Comparator.nullsLast(Comparator.naturalOrder())));
            for (Resource r : sorted) {
                String name = r.getFilename();
                if (name == null || !FILE_NAME.matcher(name).matches() || files.containsKey(name)) {
                    continue;
                }
                try (InputStream in = r.getInputStream()) {
                    entries.add(SampleEntry.of(name, mapper.readTree(in)));
                    files.put(name, r);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list sample bundles", e);
        }
        return new Loaded(Map.copyOf(files), List.copyOf(entries));
    }

    private record Loaded(Map<String, Resource> files, List<SampleEntry> entries) {
    }

    /** What the page's patient picker shows; all from the bundle's Patient resource. */
    record SampleEntry(String file, String patientId, String name, String gender, String birthDate) {

        static SampleEntry of(String file, JsonNode bundle) {
            for (JsonNode entry : bundle.path("entry")) {
                JsonNode res = entry.path("resource");
                if ("Patient".equals(res.path("resourceType").asString(""))) {
                    return new SampleEntry(file, res.path("id").asString(""), displayName(res.path("name")),
                            res.path("gender").asString(""), res.path("birthDate").asString(""));
                }
            }
            return new SampleEntry(file, "", "", "", "");
        }

        private static String displayName(JsonNode names) {
            JsonNode name = names.path(0);
            if (name.has("text")) {
                return name.path("text").asString("");
            }
            StringBuilder sb = new StringBuilder();
            for (JsonNode given : name.path("given")) {
                sb.append(given.asString("")).append(' ');
            }
            return sb.append(name.path("family").asString("")).toString().trim();
        }
    }
}
