package org.hypomag.cds.demo;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.UriComponentsBuilder;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * A read-only FHIR R4 view of the sample bundles under {@code /demo/fhir}, so the SMART trend app opens with the
 * README's start command alone (open-server mode, no authorization: the data is synthetic, the same as
 * {@code /samples}). Reads ({@code Patient/{id}}, any type by id) and searches by {@code patient} and
 * {@code code}, newest first, paged with {@code _count} (capped at {@code cds.demo.fhir.max-page-size}) and a
 * {@code next} link. Dates are shifted like the demo page's. Bounded input: a bad id, code list, count or
 * offset is a 400 OperationOutcome; an unknown type or id a 404.
 */
@RestController
class DemoFhirController {

    static final Pattern ID = Pattern.compile("[A-Za-z0-9\\-.]{1,64}");
    static final Set<String> TYPES = Set.of("Patient", "Observation", "MedicationRequest", "MedicationStatement",
            "MedicationAdministration", "Medication", "Encounter", "Condition");
    static final int MAX_CODES = 50;
    static final int MAX_OFFSET = 10_000;
    private static final String FHIR_JSON = "application/fhir+json";

    private final DemoFhirData data;
    private final Clock clock;
    private final int maxPageSize;

    DemoFhirController(SampleCatalog catalog, Clock clock,
                       @Value("${cds.demo.fhir.max-page-size:50}") int maxPageSize) {
        this.data = new DemoFhirData(catalog);
        this.clock = clock;
        this.maxPageSize = Math.max(1, Math.min(maxPageSize, 500));
    }

    @GetMapping(path = "/demo/fhir/metadata", produces = {FHIR_JSON, MediaType.APPLICATION_JSON_VALUE})
    ResponseEntity<JsonNode> metadata() {
        ObjectNode cs = JsonNodeFactory.instance.objectNode().put("resourceType", "CapabilityStatement")
                .put("status", "active").put("kind", "instance").put("fhirVersion", "4.0.1")
                .put("date", "2026-11-23");
        cs.putArray("format").add("json");
        return fhir(cs);
    }

    @GetMapping(path = "/demo/fhir/{type}/{id}", produces = {FHIR_JSON, MediaType.APPLICATION_JSON_VALUE})
    ResponseEntity<JsonNode> read(@PathVariable("type") String type, @PathVariable("id") String id) {
        if (!TYPES.contains(type)) {
            return outcome(HttpStatus.NOT_FOUND, "not-supported", "Unknown resource type");
        }
        if (!ID.matcher(id).matches()) {
            return outcome(HttpStatus.BAD_REQUEST, "invalid", "The id is not a FHIR id");
        }
        JsonNode r = data.read(type, id);
        return r == null ? outcome(HttpStatus.NOT_FOUND, "not-found", "No such resource") : fhir(shifted(r));
    }

    @GetMapping(path = "/demo/fhir/{type}", produces = {FHIR_JSON, MediaType.APPLICATION_JSON_VALUE})
    ResponseEntity<JsonNode> search(@PathVariable("type") String type, @RequestParam Map<String, String> params,
                                    HttpServletRequest request) {
        if (!TYPES.contains(type)) {
            return outcome(HttpStatus.NOT_FOUND, "not-supported", "Unknown resource type");
        }
        DemoSearch search;
        try {
            search = DemoSearch.of(type, params, maxPageSize);
        } catch (IllegalArgumentException e) {
            return outcome(HttpStatus.BAD_REQUEST, "invalid", e.getMessage());
        }
        List<JsonNode> hits = new ArrayList<>();
        for (JsonNode r : data.ofPatient(type, search.patientId())) {
            if (search.matchesCode(r)) {
                hits.add(r);
            }
        }
        hits.sort(Comparator.comparing(DemoSearch::sortTime).reversed());
        String self = request.getRequestURL().toString();
        ObjectNode bundle = JsonNodeFactory.instance.objectNode().put("resourceType", "Bundle")
                .put("type", "searchset").put("total", hits.size());
        var links = bundle.putArray("link");
        String selfUrl = UriComponentsBuilder.fromUriString(self).query(request.getQueryString()).build().toUriString();
        links.addObject().put("relation", "self").put("url", selfUrl);
        int end = Math.min(hits.size(), search.offset() + search.count());
        if (end < hits.size()) {
            String next = UriComponentsBuilder.fromUriString(selfUrl).replaceQueryParam("_offset", end)
                    .build().toUriString();
            links.addObject().put("relation", "next").put("url", next);
        }
        var entries = bundle.putArray("entry");
        String base = self.substring(0, self.length() - type.length());
        for (JsonNode r : hits.subList(Math.min(search.offset(), hits.size()), end)) {
            ObjectNode e = entries.addObject();
            e.put("fullUrl", base + type + "/" + r.path("id").asString(""));
            e.set("resource", shifted(r));
            e.putObject("search").put("mode", "match");
        }
        return fhir(bundle);
    }

    private JsonNode shifted(JsonNode r) {
        return DemoDates.shift(r, Duration.between(DemoDates.ANCHOR, clock.instant()));
    }

    private static ResponseEntity<JsonNode> fhir(JsonNode body) {
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(FHIR_JSON)).body(body);
    }

    static ResponseEntity<JsonNode> outcome(HttpStatus status, String code, String text) {
        ObjectNode oo = JsonNodeFactory.instance.objectNode().put("resourceType", "OperationOutcome");
        oo.putArray("issue").addObject().put("severity", "error").put("code", code).put("diagnostics", text);
        return ResponseEntity.status(status).contentType(MediaType.parseMediaType(FHIR_JSON)).body(oo);
    }
}
