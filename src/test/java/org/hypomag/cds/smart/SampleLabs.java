package org.hypomag.cds.smart;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The serum Mg results of a fhir-samples/ bundle, read straight from the file (what the table must show). */
final class SampleLabs {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    static final Path SAMPLES = Path.of("fhir-samples");

    record Mg(String iso, String comparator, String value, String unit, String status) {
    }

    record Sample(String file, String patientId, List<Mg> mg) {
    }

    private SampleLabs() {
    }

    static List<Sample> all() {
        try (Stream<Path> files = Files.list(SAMPLES)) {
            return files.filter(p -> p.toString().endsWith(".json")).sorted().map(SampleLabs::of).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Sample of(Path file) {
        JsonNode bundle = JSON.readTree(file.toFile());
        String patient = null;
        List<Mg> mg = new ArrayList<>();
        for (JsonNode e : bundle.path("entry")) {
            JsonNode r = e.path("resource");
            String type = r.path("resourceType").asString("");
            if (type.equals("Patient")) {
                patient = r.path("id").asString();
            }
            if (type.equals("Observation") && loinc(r).matches("19123-9|2601-3")) {
                String iso = OffsetDateTime.parse(r.path("effectiveDateTime").asString()).toInstant()
                        .atOffset(java.time.ZoneOffset.UTC).format(DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'"));
                JsonNode q = r.path("valueQuantity");
                mg.add(new Mg(iso, q.path("comparator").asString(""), q.path("value").asString(""), q.path("unit").asString(""), r.path("status").asString()));
            }
        }
        return new Sample(file.getFileName().toString(), patient, mg);
    }

    private static String loinc(JsonNode r) {
        for (JsonNode c : r.path("code").path("coding")) {
            if ("http://loinc.org".equals(c.path("system").asString(""))) {
                return c.path("code").asString("");
            }
        }
        return "";
    }
}
