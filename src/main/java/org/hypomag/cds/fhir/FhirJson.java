package org.hypomag.cds.fhir;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.cfg.JsonNodeFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.JsonNodeType;

/**
 * Reads FHIR R4 JSON from a Jackson tree, as the service needs it: lenient where real servers are sloppy
 * (unknown elements and extensions are not looked at; a single object where an array belongs, as the sandbox
 * sends MedicationRequest.category, is an array of one; a number written as a string is read; an unreadable
 * primitive is absent), strict where the structure is wrong: an object or array where a value belongs, or a
 * value where an object belongs ({@code "code":"x"}), throws {@link Malformed}, so the data becomes unknown,
 * never empty. Decimals stay exact: the tree holds BigDecimals with their trailing zeros.
 *
 * <p>Each node's type is asked once ({@link JsonNode#getNodeType()}, a virtual call on every node class) and
 * switched on, not through {@code isNull()}, {@code isString()}, {@code isObject()} one after the other (each of
 * them asks the type again): these readers run for every element of every resource of a prefetch (issue 16).
 */
final class FhirJson {

    /** The JSON structure is not FHIR's. Carries no data from the resource, only the element name. */
    static final class Malformed extends RuntimeException {
        Malformed(String element) {
            super("wrong JSON structure at " + element, null, false, false);
        }
    }

    /**
     * A decimal outside what this service reads (issue 12.1): more than {@link #MAX_DIGITS} significant
     * digits or a decimal exponent beyond +-{@link #MAX_EXPONENT}. Such a number is never printed or
     * computed with (1E+999999999 would take gigabytes to print, 1E-100000000 minutes to compare).
     */
    static final class Unbounded extends RuntimeException {
        Unbounded(String element) {
            super("number out of bounds at " + element, null, false, false);
        }
    }

    /** Largest |decimal exponent| accepted (1E+20 .. 1E-20). */
    static final int MAX_EXPONENT = 20;
    /** Most significant digits accepted. */
    static final int MAX_DIGITS = 30;

    /** The mapper for FHIR server answers: exact decimals; Jackson's default nesting and size limits apply. */
    static final JsonMapper MAPPER = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(JsonNodeFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .disable(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES)
            .build();

    private FhirJson() {
    }

    /** A primitive as text (a number or boolean as its JSON text); null when absent or JSON null. */
    static String string(JsonNode parent, String element) {
        JsonNode n = parent == null ? null : parent.get(element);
        if (n == null) {
            return null;
        }
        return switch (n.getNodeType()) {
            case NULL -> null;
            case STRING -> n.stringValue();
            case NUMBER, BOOLEAN -> n.asString();
            default -> throw new Malformed(element);
        };
    }

    /** A complex element; null when absent, JSON null or empty. */
    static JsonNode object(JsonNode parent, String element) {
        JsonNode n = parent == null ? null : parent.get(element);
        if (n == null) {
            return null;
        }
        return switch (n.getNodeType()) {
            case NULL -> null;
            case OBJECT -> isEmpty(n) ? null : n;
            default -> throw new Malformed(element);
        };
    }

    /** A repeating complex element: its objects (JSON nulls skipped); a single object is a list of one. */
    static List<JsonNode> array(JsonNode parent, String element) {
        JsonNode n = parent == null ? null : parent.get(element);
        JsonNodeType type = n == null ? JsonNodeType.NULL : n.getNodeType();
        if (type == JsonNodeType.NULL) {
            return List.of();
        }
        if (type == JsonNodeType.OBJECT) {
            return List.of(n);
        }
        if (type != JsonNodeType.ARRAY) {
            throw new Malformed(element);
        }
        List<JsonNode> out = new ArrayList<>(n.size());
        for (JsonNode item : n) {
            JsonNodeType itemType = item.getNodeType();
            if (itemType == JsonNodeType.OBJECT) {
                out.add(item);
            } else if (itemType != JsonNodeType.NULL) {
                throw new Malformed(element);
            }
        }
        return out;
    }

    /**
     * A decimal, exact as written; null when absent or not a number.
     *
     * @throws Unbounded when the number is outside {@link #bounded}'s limits
     */
    static BigDecimal decimal(JsonNode parent, String element) {
        JsonNode n = parent == null ? null : parent.get(element);
        if (n == null) {
            return null;
        }
        return switch (n.getNodeType()) {
            case NULL, BOOLEAN -> null;
            case NUMBER -> bounded(n.decimalValue(), element);
            case STRING -> decimalText(n.stringValue(), element);
            default -> throw new Malformed(element);
        };
    }

    /** A decimal written as a string: null when it is not a number. */
    private static BigDecimal decimalText(String written, String element) {
        String text = written.strip();
        if (text.length() > 64) {
            throw new Unbounded(element);
        }
        try {
            return bounded(new BigDecimal(text), element);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** HAPI's "has": present and not empty (blank strings and objects of empty values are empty). */
    static boolean has(JsonNode parent, String element) {
        return parent != null && !isEmpty(parent.get(element));
    }

    static boolean isEmpty(JsonNode n) {
        if (n == null) {
            return true;
        }
        return switch (n.getNodeType()) {
            case NULL -> true;
            case STRING -> n.stringValue().isBlank();
            case OBJECT, ARRAY -> allEmpty(n);
            default -> false;
        };
    }

    private static boolean allEmpty(JsonNode container) {
        for (JsonNode v : container.values()) {
            if (!isEmpty(v)) {
                return false;
            }
        }
        return true;
    }

    /** {@code value} when within the limits (|exponent| <= 20, <= 30 significant digits); else {@link Unbounded}. */
    static BigDecimal bounded(BigDecimal value, String element) {
        if (!withinBounds(value)) {
            throw new Unbounded(element);
        }
        return value;
    }

    /** Whether a decimal is one this service reads, judged without expanding it (cheap for any input). */
    static boolean withinBounds(BigDecimal value) {
        if (value == null) {
            return true;
        }
        // the scale bounds the work of every later step (comparison, rounding, printing)
        if (value.scale() > MAX_EXPONENT + MAX_DIGITS || value.scale() < -MAX_EXPONENT) {
            return false;
        }
        if (value.signum() == 0) {
            return true;
        }
        BigDecimal stripped = value.stripTrailingZeros();
        int exponent = stripped.precision() - stripped.scale() - 1;
        return stripped.precision() <= MAX_DIGITS && Math.abs(exponent) <= MAX_EXPONENT;
    }
}
