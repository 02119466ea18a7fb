package org.hypomag.cds.it;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A fixed-seed Synthea 3.3.0 cohort (Maven Central, resolved by {@code synthea/pom.xml} and run in its own JVM),
 * generated once into {@code target/synthea/cohort-s{seed}-p{size}-y{years}/fhir} and reused while that
 * directory exists. The reference date is fixed, so the same seed gives the same patients.
 */
final class SyntheaCohort {

    static final String REFERENCE_DATE = "20261123";
    /** Resource types the service reads (and what their references need); the rest is dropped before loading. */
    static final Set<String> KEPT = Set.of("Patient", "Encounter", "Condition", "Observation", "MedicationRequest",
            "MedicationStatement", "MedicationAdministration", "Medication");

    private SyntheaCohort() {
    }

    static List<Path> bundles(Path basedir, long seed, int size, int years) throws Exception {
        Path dir = basedir.resolve("target/synthea/cohort-s" + seed + "-p" + size + "-y" + years);
        Path fhir = dir.resolve("fhir");
        if (!Files.isDirectory(fhir) || !Files.exists(dir.resolve("DONE"))) {
            generate(basedir, dir, seed, size, years);
        }
        try (Stream<Path> s = Files.list(fhir)) {
            return s.filter(p -> p.getFileName().toString().endsWith(".json"))
                    .filter(p -> !p.getFileName().toString().startsWith("hospital")
                            && !p.getFileName().toString().startsWith("practitioner"))
                    .sorted().toList();
        }
    }

    private static void generate(Path basedir, Path dir, long seed, int size, int years) throws Exception {
        Path classpath = basedir.resolve("target/synthea/classpath.txt");
        Files.createDirectories(dir);
        Path log = dir.resolve("generate.log");
        if (!Files.exists(classpath)) {
            run(basedir, log, 10, basedir.resolve("mvnw").toString(), "-B", "-q", "-f", "synthea/pom.xml",
                    "dependency:build-classpath", "-Dmdep.outputFile=" + classpath);
        }
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        run(basedir, log, 30, java, "-Xmx1g", "-XX:TieredStopAtLevel=1", "-cp", Files.readString(classpath).strip(),
                "App", "-s", String.valueOf(seed), "-cs", String.valueOf(seed), "-p", String.valueOf(size),
                "-r", REFERENCE_DATE, "--exporter.baseDirectory=" + dir, "--exporter.years_of_history=" + years,
                "--exporter.fhir.export=true", "--exporter.hospital.fhir.export=false",
                "--exporter.practitioner.fhir.export=false", "--exporter.csv.export=false",
                "--exporter.ccda.export=false", "--generate.only_alive_patients=false", "Massachusetts");
        Files.writeString(dir.resolve("DONE"), "seed " + seed + ", " + size + " alive patients, " + years + " years\n");
    }

    private static void run(Path basedir, Path log, int minutes, String... command) throws Exception {
        Process p = new ProcessBuilder(command).directory(basedir.toFile()).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
        if (!p.waitFor(minutes, TimeUnit.MINUTES)) {
            p.destroyForcibly();
            throw new AssertionError(command[0] + " took over " + minutes + " min; see " + log);
        }
        if (p.exitValue() != 0) {
            throw new AssertionError("Synthea step failed (exit " + p.exitValue() + "); see " + log);
        }
    }

    /**
     * The bundle with only {@link #KEPT} types, and without references the server could not resolve
     * (Synthea's conditional references to the Practitioner/Organization/Location it did not export, and
     * references to dropped entries).
     */
    static ObjectNode slim(ObjectMapper json, Path file) throws IOException {
        ObjectNode bundle = (ObjectNode) json.readTree(Files.readString(file, StandardCharsets.UTF_8));
        ArrayNode kept = json.createArrayNode();
        Set<String> urls = new HashSet<>();
        for (JsonNode e : bundle.path("entry")) {
            if (KEPT.contains(e.path("resource").path("resourceType").asString())) {
                kept.add(e);
                urls.add(e.path("fullUrl").asString());
            }
        }
        for (JsonNode e : kept) {
            dropDangling(e.path("resource"), urls);
        }
        bundle.set("entry", kept);
        return bundle;
    }

    private static void dropDangling(JsonNode node, Set<String> urls) {
        if (node instanceof ObjectNode o) {
            List<String> drop = new ArrayList<>();
            for (String name : o.propertyNames()) {
                JsonNode v = o.get(name);
                if (dangling(v, urls)) {
                    drop.add(name);
                } else if (v instanceof ArrayNode a) {
                    for (Iterator<JsonNode> it = a.iterator(); it.hasNext(); ) {
                        if (dangling(it.next(), urls)) {
                            it.remove();
                        }
                    }
                    if (a.isEmpty()) {
                        drop.add(name);
                    } else {
                        a.forEach(x -> dropDangling(x, urls));
                    }
                } else {
                    dropDangling(v, urls);
                }
            }
            drop.forEach(o::remove);
        }
    }

    private static boolean dangling(JsonNode v, Set<String> urls) {
        if (!(v instanceof ObjectNode o) || !o.has("reference")) {
            return false;
        }
        String ref = o.path("reference").asString();
        return ref.contains("?") || (ref.startsWith("urn:uuid:") && !urls.contains(ref));
    }
}
