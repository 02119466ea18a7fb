package org.hypomag.cds.it;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

import org.hypomag.cds.testing.Http;

/**
 * Every {@code fhir-samples/*.json} transaction Bundle as found at run time, POSTed to the server's base.
 *
 * @param files      the bundles, in name order
 * @param failures   file name to status and body, for each bundle not answered 200
 * @param patientIds the Patient ids the bundles create, in file order
 */
record SampleLoad(List<Path> files, Map<String, String> failures, List<String> patientIds) {

    private static final Http HTTP = Http.at("").accepting(Http.FHIR_OR_JSON);

    static SampleLoad load(Path dir, String fhirBase, ObjectMapper json) throws IOException {
        if (!Files.isDirectory(dir)) {
            throw new AssertionError("no sample bundles: " + dir + " is not a directory");
        }
        List<Path> files;
        try (Stream<Path> s = Files.list(dir)) {
            files = s.filter(p -> p.getFileName().toString().endsWith(".json")).sorted().toList();
        }
        Map<String, String> failures = new LinkedHashMap<>();
        List<String> patientIds = new ArrayList<>();
        for (Path file : files) {
            String bundle = Files.readString(file);
            Http.Answer a = HTTP.post(fhirBase, bundle).contentType(Http.FHIR_JSON).send();
            if (a.status() != 200) {
                failures.put(file.getFileName().toString(), a.status() + " " + a.body());
            }
            for (JsonNode entry : json.readTree(bundle).path("entry")) {
                if ("Patient".equals(entry.path("resource").path("resourceType").asString())) {
                    patientIds.add(entry.path("resource").path("id").asString());
                }
            }
        }
        return new SampleLoad(List.copyOf(files), Map.copyOf(failures), List.copyOf(patientIds));
    }
}
