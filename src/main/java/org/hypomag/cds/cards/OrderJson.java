package org.hypomag.cds.cards;

import java.math.BigDecimal;

/**
 * A minimal compact JSON writer for the suggested FHIR resources ({@link SuggestedOrders}), writing exactly what
 * HAPI's JSON parser writes for them (SuggestedOrdersEncodingTest compares the two byte for byte): no
 * whitespace, a string that is null or blank is left out with its name (HAPI drops empty primitives), decimals
 * as {@link BigDecimal#toString()}, and strings escaped as Jackson does by default (quote, backslash, the
 * short escapes \b \t \n \f \r, other control characters as backslash-u with upper-case hex; everything else,
 * non-ASCII included, as is). The caller writes the names in FHIR's element order, as HAPI does.
 */
final class OrderJson {

    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    private final StringBuilder out = new StringBuilder(1024);
    private boolean comma;

    /** Opens an object, named unless inside an array (name null). */
    OrderJson object(String name) {
        name(name);
        out.append('{');
        comma = false;
        return this;
    }

    OrderJson end() {
        out.append('}');
        comma = true;
        return this;
    }

    OrderJson array(String name) {
        name(name);
        out.append('[');
        comma = false;
        return this;
    }

    OrderJson endArray() {
        out.append(']');
        comma = true;
        return this;
    }

    OrderJson string(String name, String value) {
        if (value == null || value.isBlank()) {
            return this;
        }
        name(name);
        quote(value);
        comma = true;
        return this;
    }

    OrderJson number(String name, BigDecimal value) {
        name(name);
        out.append(value.toString());
        comma = true;
        return this;
    }

    OrderJson number(String name, long value) {
        name(name);
        out.append(value);
        comma = true;
        return this;
    }

    @Override
    public String toString() {
        return out.toString();
    }

    private void name(String name) {
        if (comma) {
            out.append(',');
        }
        if (name != null) {
            out.append('"').append(name).append("\":");
        }
    }

    private void quote(String s) {
        out.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\b' -> out.append("\\b");
                case '\t' -> out.append("\\t");
                case '\n' -> out.append("\\n");
                case '\f' -> out.append("\\f");
                case '\r' -> out.append("\\r");
                default -> {
                    if (c < 0x20) {
                        out.append("\\u00").append(HEX[c >> 4]).append(HEX[c & 0xF]);
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }
}
