package org.hypomag.cds.resilience;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * jqwik generators of hostile input: random JSON, strings with controls, nulls, bidi and lone surrogates,
 * numbers out of range, deep nesting, wrong FHIR resources. No generated URL ever names a host other than
 * loopback (the fuzzer must not make the service fetch from anywhere else).
 */
final class HostileGenerators {

    static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    /** Hand-picked nasty values; every URL among them points at a closed loopback port. */
    static final List<String> NASTY = List.of("", " ", "\u0000", "\u0000\u0000abc", "\uFEFF", "\u202Eevil", "\uD800",
            "\uDFFF\uD800", "null", "undefined", "NaN", "-0", "1e999999", "0x1F", "true", "[]", "{}", "\"", "\\",
            "<script>alert(1)</script>", "' OR 1=1 --", "../../../../etc/passwd", "%00", "%2e%2e%2f", "${jndi:x}",
            "{{context.patientId}}", "{{userPractitionerId}}", "Patient/../../x", "Patient/", "/", "?", "#", "\r\n\r\n",
            "\t", "ሰላም", "👩‍⚕️🧪", "Z̴̡͎a̸l̷g̵o", "http://127.0.0.1:1/fhir", "http://localhost:1/fhir/",
            "http://[::1]:1/fhir", "ftp://127.0.0.1:1/", "file:///etc/passwd", "javascript:alert(1)",
            "http://127.0.0.1:1/fhir?x=1#y", "http://user:pw@127.0.0.1:1/fhir", "mg/dL", "mmol/L", "mEq/L", "[ppm]",
            "2026-13-45", "2026-11-23T25:61:00Z", "9999-12-31T23:59:59Z", "0000-01-01", "1960", "draft",
            "entered-in-error", "MedicationRequest/", "MedicationRequest/ä", "patient-view", "order-sign");

    private HostileGenerators() {
    }

    static Arbitrary<String> hostileString() {
        return Arbitraries.frequencyOf(
                Tuple.of(3, Arbitraries.strings().all().ofMaxLength(40)),
                Tuple.of(2, Arbitraries.strings().withCharRange('\u0000', '\u001f').ofMaxLength(12)),
                Tuple.of(4, Arbitraries.of(NASTY)),
                Tuple.of(2, Arbitraries.strings().alpha().numeric().withChars("-._/|").ofMinLength(1).ofMaxLength(80)),
                Tuple.of(1, Arbitraries.strings().withCharRange('\u0080', '\uFFFF').ofMinLength(200).ofMaxLength(1000)))
                .map(s -> s.contains("://") && !NASTY.contains(s) ? "http://127.0.0.1:1/fhir" : s);
    }

    static Arbitrary<JsonNode> number() {
        return Arbitraries.oneOf(
                Arbitraries.integers().map(i -> (JsonNode) NODES.numberNode(i)),
                Arbitraries.longs().map(l -> (JsonNode) NODES.numberNode(l)),
                Arbitraries.doubles().map(d -> (JsonNode) NODES.numberNode(d)),
                Arbitraries.of("1e308", "-1e308", "4.9e-324", "0.000000000000000000001", "123456789012345678901234567890.5",
                        "-0", "1E+400", "-99999999999999999999").map(s -> (JsonNode) NODES.numberNode(new BigDecimal(s))),
                Arbitraries.bigIntegers().between(BigInteger.TEN.pow(30).negate(), BigInteger.TEN.pow(30))
                        .map(b -> (JsonNode) NODES.numberNode(b)));
    }

    static Arbitrary<JsonNode> leaf() {
        return Arbitraries.frequencyOf(
                Tuple.of(1, Arbitraries.just((JsonNode) NODES.nullNode())),
                Tuple.of(1, Arbitraries.of(true, false).map(b -> (JsonNode) NODES.booleanNode(b))),
                Tuple.of(2, number()),
                Tuple.of(4, hostileString().map(s -> (JsonNode) NODES.stringNode(s))),
                Tuple.of(1, Arbitraries.just((JsonNode) NODES.arrayNode())),
                Tuple.of(1, Arbitraries.just((JsonNode) NODES.objectNode())));
    }

