package org.hypomag.cds.samples;

import org.hypomag.cds.knowledge.KnowledgeLoader;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;

import org.hypomag.cds.fhir.PrefetchTemplates;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Answers the service's own prefetch templates ({@link PrefetchTemplates}) from one sample bundle, the way a
 * FHIR server holding that bundle would: a read for {@code Patient/{id}}, a searchset Bundle (possibly with
 * total 0) for every search. Supports exactly the parameters the templates use: patient, code, status,
 * _sort=-date, _count; _include is checked to be a no-op (the samples use medicationCodeableConcept).
 */
final class PrefetchBuilder {

    static final String FHIR_BASE = "http://localhost:8081/fhir";

    private final JsonMapper json;
    private final Map<String, String> templates;

    PrefetchBuilder(JsonMapper json) {
        this.json = json;
        this.templates = PrefetchTemplates.all(KnowledgeLoader.loadDefault().labCodes());
    }

    /** Every prefetch key, in template order, answered from the sample bundle of {@code patientId}. */
    ObjectNode prefetch(JsonNode sampleBundle, String patientId) {
        List<JsonNode> resources = new ArrayList<>();
        sampleBundle.get("entry").forEach(e -> resources.add(e.get("resource")));
        ObjectNode out = json.createObjectNode();
        templates.forEach((key, template) -> out.set(key,
                answer(template.replace("{{context.patientId}}", patientId), patientId, resources)));
        return out;
    }

    private JsonNode answer(String query, String patientId, List<JsonNode> resources) {
        int q = query.indexOf('?');
        if (q < 0) {
            return resources.stream().filter(r -> query.equals(type(r) + "/" + r.get("id").asString())).findFirst()
                    .map(JsonNode::deepCopy).orElseThrow(() -> new IllegalStateException("no " + query));
        }
        String type = query.substring(0, q);
        Map<String, String> params = new LinkedHashMap<>();
        for (String p : query.substring(q + 1).split("&")) {
            params.put(p.substring(0, p.indexOf('=')), p.substring(p.indexOf('=') + 1));
        }
        List<JsonNode> matches = resources.stream().filter(r -> type.equals(type(r)))
                .filter(r -> ("Patient/" + patientId).equals(r.path("subject").path("reference").asString()))
                .filter(r -> !params.containsKey("code") || hasCode(r, List.of(params.get("code").split(","))))
                .filter(r -> !params.containsKey("status")
                        || List.of(params.get("status").split(",")).contains(r.path("status").asString()))
                .toList();
        matches.forEach(r -> {
            if (r.has("medicationReference")) {
                throw new IllegalStateException("_include would add a Medication: not supported here");
            }
        });
        if ("-date".equals(params.get("_sort"))) {
            matches = matches.stream().sorted(Comparator.comparing(
                    (JsonNode r) -> r.path("effectiveDateTime").asString()).reversed()).toList();
        }
        int count = Integer.parseInt(params.getOrDefault("_count", "100"));
        return searchset(query, matches, count);
    }

    private ObjectNode searchset(String query, List<JsonNode> matches, int count) {
        ObjectNode bundle = json.createObjectNode();
        bundle.put("resourceType", "Bundle");
        bundle.put("type", "searchset");
        bundle.put("total", matches.size());
        ArrayNode links = bundle.putArray("link");
        links.addObject().put("relation", "self").put("url", FHIR_BASE + "/" + query);
        if (matches.size() > count) {
            throw new IllegalStateException("more than one page: add a next link before using this sample");
        }
        if (!matches.isEmpty()) {
            ArrayNode entries = bundle.putArray("entry");
            for (JsonNode r : matches) {
                ObjectNode e = entries.addObject();
                e.put("fullUrl", FHIR_BASE + "/" + type(r) + "/" + r.get("id").asString());
                e.set("resource", r.deepCopy());
                e.putObject("search").put("mode", "match");
            }
        }
        return bundle;
    }

    private static boolean hasCode(JsonNode resource, List<String> systemBarCode) {
        return StreamSupport.stream(resource.path("code").path("coding").spliterator(), false)
                .anyMatch(c -> systemBarCode.contains(c.path("system").asString() + "|" + c.path("code").asString()));
    }

    private static String type(JsonNode resource) {
        return resource.get("resourceType").asString();
    }
}
