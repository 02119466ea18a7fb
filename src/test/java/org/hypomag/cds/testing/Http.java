package org.hypomag.cds.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.Socket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Real HTTP calls from the tests to a running server, as an EHR or a browser would make them: one pooled JDK
 * client (HTTP/1.1 with keep-alive, redirects never followed, 10 s to connect, 60 s per request unless a
 * request says otherwise). {@code Http.local(port).post("/cds-services/x", body).bearer(token).send()} answers
 * status, headers, body and the time taken; every answer is counted in a status histogram of that {@code Http}.
 * {@link #rawExchange} writes bytes on a socket for what the JDK client refuses to send.
 */
public final class Http {

    public static final JsonMapper JSON = JsonMapper.builder().build();
    public static final String JSON_TYPE = "application/json";
    public static final String FHIR_JSON = "application/fhir+json";
    /** The Accept of an EHR calling a FHIR server or this service. */
    public static final String FHIR_OR_JSON = FHIR_JSON + ", " + JSON_TYPE;
    public static final Duration TIMEOUT = Duration.ofSeconds(60);

    private static final HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).followRedirects(HttpClient.Redirect.NEVER).build();

    private final String base;
    private final Map<String, String> defaultHeaders;
    private final Duration timeout;
    private final Map<String, AtomicInteger> histogram = new TreeMap<>();
    private final AtomicInteger sent = new AtomicInteger();

    private Http(String base, Map<String, String> defaultHeaders, Duration timeout) {
        this.base = base;
        this.defaultHeaders = Map.copyOf(defaultHeaders);
        this.timeout = timeout;
    }

    /** Calls to {@code http://127.0.0.1:port}. */
    public static Http local(int port) {
        return at("http://127.0.0.1:" + port);
    }

    /** Calls to paths below {@code base} (no trailing slash); with {@code at("")} every path is a whole URL. */
    public static Http at(String base) {
        return new Http(base, Map.of(), TIMEOUT);
    }

    /** The same server, every request sending {@code Accept: mediaTypes} unless it sets its own. */
    public Http accepting(String mediaTypes) {
        Map<String, String> headers = new LinkedHashMap<>(defaultHeaders);
        headers.put("Accept", mediaTypes);
        return new Http(base, headers, timeout);
    }

    private String url(String path) {
        return base + path;
    }

    public Request get(String path) {
        return request("GET", path);
    }

    /** A POST of a JSON body ({@code Content-Type: application/json}). */
    public Request post(String path, String json) {
        return request("POST", path).contentType(JSON_TYPE).body(json);
    }

    /** Any method, no body unless one is set. */
    public Request request(String method, String path) {
        return new Request(method, url(path));
    }

    /**
     * A prefetch template's query ({@code Observation?patient=x&code=sys|c1,sys|c2}) with each parameter value
     * percent-encoded, so characters such as {@code |} are legal in a URI. The server decodes them back.
     */
    public static String encodeQuery(String relative) {
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

    /** How many requests this {@code Http} sent. */
    public int sent() {
        return sent.get();
    }

    /** Answers by status ({@code io-error} for a failed connection), e.g. {@code {200=12, 400=3}}. */
    public String histogram() {
        synchronized (histogram) {
            return histogram.toString();
        }
    }

    /**
     * Writes {@code request} as it stands (US-ASCII, malformed or not) on a new socket to 127.0.0.1:port and
     * reads the answer until the server closes (10 s read timeout): for requests the JDK client will not send,
     * such as a foreign {@code Host} header.
     */
    public static String rawExchange(int port, String request) {
        try (Socket s = new Socket(InetAddress.getLoopbackAddress(), port)) {
            s.setSoTimeout(10_000);
            s.getOutputStream().write(request.getBytes(StandardCharsets.US_ASCII));
            return new String(s.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void count(Answer answer) {
        String key = answer.ioError() ? "io-error" : String.valueOf(answer.status());
        synchronized (histogram) {
            histogram.computeIfAbsent(key, k -> new AtomicInteger()).incrementAndGet();
        }
    }

    /** One request being built; {@link #send()} sends it. */
    public final class Request {

        private final String method;
        private final String url;
        private final Map<String, String> headers = new LinkedHashMap<>(defaultHeaders);
        private HttpRequest.BodyPublisher body = HttpRequest.BodyPublishers.noBody();
        private Duration requestTimeout = timeout;

        private Request(String method, String url) {
            this.method = method;
            this.url = url;
        }

        public Request header(String name, String value) {
            headers.put(name, value);
            return this;
        }

        /** {@code Authorization: Bearer token}; none when {@code token} is null. */
        public Request bearer(String token) {
            return token == null ? this : header("Authorization", "Bearer " + token);
        }

        /** {@code Content-Type: type}; none when {@code type} is null. */
        public Request contentType(String type) {
            return type == null ? this : header("Content-Type", type);
        }

        public Request accept(String mediaTypes) {
            return header("Accept", mediaTypes);
        }

        public Request body(String text) {
            body = HttpRequest.BodyPublishers.ofString(text, StandardCharsets.UTF_8);
            return this;
        }

        public Request body(byte[] bytes) {
            body = bytes == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(bytes);
            return this;
        }

        public Request timeout(Duration perRequest) {
            requestTimeout = perRequest;
            return this;
        }

        /** Sends and waits; a failed connection is an {@link UncheckedIOException}. */
        public Answer send() {
            Answer answer = sendOrIoError();
            if (answer.ioError()) {
                throw new UncheckedIOException(
                        new IOException(method + " " + url + ": " + answer.body()));
            }
            return answer;
        }

        /** Sends and waits; a failed connection is an answer with status -1 and the error as its body. */
        public Answer sendOrIoError() {
            sent.incrementAndGet();
            long start = System.nanoTime();
            Answer answer;
            try {
                answer = Answer.of(CLIENT.send(build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8)),
                        start);
            } catch (IOException e) {
                answer = new Answer(-1, HttpHeaders.of(Map.of(), (a, b) -> true),
                        e.getClass().getSimpleName() + ": " + e.getMessage(), millisSince(start));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            count(answer);
            return answer;
        }

        /** Sends without waiting (many requests in flight at once). */
        public CompletableFuture<Answer> sendAsync() {
            sent.incrementAndGet();
            long start = System.nanoTime();
            return CLIENT.sendAsync(build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8))
                    .thenApply(r -> {
                        Answer answer = Answer.of(r, start);
                        count(answer);
                        return answer;
                    });
        }

        private HttpRequest build() {
            HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).timeout(requestTimeout)
                    .method(method, body);
            headers.forEach(b::header);
            return b.build();
        }
    }

    /** One answer: the status (-1 when the connection failed), the headers, the body and the time it took. */
    public record Answer(int status, HttpHeaders headers, String body, long millis) {

        static Answer of(HttpResponse<String> r, long startNanos) {
            return new Answer(r.statusCode(), r.headers(), r.body(), millisSince(startNanos));
        }

        public boolean ioError() {
            return status < 0;
        }

        public Optional<String> header(String name) {
            return headers.firstValue(name);
        }

        public JsonNode json() {
            return JSON.readTree(body);
        }

        /** The stable error code of an OperationOutcome body ({@code issue[0].details.coding[0].code}). */
        public String errorCode() {
            return json().at("/issue/0/details/coding/0/code").asString();
        }
    }

    private static long millisSince(long startNanos) {
        return (System.nanoTime() - startNanos) / 1_000_000;
    }
}
