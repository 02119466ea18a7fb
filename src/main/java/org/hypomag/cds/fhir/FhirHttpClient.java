package org.hypomag.cds.fhir;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.springframework.stereotype.Component;

/**
 * The one HTTP client for the EHR's FHIR servers: {@link HttpClient} on a bounded pool of daemon threads,
 * every exchange with its own timeout and a body cap, cancellable. Chosen over HAPI's generic client because
 * that one can neither cap a body's size nor be cancelled at a shared deadline. Bodies are parsed by
 * {@link PageReader} (the JSON read path, {@link FhirJson}).
 */
@Component
final class FhirHttpClient implements AutoCloseable {

    private final FhirProperties properties;
    private final ThreadPoolExecutor pool;
    private final HttpClient http;

    FhirHttpClient(FhirProperties properties) {
        this.properties = properties;
        AtomicInteger n = new AtomicInteger();
        this.pool = new ThreadPoolExecutor(properties.threads(), properties.threads(), 30, TimeUnit.SECONDS,
                new LinkedBlockingQueue<>(), r -> {
                    Thread t = new Thread(r, "fhir-http-" + n.incrementAndGet());
                    t.setDaemon(true);
                    return t;
                });
        pool.allowCoreThreadTimeOut(true);
        this.http = HttpClient.newBuilder()
                .executor(pool)
                .connectTimeout(properties.queryTimeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    FhirProperties properties() {
        return properties;
    }

    /**
     * Starts a GET; the returned future is the raw exchange (cancel it to abort) and yields the body of a 2xx
     * answer or fails with a {@link FetchFailure} reason.
     */
    CompletableFuture<HttpResponse<byte[]>> send(URI uri, String accessToken, long timeoutMillis) {
        HttpRequest.Builder b = HttpRequest.newBuilder(uri)
                .GET()
                .timeout(Duration.ofMillis(timeoutMillis))
                .header("Accept", "application/fhir+json, application/json;q=0.9")
                .version("https".equalsIgnoreCase(uri.getScheme()) ? HttpClient.Version.HTTP_2
                        : HttpClient.Version.HTTP_1_1);
        if (accessToken != null) {
            b.header("Authorization", "Bearer " + accessToken);
        }
        return http.sendAsync(b.build(), BoundedBody.handler(properties.maxBodyBytes().toBytes()));
    }

    /** The body of a 2xx JSON answer, else a {@link FetchFailure} with the status or the content problem. */
    static byte[] body(HttpResponse<byte[]> response) {
        int status = response.statusCode();
        if (status < 200 || status > 299) {
            throw new FetchFailure("FHIR server answered " + status + switch (status) {
                case 401, 403 -> " (not authorised)";
                case 404 -> " (not found)";
                case 429 -> " (rate limited)";
                default -> "";
            }, status);
        }
        String type = response.headers().firstValue("Content-Type").orElse("").toLowerCase(Locale.ROOT);
        byte[] body = response.body();
        if (type.contains("html") || startsWith(body, '<')) {
            throw new FetchFailure("FHIR server answered HTML or XML, not FHIR JSON");
        }
        return body;
    }

    private static boolean startsWith(byte[] body, char c) {
        for (byte b : body) {
            if (!Character.isWhitespace(b)) {
                return b == c;
            }
        }
        return false;
    }

    @Override
    public void close() {
        pool.shutdownNow();
    }
}
