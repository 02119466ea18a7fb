package org.hypomag.cds.resilience;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.GenerationMode;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.ShrinkingMode;
import net.jqwik.api.Tag;
import net.jqwik.api.lifecycle.AddLifecycleHook;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import org.hypomag.cds.CdsApplication;
import org.hypomag.cds.TestPhases;
import org.hypomag.cds.testing.Http;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * At least 10,000 generated hostile requests (with {@code -Dhostile.full=true}; a tenth of them by default, see
 * {@link HostileTries}) over real HTTP (keep-alive) to every endpoint: none may get a
 * 5xx, every non-2xx is a 4xx with an OperationOutcome, and the service is healthy afterwards. The service
 * runs on a random loopback port in demo security mode (jqwik has no Spring extension, so the test starts
 * the application itself, as {@code @SpringBootTest(webEnvironment = RANDOM_PORT)} would). Seeds are fixed
 * so CI sees the same requests every run.
 */
@Tag(TestPhases.CONTEXT)
@AddLifecycleHook(HostileTries.class)
class HostileRequestProperties {

    static final int MIN_REQUESTS = HostileTries.scaled(10_000);
    static ConfigurableApplicationContext app;
    static Http http;

    @BeforeContainer
    static void startService() {
        app = new SpringApplicationBuilder(CdsApplication.class).run("--server.port=0", "--server.address=127.0.0.1",
                "--cds.security.mode=demo", "--spring.main.banner-mode=off");
        http = Http.local(((WebServerApplicationContext) app).getWebServer().getPort()).accepting(Http.JSON_TYPE);
    }

    @AfterContainer
    static void serviceIsHealthyAfterwards() {
        try {
            System.out.printf("HostileRequestProperties: %d requests sent, status histogram %s%n", http.sent(),
                    http.histogram());
            Http.Answer health = http.get("/actuator/health").sendOrIoError();
            assertThat(health.status()).isEqualTo(200);
            assertThat(HookRequests.JSON.readTree(health.body()).path("status").asString()).isEqualTo("UP");
            for (String path : HookRequests.HOOK_PATHS) {
                Http.Answer ok = http.post(path, HookRequests.valid(path, "healthy-1").toString()).sendOrIoError();
                assertThat(ok.status()).as("valid %s after the storm: %s", path, ok.body()).isEqualTo(200);
            }
            assertThat(http.sent()).as("hostile requests sent").isGreaterThanOrEqualTo(MIN_REQUESTS);
        } finally {
            app.close();
        }
    }

    @Example
    void pathsTomcatRefusesItself_getAnOperationOutcomeNotHtml() {
        for (String path : List.of("/cds-services/%00", "/cds-services/a%2Fb", "/cds-services/%2e%2e%2f%00")) {
            Http.Answer a = http.get(path).sendOrIoError();
            assertThat(a.status()).as(path).isEqualTo(400);
            Answers.assertWellFormed(a, false, "GET " + path);
        }
    }

    @Property(tries = 2500, seed = "20261123", shrinking = ShrinkingMode.OFF)
    void randomBodies_neverServerError(@ForAll("anyEndpoint") String path, @ForAll("rawBodies") byte[] body,
                                       @ForAll("contentTypes") String contentType) {
        Http.Answer a = http.request("POST", path).body(body).contentType(contentType).sendOrIoError();
        Answers.assertWellFormed(a, isHook(path), "random body to " + path);
    }

    @Property(tries = 3600, seed = "20261124", shrinking = ShrinkingMode.OFF)
    void everyFieldWithAWrongValue_neverServerError(@ForAll("mutatedRequests") Call call) {
        Answers.assertWellFormed(http.post(call.path(), call.body()).sendOrIoError(), isHook(call.path()), call.what());
    }

    @Property(tries = 1500, seed = "20261125", shrinking = ShrinkingMode.OFF)
    void wrongResourcesInPrefetch_neverServerError(@ForAll("hookPaths") String path,
                                                   @ForAll("prefetchKeys") List<String> keys,
                                                   @ForAll("wrongPrefetch") List<JsonNode> values,
                                                   @ForAll boolean withClosedFhirServer) {
        ObjectNode req = HookRequests.valid(path, "p1");
        ObjectNode prefetch = (ObjectNode) req.get("prefetch");
        for (int i = 0; i < keys.size(); i++) {
            prefetch.set(keys.get(i), values.get(i % values.size()));
        }
        if (withClosedFhirServer) {
            req.put("fhirServer", "http://127.0.0.1:1/fhir");
        }
        Answers.assertWellFormed(http.post(path, req.toString()).sendOrIoError(), true,
                "wrong prefetch " + keys + " to " + path);
    }

