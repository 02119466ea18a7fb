package org.hypomag.cds.demo;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.springframework.boot.test.context.TestComponent;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import tools.jackson.databind.JsonNode;

/**
 * A canned CDS service under {@code /test-cds} that records what the page sends. Not component-scanned (the
 * test imports it): it must never answer in other tests. order-select answers no cards once a selected draft
 * is magnesium sulfate (ATC B05XA05), as the real service must (no duplicate after accepting).
 */
@TestComponent // excluded from component scanning: only the test that imports it gets it
@RestController
@RequestMapping(path = "/test-cds/cds-services", produces = MediaType.APPLICATION_JSON_VALUE)
class StubCdsService {

    final List<JsonNode> hookCalls = new CopyOnWriteArrayList<>();
    final List<JsonNode> feedback = new CopyOnWriteArrayList<>();

    @GetMapping
    String discovery() throws IOException {
        return canned("discovery.json");
    }

    @PostMapping(path = "/{id}", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<String> call(@PathVariable("id") String id, @RequestBody JsonNode request) throws IOException {
        hookCalls.add(request);
        return switch (id) {
            case "stub-patient-view" -> ResponseEntity.ok(canned("patient-view.json"));
            case "stub-order-select" -> ResponseEntity.ok(selectsMagnesium(request) ? "{\"cards\":[]}"
                    : canned("order-select-drug.json"));
            default -> ResponseEntity.status(412).body(PRECONDITION_FAILED); // order-sign: the error path
        };
    }

    static final String PRECONDITION_FAILED = "{\"resourceType\":\"OperationOutcome\",\"issue\":[{\"severity\":\"error\","
            + "\"code\":\"incomplete\",\"details\":{\"coding\":[{\"system\":\"urn:hypomag:cds:error\","
            + "\"code\":\"CDS-412-PREFETCH\"}],\"text\":\"prefetch key renal is missing\"}}]}";

    @PostMapping(path = "/{id}/feedback", consumes = MediaType.APPLICATION_JSON_VALUE)
    String feedback(@PathVariable("id") String id, @RequestBody JsonNode body) {
        feedback.add(body);
        return "{\"received\":" + body.path("feedback").size() + "}";
    }

    List<JsonNode> calls(String hook) {
        return hookCalls.stream().filter(c -> hook.equals(c.path("hook").asString())).toList();
    }

    private static boolean selectsMagnesium(JsonNode request) {
        JsonNode context = request.path("context");
        for (JsonNode entry : context.path("draftOrders").path("entry")) {
            JsonNode r = entry.path("resource");
            String ref = r.path("resourceType").asString() + "/" + r.path("id").asString();
            boolean selected = false;
            for (JsonNode s : context.path("selections")) {
                selected |= ref.equals(s.asString());
            }
            for (JsonNode c : r.path("medicationCodeableConcept").path("coding")) {
                if (selected && "B05XA05".equals(c.path("code").asString())) {
                    return true;
                }
            }
        }
        return false;
    }

    private static String canned(String name) throws IOException {
        try (InputStream in = StubCdsService.class.getResourceAsStream("/demo-stub/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
