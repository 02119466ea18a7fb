package org.hypomag.cds.knowledge;

import java.util.HashMap;
import java.util.Map;

import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonPointer;
import tools.jackson.core.JsonToken;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.dataformat.yaml.YAMLFactory;

/**
 * Where each node of a YAML file starts (line and column, from 1), by JSON pointer: the small index that lets
 * every problem found after binding (Bean Validation, cross-field and cross-file checks) name its position.
 * A node that is missing reports at its nearest existing ancestor, the mapping it should have been in.
 */
final class Positions {

    private final Map<String, int[]> starts = new HashMap<>();

    private Positions() {
    }

    /** Indexes {@code bytes}; a YAML syntax error propagates as Jackson's exception (with its location). */
    static Positions index(YAMLFactory factory, byte[] bytes) {
        Positions p = new Positions();
        p.starts.put("", new int[] {1, 1});
        try (JsonParser parser = factory.createParser(ObjectReadContext.empty(), bytes)) {
            JsonToken t;
            while ((t = parser.nextToken()) != null) {
                if (t == JsonToken.PROPERTY_NAME || t == JsonToken.END_OBJECT || t == JsonToken.END_ARRAY) {
                    continue;
                }
                String ptr = parser.streamReadContext().pathAsPointer().toString();
                if (t == JsonToken.START_OBJECT || t == JsonToken.START_ARRAY) {
                    ptr = parser.streamReadContext().getParent() == null ? ""
                            : parser.streamReadContext().getParent().pathAsPointer().toString();
                }
                TokenStreamLocation loc = parser.currentTokenLocation();
                p.starts.putIfAbsent(ptr, new int[] {loc.getLineNr(), loc.getColumnNr()});
            }
        }
        return p;
    }

    /** Line and column of the node at {@code pointer}, or of its nearest existing ancestor. */
    int[] of(String pointer) {
        JsonPointer ptr = JsonPointer.compile(pointer);
        while (true) {
            int[] at = starts.get(ptr.toString());
            if (at != null) {
                return at;
            }
            ptr = ptr.head();
            if (ptr == null) {
                return new int[] {1, 1};
            }
        }
    }
}
