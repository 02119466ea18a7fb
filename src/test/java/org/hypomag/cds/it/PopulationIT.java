package org.hypomag.cds.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;

import org.hypomag.cds.clinical.Analyte;
import org.hypomag.cds.clinical.Code;
import org.hypomag.cds.clinical.DrugClass;
import org.hypomag.cds.clinical.DrugRole;
import org.hypomag.cds.clinical.Knowledge;
import org.hypomag.cds.knowledge.KnowledgeLoader;
import org.hypomag.cds.testing.Http;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Issue 18: a fixed-seed Synthea cohort in the real HAPI JPA server ({@link FhirServerProcess}); patient-view and
 * order-select (a drafted furosemide) for every patient without prefetch, twice, with the production FHIR limits,
 * asserting what holds for any cohort. Cohort: {@code -Dit.population.size} alive patients (default 30, plus the
 * deceased Synthea adds), seed {@code it.population.seed} (42), {@code it.population.years} of history (5);
 * the {@code population-bench} profile runs a larger one. Latency by chart size is printed for BENCHMARKS.md.
 * <p>
 * The D21 (deceased), D22 (exposure chain oracle) and one-Mg-order assertions are on by default now that those
 * rules are merged ({@code -Dit.population.pendingRules=false} switches them off). Not in the default
 * {@code verify}: run it with {@code -Ppopulation}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "cds.security.mode=demo", "cds.clock.fixed=2026-11-23T12:00:00Z"})
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PopulationIT {

    private static final Http HTTP = Http.at("").accepting(Http.FHIR_OR_JSON);

    static final Instant NOW = Instant.parse("2026-11-23T12:00:00Z");
    static final long SEED = Long.getLong("it.population.seed", 42);
    static final int SIZE = Integer.getInteger("it.population.size", 30);
    static final int YEARS = Integer.getInteger("it.population.years", 5);
    /**
     * Patients loaded from the cohort (its deceased ones first, then the alive ones in file order): loading is
     * the slow part on a busy 2-core machine (about 15 s per Synthea patient), so the default keeps the test under
     * 4 minutes; {@code -Dit.population.load=0} loads the whole cohort (the population-bench profile does).
     */
    static final int LOAD = Integer.getInteger("it.population.load", 24);
    static final int LOAD_DECEASED = Integer.getInteger("it.population.loadDeceased", 6);
    static final int LOAD_THREADS = 2;
    /** TODO(merge): true once D21 (clin-pv) and D22 chain / one Mg order (poprules) are merged. */
    static final boolean PENDING_RULES = Boolean.parseBoolean(System.getProperty("it.population.pendingRules", "true"));
    /** The service's FHIR deadline (1200 ms) plus what assessing, rendering and HTTP may take on a busy machine. */
    static final long CALL_BOUND_MS = Long.getLong("it.population.callBoundMs", 2500);
    static final Set<String> MG_LOINC = Set.of("19123-9", "2601-3");
    static final int RETRIES = 2;

    private static final Path BASEDIR = Path.of(System.getProperty("basedir", System.getProperty("user.dir")));
    /** Started when the class loads, so the FHIR server boots and Synthea runs while Spring starts the service. */
    private static final CompletableFuture<FhirServerProcess> SERVER_START = FhirServerProcess.shared(BASEDIR);
    private static final CompletableFuture<List<Path>> COHORT = CompletableFuture.supplyAsync(() -> {
        try {
            return SyntheaCohort.bundles(BASEDIR, SEED, SIZE, YEARS);
        } catch (Exception e) {
            throw new java.util.concurrent.CompletionException(e);
        }
    });

    private final ObjectMapper json = new ObjectMapper();
    private final Knowledge knowledge = KnowledgeLoader.loadDefault();
    private final List<PatientCase> cases = new ArrayList<>();
    private final List<Call> calls = new ArrayList<>();
    /** Attempts that answered could-not-check and were repeated. */
    private final List<Call> retried = new ArrayList<>();

    @LocalServerPort
    int servicePort;
    private FhirServerProcess server;

    /** One Synthea patient: server id, the slimmed bundle's resources, and what the oracle says. */
    record PatientCase(String file, String id, boolean deceased, List<JsonNode> resources, int chartSize) {
    }

    record Call(String patient, String hook, int run, int status, long millis, String body, int chartSize) {
    }

    @BeforeAll
    void loadCohortAndCall() throws Exception {
        long t0 = System.nanoTime();
        List<Path> files;
        try {
            files = COHORT.join();
        } catch (java.util.concurrent.CompletionException e) {
            throw e.getCause() instanceof Error err ? err : new AssertionError(e.getCause().getMessage(), e.getCause());
        }
        long t1 = System.nanoTime();
        server = FhirServerProcess.awaitShared(BASEDIR);
        List<ObjectNode> slimmed = new ArrayList<>();
        List<Path> names = new ArrayList<>();
        List<Integer> order = new ArrayList<>();
        for (Path f : files) {
            ObjectNode b = SyntheaCohort.slim(json, f);
            boolean dead = false;
            for (JsonNode e : b.path("entry")) {
                dead |= e.path("resource").has("deceasedDateTime") || e.path("resource").path("deceasedBoolean")
                        .asBoolean(false);
            }
            if (LOAD <= 0 || (dead ? order.stream().filter(i -> i < 0).count() < LOAD_DECEASED
                    : order.stream().filter(i -> i >= 0).count() < LOAD - LOAD_DECEASED)) {
                slimmed.add(b);
                names.add(f);
                order.add(dead ? -1 : 1);
            }
        }
        // two bundles at a time: HAPI's transaction processing is mostly single-threaded per request
        java.util.concurrent.ExecutorService loaders = java.util.concurrent.Executors.newFixedThreadPool(LOAD_THREADS);
        try {
            List<java.util.concurrent.Future<PatientCase>> loaded = new ArrayList<>();
            for (int n = 0; n < slimmed.size(); n++) {
                Path f = names.get(n);
                ObjectNode bundle = slimmed.get(n);
                loaded.add(loaders.submit(() -> load(f, bundle)));
            }
            for (java.util.concurrent.Future<PatientCase> l : loaded) {
                cases.add(l.get());
            }
        } finally {
            loaders.shutdownNow();
        }
        long t2 = System.nanoTime();
        warmServer();
        for (int run = 1; run <= 2; run++) {
            for (PatientCase c : cases) {
                callUntilComplete(c, "patient-view", run);
                callUntilComplete(c, "order-select", run);
            }
        }
        System.out.printf("PopulationIT: %d patients (%d deceased), cohort %d ms, load %d ms, %d calls %d ms%n",
                cases.size(), cases.stream().filter(PatientCase::deceased).count(), ms(t1 - t0), ms(t2 - t1),
                calls.size(), ms(System.nanoTime() - t2));
        printLatency();
        System.out.printf("PopulationIT oracle: %d deceased, %d alive on a wasting class >= 90 d with no Mg in 365 d%n",
                cases.stream().filter(PatientCase::deceased).count(), gapExpected().size());
        System.out.printf("PopulationIT incomplete answers repeated: %d of %d calls (%s)%n", retried.size(),
                calls.size() + retried.size(), retried.stream().map(c -> c.patient() + " " + c.hook() + " run "
                        + c.run() + " " + c.millis() + " ms").collect(Collectors.joining(", ")));
    }

    /** The alive patients the oracle expects a monitoring-gap card for. */
    private List<PatientCase> gapExpected() {
        return cases.stream().filter(p -> !p.deceased() && longTermWasting(p) && noMgWithinAYear(p)).toList();
    }

    private PatientCase load(Path f, ObjectNode bundle) throws Exception {
        Http.Answer a = HTTP.post(server.baseUrl(), json.writeValueAsString(bundle)).contentType(Http.FHIR_JSON)
                .timeout(Duration.ofMinutes(10)).send();
        assertEquals(200, a.status(), f.getFileName() + " refused: " + a.body().substring(0,
                Math.min(500, a.body().length())));
        JsonNode response = json.readTree(a.body());
        List<JsonNode> resources = new ArrayList<>();
        String id = null;
        boolean deceased = false;
        int i = 0;
        for (JsonNode e : bundle.path("entry")) {
            JsonNode r = e.path("resource");
            resources.add(r);
            if ("Patient".equals(r.path("resourceType").asString())) {
                id = response.path("entry").get(i).path("response").path("location").asString().split("/")[1];
                deceased = r.has("deceasedDateTime") || r.path("deceasedBoolean").asBoolean(false);
            }
            i++;
        }
        return new PatientCase(f.getFileName().toString(), id, deceased, resources, resources.size());
    }


    /** HAPI's first searches of each kind are slow (seconds): once per type before the measured calls. */
    private void warmServer() {
        String p = cases.get(0).id();
        for (String q : List.of("Patient/" + p, "Observation?patient=" + p + "&_sort=-date&_count=20",
                "MedicationRequest?patient=" + p + "&_count=100", "MedicationStatement?patient=" + p,
                "Condition?patient=" + p + "&clinical-status:not=resolved,inactive,remission")) {
            HTTP.get(server.baseUrl() + "/" + Http.encodeQuery(q)).send();
        }
    }

    /**
     * A call, repeated (at most {@link #RETRIES} times) while the answer has the could-not-check card: on a busy
     * machine a query can miss the 1.2 s deadline, and an incomplete answer says nothing about the rules. Every
     * attempt counts for the status and time bound; the card assertions read each call's last attempt.
     */
    private void callUntilComplete(PatientCase c, String hook, int run) throws Exception {
        for (int attempt = 0; ; attempt++) {
            Call call = call(c, hook, run);
            boolean incomplete = call.body().contains("\"hypomag-could-not-check\"");
            if (incomplete && attempt < RETRIES) {
                retried.add(call);
                continue;
            }
            calls.add(call);
            return;
        }
    }

    private Call call(PatientCase c, String hook, int run) throws Exception {
        ObjectNode req = json.createObjectNode();
        req.put("hook", hook);
        req.put("hookInstance", UUID.randomUUID().toString());
        req.put("fhirServer", server.baseUrl());
        ObjectNode ctx = req.putObject("context");
        ctx.put("userId", "Practitioner/population");
        ctx.put("patientId", c.id());
        String service = "hypomagnesemia-patient-view";
        if (hook.equals("order-select")) {
            service = "hypomagnesemia-order-select";
            ctx.set("draftOrders", json.readTree("""
                    {"resourceType":"Bundle","type":"collection","entry":[{"resource":
                     {"resourceType":"MedicationRequest","id":"draft-furosemide","status":"draft","intent":"order",
                      "medicationCodeableConcept":{"coding":[{"system":"http://www.nlm.nih.gov/research/umls/rxnorm",
                       "code":"313988","display":"Furosemide 40 MG Oral Tablet"}],"text":"Furosemide 40 mg tablet"},
                      "subject":{"reference":"Patient/%s"}}}]}""".formatted(c.id())));
            ctx.putArray("selections").add("MedicationRequest/draft-furosemide");
        }
        long t = System.nanoTime();
        Http.Answer a = HTTP.post("http://127.0.0.1:" + servicePort + "/cds-services/" + service,
                json.writeValueAsString(req)).send();
        return new Call(c.id(), hook, run, a.status(), ms(System.nanoTime() - t), a.body(), c.chartSize());
    }

    @Test
    void everyCall_answers200_withinTheDeadline() {
        List<String> bad = java.util.stream.Stream.concat(calls.stream(), retried.stream())
                .filter(c -> c.status() != 200 || c.millis() > CALL_BOUND_MS)
                .map(c -> c.patient() + " " + c.hook() + " run " + c.run() + ": " + c.status() + " in " + c.millis()
                        + " ms").toList();
        assertEquals(List.of(), bad);
    }

    @Test
    void secondRun_givesTheSameCards() {
        Map<String, List<CardView>> first = new LinkedHashMap<>();
        List<String> differ = new ArrayList<>();
        for (Call c : calls) {
            String k = c.patient() + " " + c.hook();
            List<CardView> cards = CardView.of(json.readTree(c.body()));
            if (c.run() == 1) {
                first.put(k, cards);
            } else if (!first.get(k).equals(cards)) {
                differ.add(k + ": " + first.get(k) + " then " + cards);
            }
        }
        assertEquals(List.of(), differ);
    }

    @Test
    void noEmergencyRegimen_withoutAnAcuteEmergencyCondition() {
        List<String> bad = new ArrayList<>();
        for (Call c : calls) {
            if (c.body().contains("Emergency condition on record") && !acuteEmergency(byId(c.patient()))) {
                bad.add(c.patient() + " " + c.hook());
            }
        }
        assertEquals(List.of(), bad, "emergency regimen without an emergency condition of the last 72 h");
    }

    @Test
    void deceasedPatients_getNoCard() {
        org.junit.jupiter.api.Assumptions.assumeTrue(PENDING_RULES, "TODO(merge D21, clin-pv): "
                + "-Dit.population.pendingRules=true");
        List<String> bad = calls.stream().filter(c -> byId(c.patient()).deceased())
                .filter(c -> !CardView.of(json.readTree(c.body())).isEmpty()).map(c -> c.patient() + " " + c.hook())
                .toList();
        assertEquals(List.of(), bad);
    }

    @Test
    void gapCard_exactlyForThePatientsTheOracleFinds() {
        org.junit.jupiter.api.Assumptions.assumeTrue(PENDING_RULES, "TODO(merge D22 chain, poprules): "
                + "-Dit.population.pendingRules=true");
        Map<String, String> mismatch = new TreeMap<>();
        for (Call c : calls) {
            if (!c.hook().equals("patient-view") || c.run() != 1) {
                continue;
            }
            PatientCase p = byId(c.patient());
            boolean expected = !p.deceased() && longTermWasting(p) && noMgWithinAYear(p);
            boolean got = c.body().contains("\"hypomag-monitoring-gap\"");
            boolean unknownMeds = c.body().contains("could not check") && c.body().contains("medication");
            if (expected != got && !unknownMeds) {
                mismatch.put(p.file(), "oracle " + expected + ", service " + got);
            }
        }
        assertEquals(Map.of(), mismatch);
    }

    @Test
    void atMostOneSerumMgOrder_perResponse() {
        org.junit.jupiter.api.Assumptions.assumeTrue(PENDING_RULES, "TODO(merge D22 one Mg order, poprules): "
                + "-Dit.population.pendingRules=true");
        List<String> bad = new ArrayList<>();
        for (Call c : calls) {
            int n = 0;
            for (JsonNode card : json.readTree(c.body()).path("cards")) {
                for (JsonNode s : card.path("suggestions")) {
                    for (JsonNode a : s.path("actions")) {
                        JsonNode r = a.path("resource");
                        if ("ServiceRequest".equals(r.path("resourceType").asString()) && coded(r.path("code"), MG_LOINC)) {
                            n++;
                        }
                    }
                }
            }
            if (n > 1) {
                bad.add(c.patient() + " " + c.hook() + ": " + n);
            }
        }
        assertEquals(List.of(), bad);
    }

    @Test
    void cohortHasWhatTheAssertionsNeed() {
        assertTrue(cases.size() >= (LOAD <= 0 ? SIZE : LOAD), "fewer patients than asked for: " + cases.size());
        assertTrue(cases.stream().allMatch(c -> c.id() != null), "a bundle without a Patient");
        assertTrue(cases.stream().anyMatch(PatientCase::deceased), "no deceased patient: the D21 assertion is empty");
        assertTrue(!gapExpected().isEmpty(), "no patient for the oracle: the D22 gap assertion is empty");
    }

    // --- the independent oracle (from the bundles, not from the service's code) ---

    private PatientCase byId(String id) {
        return cases.stream().filter(c -> id.equals(c.id())).findFirst().orElseThrow();
    }

    /** D18/D20: an emergency-list Condition (code or term), active, onset/recorded within 72 h; no encounter is sent. */
    boolean acuteEmergency(PatientCase p) {
        for (JsonNode r : p.resources()) {
            if (!"Condition".equals(r.path("resourceType").asString())) {
                continue;
            }
            Instant t = instant(r.path("onsetDateTime").asString(null), r.path("recordedDate").asString(null));
            if (t == null || Duration.between(t, NOW).toHours() > 72) {
                continue;
            }
            String text = (r.path("code").path("text").asString("") + " "
                    + r.path("code").path("coding").findValuesAsString("display")).toLowerCase();
            boolean listed = knowledge.conditions().emergency().stream().anyMatch(c -> c.terms().stream()
                    .anyMatch(text::contains) || c.codes().stream().anyMatch(k -> coded(r.path("code"), Set.of(k.code()))));
            if (listed) {
                return true;
            }
        }
        return false;
    }

    /**
     * D10 + D22: an active prescription of a wasting class whose chain (same class; each starts within 400 days
     * after the previous one started, Synthea writing no end dates) began at least 90 days ago.
     */
    boolean longTermWasting(PatientCase p) {
        Map<String, String> medicationCodes = new LinkedHashMap<>();
        for (JsonNode r : p.resources()) {
            if ("Medication".equals(r.path("resourceType").asString())) {
                medicationCodes.put("urn:uuid:" + r.path("id").asString(), String.join(",",
                        r.path("code").path("coding").findValuesAsString("code")));
            }
        }
        for (DrugClass cls : knowledge.drugs().classes()) {
            if (cls.role() != DrugRole.CAUSE) {
                continue;
            }
            Set<String> codes = classCodes(cls);
            List<JsonNode> rx = p.resources().stream()
                    .filter(r -> "MedicationRequest".equals(r.path("resourceType").asString()))
                    .filter(r -> Set.of("active", "on-hold", "completed", "stopped").contains(r.path("status").asString()))
                    .filter(r -> {
                        List<String> c = new ArrayList<>(r.path("medicationCodeableConcept").path("coding")
                                .findValuesAsString("code"));
                        String ref = r.path("medicationReference").path("reference").asString("");
                        c.addAll(List.of(medicationCodes.getOrDefault(ref, "").split(",")));
                        return c.stream().anyMatch(codes::contains);
                    })
                    .sorted(Comparator.comparing(r -> instant(r.path("authoredOn").asString(null), null),
                            Comparator.nullsFirst(Comparator.naturalOrder())))
                    .toList();
            Instant chainStart = null;
            Instant previousStart = null;
            for (JsonNode r : rx) {
                Instant start = instant(r.path("authoredOn").asString(null), null);
                if (start == null || start.isAfter(NOW)) {
                    continue;
                }
                if (previousStart == null || Duration.between(previousStart, start).toDays() > 400) {
                    chainStart = start;
                }
                previousStart = start;
                if (Set.of("active", "on-hold").contains(r.path("status").asString())
                        && Duration.between(chainStart, NOW).toDays() >= 90) {
                    return true;
                }
            }
        }
        return false;
    }

    private Set<String> classCodes(DrugClass cls) {
        Set<String> codes = new java.util.HashSet<>();
        Set<String> names = new java.util.HashSet<>();
        for (DrugClass.Ingredient i : cls.ingredients()) {
            i.codes().forEach(c -> codes.add(c.code()));
            names.add(i.name());
        }
        knowledge.drugs().products().stream().filter(pl -> pl.ingredients().stream().anyMatch(names::contains))
                .forEach(pl -> codes.add(pl.product().code()));
        return codes;
    }

    /** No serum Mg (LOINC 19123-9/2601-3, counted statuses, with a value) within 365 days. */
    boolean noMgWithinAYear(PatientCase p) {
        Set<String> codes = knowledge.labCodes().codes(Analyte.MAGNESIUM).stream().map(Code::code)
                .collect(Collectors.toSet());
        return p.resources().stream().filter(r -> "Observation".equals(r.path("resourceType").asString()))
                .filter(r -> coded(r.path("code"), codes))
                .filter(r -> Set.of("final", "amended", "corrected", "preliminary").contains(r.path("status").asString()))
                .filter(r -> r.has("valueQuantity"))
                .map(r -> instant(r.path("effectiveDateTime").asString(null), r.path("issued").asString(null)))
                .noneMatch(t -> t != null && !t.isAfter(NOW) && Duration.between(t, NOW).toDays() <= 365);
    }

    private static boolean coded(JsonNode cc, Set<String> codes) {
        for (JsonNode c : cc.path("coding")) {
            if (codes.contains(c.path("code").asString())) {
                return true;
            }
        }
        return false;
    }

    private static Instant instant(String a, String b) {
        String s = a != null ? a : b;
        if (s == null || s.isBlank()) {
            return null;
        }
        if (s.length() == 10) {
            return LocalDate.parse(s).atStartOfDay(ZoneOffset.UTC).toInstant();
        }
        return OffsetDateTime.parse(s).toInstant();
    }

    // --- latency for BENCHMARKS.md ---

    private void printLatency() {
        Map<String, List<Long>> byBand = new TreeMap<>();
        for (Call c : calls) {
            if (c.run() != 2) {
                continue;
            }
            String band = c.chartSize() < 1000 ? "a <1000 resources" : c.chartSize() < 3000 ? "b 1000-2999"
                    : "c >=3000";
            byBand.computeIfAbsent(c.hook() + " " + band, k -> new ArrayList<>()).add(c.millis());
            byBand.computeIfAbsent(c.hook() + " all", k -> new ArrayList<>()).add(c.millis());
        }
        byBand.forEach((k, v) -> {
            v.sort(null);
            System.out.printf("PopulationIT latency %-35s n=%3d p50=%4d p90=%4d p99=%4d max=%4d ms%n", k, v.size(),
                    pct(v, 50), pct(v, 90), pct(v, 99), v.get(v.size() - 1));
        });
        List<String> requests = server.requests();
        long next = requests.stream().filter(r -> r.contains("_getpages")).count();
        System.out.printf("PopulationIT FHIR requests %d, of which next pages %d%n", requests.size(), next);
    }

    private static long pct(List<Long> sorted, int p) {
        int i = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(i, sorted.size() - 1)));
    }

    private static long ms(long nanos) {
        return nanos / 1_000_000;
    }
}
