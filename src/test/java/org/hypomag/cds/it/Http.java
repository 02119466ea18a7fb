package org.hypomag.cds.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.stream.Collectors;

/** Plain JDK HTTP for the test: the FHIR server and the service are both called as an EHR would call them. */
final class Http {

    static final String FHIR_JSON = "application/fhir+json";
    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    private Http() {
    }

    record Answer(int status, String body) {
    }

    static Answer get(String url) {
        return send(HttpRequest.newBuilder(URI.create(url)).header("Accept", FHIR_JSON + ", application/json").GET());
    }

    static Answer post(String url, String contentType, String body) {
        return send(HttpRequest.newBuilder(URI.create(url)).header("Content-Type", contentType)
                .header("Accept", FHIR_JSON + ", application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)));
    }

    /** A POST allowed {@code timeout} (a large transaction on a busy machine takes minutes). */
    static Answer post(String url, String contentType, String body, Duration timeout) {
        return send(HttpRequest.newBuilder(URI.create(url)).header("Content-Type", contentType)
                .header("Accept", FHIR_JSON + ", application/json").timeout(timeout)
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)));
    }

    /**
     * A prefetch template's query ({@code Observation?patient=x&code=sys|c1,sys|c2}) with each parameter value
     * percent-encoded, so characters such as {@code |} are legal in a URI. The server decodes them back.
     */
    static String encodeQuery(String relative) {
        int q = relative.indexOf('?');
        if (q < 0) {
            return relative;
        }
        String params = Arrays.stream(relative.substring(q + 1).split("&")).map(p -> {
            int eq = p.indexOf('=');
            return eq < 0 ? p : p.substring(0, eq + 1) + URLEncoder.encode(p.substring(eq + 1), StandardCharsets.UTF_8);
        }).collect(Collectors.joining("&"));
        return relative.substring(0, q + 1) + params;
    }

    private static Answer send(HttpRequest.Builder request) {
        try {
            HttpRequest built = request.build();
            if (built.timeout().isEmpty()) {
                built = request.timeout(TIMEOUT).build();
            }
            HttpResponse<String> r = CLIENT.send(built,
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return new Answer(r.statusCode(), r.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