    @Property(tries = 2200, seed = "20261126", shrinking = ShrinkingMode.OFF)
    void randomIdsPathsAndMethods_neverServerError(@ForAll("segments") String id, @ForAll("methods") String method,
                                                   @ForAll("pathShapes") int shape) {
        String seg = URLEncoder.encode(id, StandardCharsets.UTF_8).replace("+", "%20");
        String path = switch (shape) {
            case 0 -> "/cds-services/" + seg;
            case 1 -> "/cds-services/" + seg + "/feedback";
            case 2 -> "/cds-services/hypomagnesemia-patient-view/" + seg;
            default -> "/" + seg;
        };
        byte[] body = "GET".equals(method) || "DELETE".equals(method) ? null
                : HookRequests.valid(HookRequests.PATIENT_VIEW, "p1").toString().getBytes(StandardCharsets.UTF_8);
        Http.Answer a = http.request(method, path).body(body).contentType(body == null ? null : "application/json")
                .sendOrIoError();
        Answers.assertWellFormed(a, path.startsWith("/cds-services/") && shape != 1, method + " " + path);
    }

    @Property(tries = 300, seed = "20261127", shrinking = ShrinkingMode.OFF, generation = GenerationMode.RANDOMIZED)
    void deepNesting_neverServerError(@ForAll("hookPaths") String path, @ForAll("depths") int depth,
                                      @ForAll boolean objects, @ForAll("nestingPlaces") String place) {
        String deep = HostileGenerators.nested(depth, objects);
        String valid = HookRequests.valid(path, "p1").toString();
        String body = switch (place) {
            case "body" -> deep;
            case "context" -> valid.replaceFirst("\"context\":\\{", "\"context\":{\"deep\":" + deep + ",");
            case "magnesium" -> valid.replace("\"magnesium\":null", "\"magnesium\":" + deep);
            default -> valid.replace("\"encounterId\":\"enc-1\"", "\"encounterId\":" + deep);
        };
        Answers.assertWellFormed(http.post(path, body).sendOrIoError(), true, depth + " nested at " + place);
    }

    @Property(tries = 24, seed = "20261128", shrinking = ShrinkingMode.OFF, generation = GenerationMode.RANDOMIZED)
    void hugeStrings_neverServerError(@ForAll("hookPaths") String path, @ForAll("hugeSizes") int size,
                                      @ForAll("hugeFields") String field, @ForAll("hugeChars") char c) {
        ObjectNode req = HookRequests.valid(path, "p1");
        String huge = String.valueOf(c).repeat(size);
        switch (field) {
            case "patientId" -> ((ObjectNode) req.get("context")).put("patientId", huge);
            case "hookInstance" -> req.put("hookInstance", huge);
            case "unit" -> ((ObjectNode) req.get("prefetch")).set("magnesium", HookRequests.bundle(List.of(
                    HookRequests.magnesium("m1", "p1", "0.5", huge, "2026-11-20"))));
            default -> ((ObjectNode) req.get("context")).put("extra", huge);
        }
        byte[] body = req.toString().getBytes(StandardCharsets.UTF_8);
        Http.Answer a = http.request("POST", path).body(body).contentType("application/json").sendOrIoError();
        long bytes = body.length;
        if (bytes > 5L * 1024 * 1024) {
            assertThat(a.status()).as("%d bytes", bytes).isEqualTo(413);
        }
        Answers.assertWellFormed(a, true, size + " x U+" + Integer.toHexString(c) + " in " + field);
    }

    @Property(tries = 40, seed = "20261129", shrinking = ShrinkingMode.OFF, generation = GenerationMode.RANDOMIZED)
    void thousandsOfDraftOrders_neverServerError(@ForAll("orderPaths") String path, @ForAll("draftCounts") int count,
                                                 @ForAll boolean selectAll) {
        ObjectNode req = HookRequests.valid(path, "p1");
        ObjectNode context = (ObjectNode) req.get("context");
        ArrayNode entries = context.putObject("draftOrders").put("resourceType", "Bundle").putArray("entry");
        ArrayNode selections = context.putArray("selections");
        for (int i = 0; i < count; i++) {
            entries.addObject().set("resource", HookRequests.draftMedicationRequest("d" + i,
                    i % 3 == 0 ? "314200" : String.valueOf(i), "drug " + i));
            if (selectAll || i % 100 == 0) {
                selections.add("MedicationRequest/d" + i);
            }
        }
        if (path.endsWith("order-sign")) {
            context.remove("selections");
        }
        Answers.assertWellFormed(http.post(path, req.toString()).sendOrIoError(), true,
                count + " draft orders to " + path);
    }

    record Call(String path, String body, String what) {
    }

    private static boolean isHook(String path) {
        return HookRequests.HOOK_PATHS.contains(path);
    }

