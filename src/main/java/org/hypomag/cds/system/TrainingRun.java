package org.hypomag.cds.system;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * The class-data-sharing training run of the image (Dockerfile, bench/startup.sh). Only when
 * {@code cds.training.requests} names hook request files (comma-separated paths): once the service is ready,
 * it calls itself over HTTP like a client would (health until UP, discovery, then each file to the service of
 * its {@code hook}), requires a 200 for every call, and stops the JVM (exit status 1 if a call failed). Started
 * with {@code -XX:ArchiveClassesAtExit}, the JVM then archives the classes that answering loads (Tomcat's
 * request path, Jackson, HAPI's parser, the rules and cards), not only those of the context refresh.
 *
 * <p>With {@code cds.training.tokens} (a file of {@link TrainingTokens}), discovery and each hook call carry the
 * next token, so a start in JWT mode trains the verification path as well.
 *
 * <p>The property is read when the service is ready, not through a condition, so the bean exists in every
 * start (also with Spring AOT) and does nothing unless the property is set. Never set it in a real start.
 */
@Component
class TrainingRun implements ApplicationListener<ApplicationReadyEvent> {

    static final String PROPERTY = "cds.training.requests";
    /** A file of bearer tokens, one a line: one for discovery, then one per hook call ({@link TrainingTokens}). */
    static final String TOKENS = "cds.training.tokens";

    private static final Logger log = LoggerFactory.getLogger(TrainingRun.class);
    private static final Duration TIMEOUT = Duration.ofSeconds(60);
    private static final Pattern HOOK = Pattern.compile("\"hook\"\\s*:\\s*\"([a-z-]+)\"");

    @Override
    public void onApplicationEvent(ApplicationReadyEvent event) {
        Environment env = event.getApplicationContext().getEnvironment();
        String[] files = env.getProperty(PROPERTY, String[].class, new String[0]);
        if (files.length == 0) {
            return;
        }
        String port = env.getProperty("local.server.port");
        String tokenFile = env.getProperty(TOKENS);
        ConfigurableApplicationContext context = event.getApplicationContext();
        // on its own thread: readiness (and so health UP) is only published after this event's listeners
        Thread t = new Thread(() -> {
            boolean ok = port != null && train("http://127.0.0.1:" + port, files, tokenFile);
            log.warn("Training run finished ({}): the service stops now", ok ? "every call answered 200" : "FAILED");
            System.exit(SpringApplication.exit(context, () -> ok ? 0 : 1));
        }, "cds-training-run");
        t.start();
    }

    private static boolean train(String base, String[] files, String tokenFile) {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
        List<HttpRequest> calls = new ArrayList<>();
        calls.add(HttpRequest.newBuilder(URI.create(base + "/actuator/health")).timeout(TIMEOUT).GET().build());
        try {
            List<String> tokens = tokenFile == null || tokenFile.isBlank() ? List.of()
                    : Files.readAllLines(Path.of(tokenFile.strip())).stream().filter(t -> !t.isBlank()).toList();
            if (!tokens.isEmpty() && tokens.size() < files.length + 1) {
                log.error("Training run: {} tokens for {} calls (discovery and each hook)", tokens.size(),
                        files.length + 1);
                return false;
            }
            HttpRequest.Builder discovery = HttpRequest.newBuilder(URI.create(base + "/cds-services"))
                    .timeout(TIMEOUT).GET();
            if (!tokens.isEmpty()) { // the n-th call after health carries the n-th token
                discovery.header("Authorization", "Bearer " + tokens.get(0));
            }
            calls.add(discovery.build());
            for (String file : files) {
                String body = Files.readString(Path.of(file.strip()));
                Matcher hook = HOOK.matcher(body);
                if (!hook.find()) {
                    log.error("Training request {} names no hook", file);
                    return false;
                }
                HttpRequest.Builder call = HttpRequest.newBuilder(
                                URI.create(base + "/cds-services/hypomagnesemia-" + hook.group(1)))
                        .timeout(TIMEOUT)
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(body));
                if (!tokens.isEmpty()) {
                    call.header("Authorization", "Bearer " + tokens.get(calls.size() - 1));
                }
                calls.add(call.build());
            }
            HttpRequest health = calls.get(0);
            long until = System.nanoTime() + TIMEOUT.toNanos();
            while (http.send(health, HttpResponse.BodyHandlers.discarding()).statusCode() != 200) {
                if (System.nanoTime() > until) {
                    log.error("Training run: health not UP within {}", TIMEOUT);
                    return false;
                }
                Thread.sleep(20);
            }
            boolean ok = true;
            for (HttpRequest call : calls) {
                long t0 = System.nanoTime();
                int status = http.send(call, HttpResponse.BodyHandlers.discarding()).statusCode();
                log.info("Training call {} {}: {} in {} ms", call.method(), call.uri().getPath(), status,
                        (System.nanoTime() - t0) / 1_000_000);
                ok &= status == 200;
            }
            return ok;
        } catch (IOException e) {
            log.error("Training run failed: {}", e.toString());
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
