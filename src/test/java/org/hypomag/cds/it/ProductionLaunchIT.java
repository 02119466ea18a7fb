package org.hypomag.cds.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.hypomag.cds.security.TestIssuer;
import org.hypomag.cds.testing.Http;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The production launch of the Dockerfile: the packaged jar extracted with Boot's jarmode tools and started
 * with Spring AOT ({@code -Dspring.aot.enabled=true}), as child processes. AOT fixes the set of beans at build
 * time, so this checks that the security choice is still made at run time: with nothing set, a call without a
 * token gets 401 and a call signed by a configured issuer 200; with the {@code demo} profile a call without a
 * token gets 200. And that the image's class-data-sharing training run ({@code cds.training.requests}, the
 * Dockerfile's commands: TrainingTokens, then the start in JWT mode) answers every call and exits 0. Runs after
 * {@code package}, by Failsafe in {@code verify}: {@code ./mvnw -B verify -Dit.test=ProductionLaunchIT}.
 */
class ProductionLaunchIT {

    private static final Path BASEDIR = Path.of(System.getProperty("basedir", System.getProperty("user.dir")));
    private static final Path WORK = BASEDIR.resolve("target/it-production-launch");
    private static final Path HOOKS = BASEDIR.resolve("hooks");
    private static final String PATIENT_VIEW = "/cds-services/hypomagnesemia-patient-view";
    private static final Duration START_TIMEOUT = Duration.ofSeconds(Long.getLong("it.service.startSeconds", 120));
    private static final Http HTTP = Http.at("");

    private static Path appJar;