    @Provide
    Arbitrary<String> anyEndpoint() {
        return Arbitraries.of(HookRequests.PATIENT_VIEW, HookRequests.ORDER_SELECT, HookRequests.ORDER_SIGN,
                HookRequests.PATIENT_VIEW + "/feedback", HookRequests.ORDER_SIGN + "/feedback", "/cds-services",
                "/cds-services/unknown-service", "/actuator/health");
    }

    @Provide
    Arbitrary<String> hookPaths() {
        return Arbitraries.of(HookRequests.HOOK_PATHS);
    }

    @Provide
    Arbitrary<String> orderPaths() {
        return Arbitraries.of(HookRequests.ORDER_SELECT, HookRequests.ORDER_SIGN);
    }

    @Provide
    Arbitrary<byte[]> rawBodies() {
        return HostileGenerators.rawBody();
    }

    @Provide
    Arbitrary<String> contentTypes() {
        return Arbitraries.of("application/json", "application/json", "application/json; charset=utf-8",
                "application/fhir+json", "application/json; charset=utf-16", "text/plain", "application/xml",
                "multipart/form-data; boundary=x", "application/x-www-form-urlencoded", "*/*", "application/json;;;");
    }

    @Provide
    Arbitrary<Call> mutatedRequests() {
        Arbitrary<String> paths = Arbitraries.of(HookRequests.PATIENT_VIEW, HookRequests.ORDER_SELECT,
                HookRequests.ORDER_SIGN, HookRequests.PATIENT_VIEW + "/feedback");
        return Combinators.combine(paths, Arbitraries.integers().between(0, 10_000), HostileGenerators.value(2),
                Arbitraries.integers().between(0, 9)).as((path, pick, value, removeOneIn10) -> {
                    JsonNode template = template(path);
                    List<List<Object>> all = HostileGenerators.paths(template);
                    List<Object> target = all.get(pick % all.size());
                    JsonNode mutated = HostileGenerators.replace(template, target, removeOneIn10 == 0 ? null : value);
                    return new Call(path, mutated.toString(), path + " with " + target + " = "
                            + Answers.head(String.valueOf(removeOneIn10 == 0 ? "(removed)" : value)));
                });
    }

    private static JsonNode template(String path) {
        if (path.endsWith("/feedback")) {
            return HookRequests.feedback();
        }
        ObjectNode req = HookRequests.valid(path, "p1");
        ObjectNode prefetch = (ObjectNode) req.get("prefetch");
        prefetch.set("magnesium", HookRequests.bundle(List.of(HookRequests.magnesium("mg1", "p1", "0.9", "mg/dL",
                "2026-11-20T08:00:00Z"))));
        req.put("fhirServer", "http://127.0.0.1:1/fhir");
        req.putObject("fhirAuthorization").put("access_token", "opaque").put("token_type", "Bearer")
                .put("expires_in", 300).put("scope", "patient/*.read").put("subject", "cds");
        return req;
    }

    @Provide
    Arbitrary<List<String>> prefetchKeys() {
        return Arbitraries.of(HookRequests.PREFETCH_KEYS).list().ofMinSize(1).ofMaxSize(4).uniqueElements();
    }

    @Provide
    Arbitrary<List<JsonNode>> wrongPrefetch() {
        return FhirGarbage.wrongPrefetchValue().list().ofMinSize(1).ofMaxSize(4);
    }

    @Provide
    Arbitrary<String> segments() {
        return Arbitraries.oneOf(HostileGenerators.hostileString().filter(s -> !s.isEmpty()),
                Arbitraries.strings().withCharRange('a', 'z').ofMinLength(1).ofMaxLength(2000));
    }

    @Provide
    Arbitrary<String> methods() {
        return Arbitraries.of("GET", "POST", "POST", "PUT", "DELETE", "PATCH");
    }

    @Provide
    Arbitrary<Integer> pathShapes() {
        return Arbitraries.integers().between(0, 3);
    }

    @Provide
    Arbitrary<Integer> depths() {
        return Arbitraries.of(100, 499, 501, 1_000, 2_000, 10_000, 50_000);
    }

    @Provide
    Arbitrary<String> nestingPlaces() {
        return Arbitraries.of("body", "context", "magnesium", "encounterId");
    }

    @Provide
    Arbitrary<Integer> hugeSizes() {
        return Arbitraries.of(100_000, 1_000_000, 2_500_000, 5_300_000);
    }

    @Provide
    Arbitrary<String> hugeFields() {
        return Arbitraries.of("patientId", "hookInstance", "unit", "extra");
    }

    @Provide
    Arbitrary<Character> hugeChars() {
        return Arbitraries.of('a', '7', 'é', '\u0001', '"');
    }

    @Provide
    Arbitrary<Integer> draftCounts() {
        return Arbitraries.of(1_000, 2_000, 5_000);
    }
}
