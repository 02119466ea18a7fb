package org.hypomag.cds.it;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.hypomag.cds.testing.Http;

/**
 * The HAPI FHIR JPA server of {@code fhir-server/} (its own Maven build: Spring 6 never meets the service's
 * Spring 7), run as a child process on a free loopback port. Builds the jar with the Maven wrapper when it is
 * missing; a failed build or start fails the test, it never skips. Output goes to target/fhir-server.log.
 * The integration tests of one failsafe JVM share one server ({@link #shared}): its start is the slow part, and
 * each test reads only the patients it loaded.
 */
final class FhirServerProcess implements AutoCloseable {

    private static final Http HTTP = Http.at("").accepting(Http.FHIR_OR_JSON);

    static final Duration BUILD_TIMEOUT = Duration.ofMinutes(10);
    /** READY bound; raise with -Dit.fhirServer.startSeconds=... on a machine much slower or busier than 2 idle cores. */
    static final Duration START_TIMEOUT = Duration.ofSeconds(Long.getLong("it.fhirServer.startSeconds", 180));
    private static final String REQUEST_PREFIX = "FHIR-REQUEST ";

    private final Process process;
    private final CompletableFuture<Integer> ready = new CompletableFuture<>();
    private final List<String> requests = new CopyOnWriteArrayList<>();
    private final int port;
    private long buildMillis;
    private final long readyMillis;

    private FhirServerProcess(Path basedir) throws Exception {
        Path jar = basedir.resolve("fhir-server/target/hypomag-fhir-server.jar");
        if (!Files.isRegularFile(jar) || !Files.isDirectory(basedir.resolve("fhir-server/target/lib"))) {
            long t = System.nanoTime();
            build(basedir);
            buildMillis = (System.nanoTime() - t) / 1_000_000;
        }
        long launched = System.nanoTime();
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        process = new ProcessBuilder(java, "-Xmx1g", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-jar",
                jar.toString(), "0")
                .directory(basedir.toFile()).redirectErrorStream(true).start();
        // the shared server stops when the test JVM ends
        Runtime.getRuntime().addShutdownHook(new Thread(process::destroyForcibly, "fhir-server-kill"));
        Thread reader = new Thread(() -> pump(basedir.resolve("target/fhir-server.log")), "fhir-server-log");
        reader.setDaemon(true);
        reader.start();
        try {
            port = ready.get(START_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
            readyMillis = (System.nanoTime() - launched) / 1_000_000;
        } catch (TimeoutException e) {
            close();
            throw new AssertionError("FHIR server not READY within " + START_TIMEOUT + "; see target/fhir-server.log");
        } catch (ExecutionException e) {
            close();
            throw new AssertionError(e.getCause().getMessage(), e.getCause());
        }
    }

    private static CompletableFuture<FhirServerProcess> shared;

    /**
     * Starts the JVM's one server in the background on the first call (call it when the test class loads, so the
     * server boots while Spring starts the service); the shutdown hook stops it when the test JVM ends.
     */
    static synchronized CompletableFuture<FhirServerProcess> shared(Path basedir) {
        if (shared == null) {
            shared = CompletableFuture.supplyAsync(() -> {
                try {
                    return new FhirServerProcess(basedir);
                } catch (Exception e) {
                    throw new CompletionException(e);
                }
            });
        }
        return shared;
    }

    /** Waits for {@link #shared}; a failed start fails the calling test with its own message. */
    static FhirServerProcess awaitShared(Path basedir) {
        try {
            return shared(basedir).join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof Error err ? err : new AssertionError(e.getCause().getMessage(), e.getCause());
        }
    }

    String baseUrl() {
        return "http://127.0.0.1:" + port + "/fhir";
    }

    /** How long building the jar (0: it was there) and starting the server until READY took. */
    String timings() {
        return "jar build " + buildMillis + " ms, launch to READY " + readyMillis + " ms";
    }

    /** Every request line the server printed so far ({@code GET /fhir/Observation?patient=...}), in order. */
    List<String> requests() {
        return List.copyOf(requests);
    }

    /**
     * The requests received since {@code before} (an earlier {@code requests().size()}). A marker request sent
     * now is logged after everything a client already got answers to, so waiting for it makes the list complete.
     */
    List<String> requestsSince(int before) throws InterruptedException {
        String marker = "it-marker-" + UUID.randomUUID();
        HTTP.get(baseUrl() + "/Patient?_id=" + marker + "&_summary=count").send();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (System.nanoTime() < deadline) {
            List<String> all = requests();
            for (int i = before; i < all.size(); i++) {
                if (all.get(i).contains(marker)) {
                    return List.copyOf(all.subList(before, i));
                }
            }
            Thread.sleep(10);
        }
        throw new AssertionError("the FHIR server's request log never showed the marker request");
    }

    private static void build(Path basedir) throws Exception {
        Path log = basedir.resolve("target/fhir-server-build.log");
        Files.createDirectories(log.getParent());
        Process mvn = new ProcessBuilder(basedir.resolve("mvnw").toString(), "-B", "-q", "-f", "fhir-server/pom.xml",
                "package", "-DskipTests").directory(basedir.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile()).start();
        if (!mvn.waitFor(BUILD_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
            mvn.destroyForcibly();
            fail("building fhir-server/ took over " + BUILD_TIMEOUT + "; see " + log);
        }
        if (mvn.exitValue() != 0) {
            fail("building fhir-server/ failed (exit " + mvn.exitValue() + "); see " + log + ":\n"
                    + Files.readString(log));
        }
    }

    private void pump(Path logFile) {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(),
                StandardCharsets.UTF_8)); PrintWriter out = new PrintWriter(Files.newBufferedWriter(logFile), true)) {
            String line;
            while ((line = in.readLine()) != null) {
                out.println(line);
                if (line.startsWith(REQUEST_PREFIX)) {
                    requests.add(line.substring(REQUEST_PREFIX.length()));
                } else if (line.startsWith("READY ")) {
                    ready.complete(Integer.parseInt(line.split(" ")[1]));
                }
            }
        } catch (IOException | RuntimeException e) {
            ready.completeExceptionally(e);
        }
        ready.completeExceptionally(new IllegalStateException("FHIR server exited before READY; see " + logFile));
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(20, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
    }
}
