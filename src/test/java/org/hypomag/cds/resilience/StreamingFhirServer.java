package org.hypomag.cds.resilience;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A FHIR server on loopback whose magnesium search streams a Bundle of about {@code bytes} bytes, generated
 * while it is written, so the test JVM never holds it (WireMock keeps and copies whole bodies in this JVM,
 * which would hide what the service itself holds). Every other search answers an empty Bundle.
 */
final class StreamingFhirServer implements AutoCloseable {

    private final HttpServer server;

    StreamingFhirServer(long bytes) throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/fhir", exchange -> answer(exchange, bytes));
        server.start();
    }

    String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    private static void answer(HttpExchange exchange, long bytes) throws IOException {
        String query = String.valueOf(exchange.getRequestURI().getRawQuery());
        exchange.getResponseHeaders().add("Content-Type", "application/fhir+json");
        if (!query.contains("19123-9")) {
            byte[] empty = HookRequests.bundle(List.of()).toString().getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, empty.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(empty);
            }
            return;
        }
        String[] entry = ("{\"resource\":" + HookRequests.magnesium("ID", "p1", "1.9", "mg/dL",
                "2024-01-01T00:00:00Z") + "}").split("\"ID\"", 2);
        exchange.sendResponseHeaders(200, 0); // chunked
        try (OutputStream out = exchange.getResponseBody()) {
            out.write("{\"resourceType\":\"Bundle\",\"type\":\"searchset\",\"entry\":[".getBytes(StandardCharsets.UTF_8));
            long written = 0;
            for (int i = 0; written < bytes; i++) {
                byte[] e = ((i > 0 ? "," : "") + entry[0] + "\"big" + i + "\"" + entry[1]).getBytes(StandardCharsets.UTF_8);
                out.write(e);
                written += e.length;
            }
            out.write("]}".getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            // the service stopped reading at its cap: expected
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
