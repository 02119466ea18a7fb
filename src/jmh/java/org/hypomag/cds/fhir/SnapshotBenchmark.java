package org.hypomag.cds.fhir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import ca.uhn.fhir.context.FhirContext;
import org.hypomag.cds.clinical.DataKey;
import org.hypomag.cds.clinical.Knowledge;
import org.hypomag.cds.clinical.PatientSnapshot;
import org.hypomag.cds.knowledge.KnowledgeLoader;
import org.hypomag.cds.bench.CpuClock;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Issue 16: the FHIR half of a hook call without the network: bench/make-requests.py's full-prefetch
 * patient-view request (two years of labs, 20 per lab key, 30 statements, 20 requests, 12 administrations,
 * 15 conditions) settled from its prefetch (PrefetchPlan, PageReader) and mapped to the snapshot
 * (SnapshotMapper: observations, units, medications, conditions). The request JSON is already parsed, as the
 * controller hands it over. Prints the benchmark thread's CPU per operation after each iteration.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class SnapshotBenchmark extends CpuClock {

    PatientDataResolver resolver;
    SnapshotMapper mapper;
    Map<DataKey, String> templates;
    FetchRequest request;

    @Setup
    public void setUp() throws IOException, InterruptedException {
        Path dir = Files.createTempDirectory("snapshot-bench");
        Process p = new ProcessBuilder("python3", "bench/make-requests.py", dir.toString()).inheritIO().start();
        if (p.waitFor() != 0) {
            throw new IllegalStateException("bench/make-requests.py failed (run from the repository root)");
        }
        JsonNode body = JsonMapper.builder().build().readTree(dir.resolve("patient-view-full.json").toFile());
        Map<DataKey, Optional<JsonNode>> prefetch = new EnumMap<>(DataKey.class);
        body.get("prefetch").properties().forEach(e -> DataKey.ofPrefetchKey(e.getKey()).ifPresent(k ->
                prefetch.put(k, e.getValue().isNull() ? Optional.empty() : Optional.of(e.getValue()))));
        String patientId = body.get("context").get("patientId").asString();
        request = new FetchRequest(null, null, FetchRequest.tokens(patientId, null, null), prefetch);
        Knowledge knowledge = KnowledgeLoader.loadDefault();
        FhirContext fhir = FhirContext.forR4Cached();
        templates = PrefetchTemplates.byKey(knowledge.labCodes());
        resolver = new PatientDataResolver(fhir, new FhirHttpClient(FhirProperties.defaults()), knowledge,
                knowledge.units(), Clock.systemUTC());
        mapper = new SnapshotMapper(fhir, knowledge.labCodes(), knowledge.units());
        PatientSnapshot s = prefetchToSnapshot();
        if (s.labs().size() < 100 || s.medications().size() < 50 || s.conditions().size() < 15) {
            throw new IllegalStateException("the request did not map to the full patient: " + s.labs().size()
                    + " labs, " + s.medications().size() + " medications, " + s.conditions().size() + " conditions");
        }
    }



    @Benchmark
    public PatientSnapshot prefetchToSnapshot() {
        op();
        PatientData data = resolver.resolve(templates, request);
        return mapper.toSnapshot(request.tokens().get("patientId"), null, data, null, java.util.List.of(), false);
    }
}
