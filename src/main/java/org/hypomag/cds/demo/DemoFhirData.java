package org.hypomag.cds.demo;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.core.io.Resource;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The resources of every sample bundle, read once on the first search (not at start-up, issue 16.5): what the
 * read-only demo FHIR view searches. The bundles are synthetic; nothing here is ever written.
 */
final class DemoFhirData {

    private final Once<Index> index;

    /** The resources in bundle order and by "type/id" (the first of a duplicate id wins). */
    private record Index(List<JsonNode> resources, Map<String, JsonNode> byTypeAndId) {
    }

    DemoFhirData(SampleCatalog catalog) {
        this.index = new Once<>(() -> read(catalog));
    }

    private static Index read(SampleCatalog catalog) {
        List<JsonNode> resources = new ArrayList<>();
        Map<String, JsonNode> byTypeAndId = new HashMap<>();
        JsonMapper mapper = JsonMapper.builder().build();
        for (SampleCatalog.SampleEntry e : catalog.entries()) {
            Resource r = catalog.file(e.file()).orElseThrow();
            try (InputStream in = r.getInputStream()) {
                for (JsonNode entry : mapper.readTree(in).path("entry")) {
                    JsonNode res = entry.path("resource");
                    String type = res.path("resourceType").asString("");
                    String id = res.path("id").asString("");
                    if (!type.isEmpty() && !id.isEmpty() && byTypeAndId.putIfAbsent(type + "/" + id, res) == null) {
                        resources.add(res);
                    }
                }
            } catch (IOException ex) {
                throw new UncheckedIOException("cannot read sample " + e.file(), ex);
            }
        }
        return new Index(List.copyOf(resources), Map.copyOf(byTypeAndId));
    }

    JsonNode read(String type, String id) {
        return index.get().byTypeAndId().get(type + "/" + id);
    }

    /** Resources of a type whose subject/patient is {@code Patient/<patientId>} (all of the type when null). */
    List<JsonNode> ofPatient(String type, String patientId) {
        List<JsonNode> out = new ArrayList<>();
        for (JsonNode r : index.get().resources()) {
            if (!type.equals(r.path("resourceType").asString(""))) {
                continue;
            }
            if (patientId == null || belongsTo(r, patientId)) {
                out.add(r);
            }
        }
        return out;
    }

    private static boolean belongsTo(JsonNode r, String patientId) {
        if ("Patient".equals(r.path("resourceType").asString(""))) {
            return patientId.equals(r.path("id").asString(""));
        }
        String ref = r.path("subject").path("reference").asString("");
        if (ref.isEmpty()) {
            ref = r.path("patient").path("reference").asString("");
        }
        return ref.equals("Patient/" + patientId);
    }
}
