package org.hypomag.cds.store;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Lists and the suggestion-to-order-fingerprints map as portable VARCHAR text (URL-encoded items). */
final class Codec {

    private Codec() {
    }

    static String list(List<String> items) {
        List<String> out = new ArrayList<>();
        items.forEach(s -> out.add(enc(s)));
        return String.join(",", out);
    }

    static List<String> list(String text) {
        List<String> out = new ArrayList<>();
        if (text != null && !text.isEmpty()) {
            for (String s : text.split(",", -1)) {
                out.add(dec(s));
            }
        }
        return out;
    }

    /** "suggestion=print,print;suggestion=..." in the card's suggestion order. */
    static String orders(Map<String, Set<String>> orders) {
        List<String> out = new ArrayList<>();
        orders.forEach((k, v) -> out.add(enc(k) + "=" + list(List.copyOf(v))));
        return String.join(";", out);
    }

    static Map<String, Set<String>> orders(String text) {
        Map<String, Set<String>> out = new LinkedHashMap<>();
        if (text != null && !text.isEmpty()) {
            for (String part : text.split(";", -1)) {
                int eq = part.indexOf('=');
                out.put(dec(part.substring(0, eq)), new LinkedHashSet<>(list(part.substring(eq + 1))));
            }
        }
        return out;
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private static String dec(String s) {
        return URLDecoder.decode(s, StandardCharsets.UTF_8);
    }
}
