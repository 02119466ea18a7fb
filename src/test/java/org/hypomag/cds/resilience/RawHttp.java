package org.hypomag.cds.resilience;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Real HTTP/1.1 calls with keep-alive (one pooled JDK client) to a service on loopback; every answer is
 * counted in a status histogram.
 */
final class RawHttp {

    /** One answer: the status (or -1 when the connection failed) and the body or the I/O error. */
    record Answer(int status, String body, long millis) {
        boolean ioError() {
            return status < 0;
        }
    }

    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final String base;
    private final Map<String, AtomicInteger> histogram = new TreeMap<>();
    private final AtomicInteger sent = new AtomicInteger();

    RawHttp(int port) {
        this.base = "http://127.0.0.1:" + port;
    }

    Answer post(String path, String body) {
        return send("POST", path, body.getBytes(StandardCharsets.UTF_8), "application/json");
    }

    Answer get(String path) {
        return send("GET", path, null, null);
    }

    Answer send(String method, String path, byte[] body, String contentType) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(60))
                .header("Accept", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofByteArray(body));
        if (contentType != null) {
            b.header("Content-Type", contentType);
        }
        return send(b.build());
    }

    Answer send(HttpRequest request) {
        sent.incrementAndGet();
        long start = System.nanoTime();
        Answer answer;
        try {
            HttpResponse<String> r = client.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            answer = new Answer(r.statusCode(), r.body(), (System.nanoTime() - start) / 1_000_000);
        } catch (IOException e) {
            answer = new Answer(-1, e.getClass().getSimpleName() + ": " + e.getMessage(),
                    (System.nanoTime() - start) / 1_000_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        String key = answer.ioError() ? "io-error" : String.valueOf(answer.status());
        synchronized (histogram) {
            histogram.computeIfAbsent(key, k -> new AtomicInteger()).incrementAndGet();
        }
        return answer;
    }

    int sent() {
        return sent.get();
    }

    String histogram() {
        synchronized (histogram) {
            return histogram.toString();
        }
    }
}