    @BeforeAll
    static void extractThePackagedJar() throws Exception {
        Path jar;
        try (Stream<Path> files = Files.list(BASEDIR.resolve("target"))) {
            jar = files.filter(p -> p.getFileName().toString().matches("hypomagnesemia-cds-.*\\.jar"))
                    .filter(p -> !p.getFileName().toString().endsWith("-plain.jar"))
                    .findFirst().orElseThrow(() -> new AssertionError("no packaged jar in target/: run verify"));
        }
        if (Files.exists(WORK)) {
            try (Stream<Path> old = Files.walk(WORK)) {
                old.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
        Files.createDirectories(WORK);
        Path extracted = WORK.resolve("app");
        Process extract = new ProcessBuilder(java(), "-Djarmode=tools", "-jar", jar.toString(), "extract",
                "--destination", extracted.toString()).redirectErrorStream(true)
                .redirectOutput(WORK.resolve("extract.log").toFile()).start();
        assertTrue(extract.waitFor(120, TimeUnit.SECONDS) && extract.exitValue() == 0, "jarmode extract failed");
        appJar = extracted.resolve(jar.getFileName());
        assertTrue(Files.isRegularFile(appJar), "extracted jar missing: " + appJar);
    }

    @Test
    void withAot_noModeSet_isSecuredByDefault_andAcceptsAValidToken() throws Exception {
        TestIssuer issuer = new TestIssuer("https://ehr.it.example");
        Path jwks = issuer.writeJwks(WORK, "it-jwks.json");
        int port = freePort();
        String base = "http://127.0.0.1:" + port;
        try (Service service = Service.start("secured", port, "--cds.security.public-base-url=" + base,
                "--cds.security.issuers[0].iss=" + issuer.iss(),
                "--cds.security.issuers[0].jwks-file=file:" + jwks)) {
            assertTrue(service.log().contains("Starting AOT-processed"), "not started from the AOT classes");
            String body = Files.readString(HOOKS.resolve("patient-view-severe-ckd-prefetch.json"));

            Http.Answer anonymous = HTTP.post(base + PATIENT_VIEW, body).send();
            assertEquals(401, anonymous.status(), anonymous.body());
            assertTrue(anonymous.body().contains("AUTH-MISSING-TOKEN"), anonymous.body());

            String token = issuer.token(base + PATIENT_VIEW, Instant.now()).sign();
            Http.Answer signed = HTTP.post(base + PATIENT_VIEW, body).bearer(token).send();
            assertEquals(200, signed.status(), signed.body());
            assertTrue(signed.body().startsWith("{\"cards\":["), signed.body());
        }
    }

    @Test
    void withAot_demoProfile_answersWithoutToken() throws Exception {
        int port = freePort();
        String base = "http://127.0.0.1:" + port;
        try (Service service = Service.start("demo", port, "--spring.profiles.active=demo")) {
            assertTrue(service.log().contains("Starting AOT-processed"), "not started from the AOT classes");
            Http.Answer answer = HTTP.post(base + PATIENT_VIEW,
                    Files.readString(HOOKS.resolve("patient-view-severe-ckd-prefetch.json"))).send();
            assertEquals(200, answer.status(), answer.body());
            assertTrue(answer.body().startsWith("{\"cards\":["), answer.body());
        }
    }

    @Test
    void trainingRun_answersEveryCall_andExitsZero() throws Exception {
        String requests = String.join(",", Stream.of("patient-view-severe-ckd-prefetch.json",
                "order-select-mgso4-overdose-severe-ckd-prefetch.json", "order-sign-mgso4-overdose-severe-ckd-prefetch.json")
                .map(f -> HOOKS.resolve(f).toString()).toList());
        Path log = WORK.resolve("training.log");
        // as the Dockerfile: TrainingTokens from the extracted jar (a throwaway issuer's JWKS and four tokens),
        // then the training start in JWT mode trusting that JWKS, each call with its token
        Path tokens = WORK.resolve("training-tokens");
        Process t = new ProcessBuilder(java(), "-cp", appJar.toString(), "org.hypomag.cds.system.TrainingTokens",
                tokens.toString(), "https://training.invalid", "http://training.invalid", "4")
                .redirectErrorStream(true).redirectOutput(WORK.resolve("training-tokens.log").toFile()).start();
        assertTrue(t.waitFor(60, TimeUnit.SECONDS), "TrainingTokens did not stop");
        assertEquals(0, t.exitValue(), Files.readString(WORK.resolve("training-tokens.log")));
        Process p = new ProcessBuilder(java(), "-Dspring.aot.enabled=true", "-jar", appJar.toString(),
                "--server.port=0", "--server.address=127.0.0.1", "--cds.clock.fixed=2026-11-23T12:00:00Z",
                "--cds.store.data-dir=" + WORK.resolve("training-data"), "--cds.security.mode=jwt",
                "--cds.security.public-base-url=http://training.invalid",
                "--cds.security.issuers[0].iss=https://training.invalid",
                "--cds.security.issuers[0].jwks-file=file:" + tokens.resolve("jwks.json"),
                "--cds.security.issuers[0].algorithms=ES384",
                "--cds.training.tokens=" + tokens.resolve("tokens.txt"), "--cds.training.requests=" + requests)
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        if (!p.waitFor(START_TIMEOUT.toSeconds() + 60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            fail("training run did not stop; see " + log);
        }
        String out = Files.readString(log);
        assertEquals(0, p.exitValue(), out);
        assertEquals(5, out.lines().filter(l -> l.contains("Training call") && l.contains(": 200 in")).count(), out);
    }

    // --- helpers

    private static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    /** The extracted jar started with AOT on a loopback port; stopped (and waited for) on close. */
    private record Service(Process process, Path logFile) implements AutoCloseable {

        static Service start(String name, int port, String... args) throws Exception {
            List<String> command = new ArrayList<>(List.of(java(), "-Xmx512m", "-Dspring.aot.enabled=true", "-jar",
                    appJar.toString(), "--server.port=" + port, "--server.address=127.0.0.1"));
            command.addAll(List.of(args));
            Path log = WORK.resolve(name + ".log");
            Service s = new Service(new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(log.toFile()).start(), log);
            long until = System.nanoTime() + START_TIMEOUT.toNanos();
            while (true) {
                if (!s.process.isAlive()) {
                    fail("service '" + name + "' died: " + s.log());
                }
                // status -1 while it is not listening yet
                if (HTTP.get("http://127.0.0.1:" + port + "/actuator/health").timeout(Duration.ofSeconds(10))
                        .sendOrIoError().status() == 200) {
                    return s;
                }
                if (System.nanoTime() > until) {
                    s.close();
                    fail("service '" + name + "' not UP within " + START_TIMEOUT + ": " + s.log());
                }
                Thread.sleep(100);
            }
        }

        String log() throws IOException {
            return Files.readString(logFile);
        }

        @Override
        public void close() throws InterruptedException {
            process.destroy();
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        }
    }
}