    /** Any JSON value up to {@code depth} levels of arrays and objects. */
    static Arbitrary<JsonNode> value(int depth) {
        if (depth <= 0) {
            return leaf();
        }
        Arbitrary<JsonNode> inner = Arbitraries.lazy(() -> value(depth - 1));
        Arbitrary<JsonNode> array = inner.list().ofMaxSize(4).map(items -> {
            ArrayNode a = NODES.arrayNode();
            items.forEach(a::add);
            return a;
        });
        Arbitrary<String> keys = Arbitraries.frequencyOf(
                Tuple.of(3, Arbitraries.of("resourceType", "id", "hook", "hookInstance", "context", "patientId",
                        "prefetch", "entry", "resource", "valueQuantity", "value", "unit", "code", "coding", "system",
                        "status", "feedback", "card", "outcome", "draftOrders", "selections", "link", "url")),
                Tuple.of(2, hostileString()));
        Arbitrary<JsonNode> object = Combinators.combine(keys, inner).as(Tuple::of).list().ofMaxSize(4).map(pairs -> {
            ObjectNode o = NODES.objectNode();
            pairs.forEach(p -> o.set(p.get1(), p.get2()));
            return o;
        });
        return Arbitraries.frequencyOf(Tuple.of(4, leaf()), Tuple.of(1, array), Tuple.of(1, object));
    }

    /** Raw request bodies: random JSON trees, truncated JSON, non-JSON text and bytes that are not UTF-8. */
    static Arbitrary<byte[]> rawBody() {
        Arbitrary<String> tree = value(3).map(HookRequests.JSON::writeValueAsString);
        return Arbitraries.frequencyOf(
                Tuple.of(5, tree.map(HostileGenerators::utf8)),
                Tuple.of(2, Combinators.combine(tree, Arbitraries.doubles().between(0, 1))
                        .as((t, f) -> utf8(t.substring(0, (int) (t.length() * f))))),
                Tuple.of(1, Arbitraries.of("", "null", "0", "\"x\"", "[]", "{}", "{\"hook\":}", "{'hook':'patient-view'}",
                        "{\"a\":NaN}", "{\"a\":Infinity}", "{\"a\":1}{\"b\":2}", "// c\n{}", "{\"a\":1,}", "\uFEFF{}",
                        "{\"a\":" + "9".repeat(5000) + "}", "{\"" + "k".repeat(100_000) + "\":1}")
                        .map(HostileGenerators::utf8)),
                Tuple.of(1, Arbitraries.bytes().array(byte[].class).ofMaxSize(300)),
                Tuple.of(1, hostileString().map(HostileGenerators::utf8)));
    }

    /** Every path (object field or array index, from the root) in a JSON tree, for targeted mutation. */
    static List<List<Object>> paths(JsonNode root) {
        List<List<Object>> out = new ArrayList<>();
        collect(root, new ArrayList<>(), out);
        return out;
    }

    private static void collect(JsonNode node, List<Object> prefix, List<List<Object>> out) {
        if (node.isObject()) {
            for (var e : node.properties()) {
                List<Object> p = new ArrayList<>(prefix);
                p.add(e.getKey());
                out.add(p);
                collect(e.getValue(), p, out);
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                List<Object> p = new ArrayList<>(prefix);
                p.add(i);
                out.add(p);
                collect(node.get(i), p, out);
            }
        }
    }

    /** A copy of {@code root} with the value at {@code path} replaced (or removed when {@code value} is null). */
    static JsonNode replace(JsonNode root, List<Object> path, JsonNode value) {
        JsonNode copy = root.deepCopy();
        JsonNode parent = copy;
        for (int i = 0; i < path.size() - 1; i++) {
            Object seg = path.get(i);
            parent = seg instanceof Integer idx ? parent.get(idx) : parent.get((String) seg);
        }
        Object last = path.get(path.size() - 1);
        if (parent instanceof ObjectNode o) {
            if (value == null) {
                o.remove((String) last);
            } else {
                o.set((String) last, value);
            }
        } else if (parent instanceof ArrayNode a) {
            if (value == null) {
                a.remove((Integer) last);
            } else {
                a.set((Integer) last, value);
            }
        }
        return copy;
    }

    /** {@code depth} nested arrays (or objects) around a value. */
    static String nested(int depth, boolean objects) {
        StringBuilder sb = new StringBuilder(depth * 8);
        for (int i = 0; i < depth; i++) {
            sb.append(objects ? "{\"a\":" : "[");
        }
        sb.append("1");
        for (int i = 0; i < depth; i++) {
            sb.append(objects ? '}' : ']');
        }
        return sb.toString();
    }

    static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
