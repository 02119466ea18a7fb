package org.hypomag.cds.knowledge;

import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;

import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.JavaType;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.deser.DeserializationProblemHandler;
import tools.jackson.databind.deser.ValueInstantiator;

/**
 * Collects binding problems instead of failing on the first: an unknown key, a value of the wrong type or an
 * unknown enum constant is reported at its position and read as absent, so binding goes on.
 */
final class BindingProblems extends DeserializationProblemHandler {

    private final YamlFile file;
    private final Set<String> pointers = new HashSet<>();

    BindingProblems(YamlFile file) {
        this.file = file;
    }

    int count() {
        return pointers.size();
    }

    /** Whether the node (or an ancestor) already has a binding problem. */
    boolean reported(String pointer) {
        for (String p : pointers) {
            if (pointer.equals(p) || pointer.startsWith(p + "/")) {
                return true;
            }
        }
        return false;
    }

    @Override
    public boolean handleUnknownProperty(DeserializationContext ctxt, JsonParser p, ValueDeserializer<?> deser,
                                         Object bean, String name) {
        record(p, "unknown key '" + name + "'");
        p.skipChildren();
        return true;
    }

    @Override
    public Object handleWeirdStringValue(DeserializationContext ctxt, Class<?> type, String value, String msg) {
        record(ctxt.getParser(), "'" + value + "' is not " + expected(type));
        return null;
    }

    @Override
    public Object handleWeirdNumberValue(DeserializationContext ctxt, Class<?> type, Number value, String msg) {
        record(ctxt.getParser(), "'" + value + "' is not " + expected(type));
        return null;
    }

    @Override
    public Object handleUnexpectedToken(DeserializationContext ctxt, JavaType type, JsonToken t, JsonParser p,
                                        String msg) {
        record(p, "expected " + expected(type.getRawClass()));
        p.skipChildren();
        return null;
    }

    @Override
    public Object handleMissingInstantiator(DeserializationContext ctxt, Class<?> type, ValueInstantiator inst,
                                            JsonParser p, String msg) {
        record(p, "expected " + expected(type));
        p.skipChildren();
        return null;
    }

    @Override
    public Object handleInstantiationProblem(DeserializationContext ctxt, Class<?> type, Object arg, Throwable t) {
        record(ctxt.getParser(), t.getMessage() == null ? "unreadable" : t.getMessage());
        return null;
    }

    private void record(JsonParser p, String message) {
        String ptr = p.streamReadContext().pathAsPointer().toString();
        pointers.add(ptr);
        file.problem(ptr, message);
    }

    private static String expected(Class<?> type) {
        if (type.isEnum()) {
            return "one of " + String.join(", ", Arrays.stream(type.getEnumConstants()).map(String::valueOf).toList());
        }
        if (Number.class.isAssignableFrom(type) || type == int.class || type == long.class) {
            return type == Integer.class || type == int.class ? "a whole number" : "a number";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true or false";
        }
        if (java.util.Collection.class.isAssignableFrom(type)) {
            return "a list";
        }
        if (type == String.class) {
            return "a text value";
        }
        return "a mapping";
    }
}
