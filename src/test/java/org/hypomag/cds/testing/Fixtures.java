package org.hypomag.cds.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** Test fixtures read as JSON: test-classpath resources and the README's sample requests under hooks/. */
public final class Fixtures {

    private Fixtures() {
    }

    /** A JSON file on the test classpath, e.g. {@code fixtures/sandbox/x.json}. */
    public static JsonNode resource(String path) {
        try (InputStream in = Fixtures.class.getClassLoader().getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalArgumentException("no test resource " + path);
            }
            return Http.JSON.readTree(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A sample request of hooks/ (a fresh copy each call). */
    public static ObjectNode hook(String name) {
        try {
            return (ObjectNode) Http.JSON.readTree(Files.readString(Path.of("hooks", name)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
