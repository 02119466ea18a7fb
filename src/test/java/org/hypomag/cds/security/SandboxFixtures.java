package org.hypomag.cds.security;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.Base64;
import java.util.List;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * The requests the public CDS Hooks sandbox sent to a stub on 127.0.0.1:9000 (shared/cds-hooks/fixtures,
 * copied to src/test/resources/fixtures/sandbox): real ES384 JWTs, expired long ago.
 */
record SandboxFixtures(String name, String method, String path, String token, String body, Instant iat,
                       Instant exp) {

    static final List<String> NAMES = List.of("sandbox-discovery", "sandbox-feedback-accepted",
            "sandbox-order-select-empty-draft", "sandbox-order-select-pantoprazole",
            "sandbox-order-select-after-accept");
    static final String STUB_BASE = "http://127.0.0.1:9000";

    private static final ObjectMapper JSON = new ObjectMapper();

    static SandboxFixtures load(String name) {
        try (InputStream in = SandboxFixtures.class.getResourceAsStream("/fixtures/sandbox/" + name + ".json")) {
            JsonNode request = JSON.readTree(in);
            String token = request.get("headers").get("authorization").asString().substring("Bearer ".length());
            JsonNode claims = JSON.readTree(Base64.getUrlDecoder().decode(token.split("\\.")[1]));
            JsonNode body = request.get("body");
            return new SandboxFixtures(name, request.get("method").asString(), request.get("path").asString(), token,
                    body == null ? null : body.toString(), Instant.ofEpochSecond(claims.get("iat").asLong()),
                    Instant.ofEpochSecond(claims.get("exp").asLong()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
