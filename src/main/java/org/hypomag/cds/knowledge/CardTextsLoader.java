package org.hypomag.cds.knowledge;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * Reads knowledge/cards.yaml. Every problem is collected and reported together: missing texts or refs, raw
 * HTML in a template, a topic code Epic would refuse, an override reason that is not defined.
 */
public final class CardTextsLoader {

    public static final String RESOURCE = "knowledge/cards.yaml";
    private static final Pattern HTML = Pattern.compile("<\\s*[a-zA-Z/!?]");
    private static final Pattern TOPIC = Pattern.compile("[A-Za-z0-9-]{1,100}");

    private CardTextsLoader() {
    }

    public static CardTexts loadDefault() {
        try (InputStream in = CardTextsLoader.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new KnowledgeException(List.of(RESOURCE + ": not found on the classpath"));
            }
            return load(RESOURCE, in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static CardTexts load(String name, InputStream in) {
        Object root = new Yaml(new SafeConstructor(new LoaderOptions())).load(in);
        if (!(root instanceof Map<?, ?> doc)) {
            throw new KnowledgeException(List.of(name + ": not a YAML mapping"));
        }
        Reader r = new Reader(name);
        String version = r.text(doc, "version");
        String label = r.text(doc, "sourceLabel");
        String topicSystem = r.text(doc, "topicSystem");
        String reasonSystem = r.text(doc, "overrideReasonSystem");
        Map<String, CardTexts.Coded> reasons = new LinkedHashMap<>();
        r.map(doc, "overrideReasons").forEach((k, v) -> reasons.put(k,
                new CardTexts.Coded(reasonSystem, k, r.text(v, "display"), r.text(v, "ref"))));
        Map<String, String> fragments = new LinkedHashMap<>();
        r.map(doc, "fragments").forEach((k, v) -> {
            r.text(v, "ref");
            fragments.put(k, r.template(v, "text", "fragments." + k));
        });
        Map<String, CardTexts.CardType> cards = new LinkedHashMap<>();
        r.map(doc, "cards").forEach((k, v) -> cards.put(k, card(r, k, v, reasons)));
        Map<?, ?> orders = r.mapping(doc.get("orders"), "orders");
        CardTexts.OrderCodings codings = new CardTexts.OrderCodings(r.coded(orders, "ivMedication", true),
                r.coded(orders, "ivRxNorm", false), r.coded(orders, "ivRoute", true),
                r.coded(orders, "oralRoute", true),
                r.template(r.mapping(orders.get("medicationText"), "orders.medicationText"), "text",
                        "orders.medicationText"));
        if (!r.problems.isEmpty()) {
            throw new KnowledgeException(r.problems);
        }
        return new CardTexts(version, label, topicSystem, cards, fragments, reasons, codings);
    }

    private static CardTexts.CardType card(Reader r, String key, Map<?, ?> v, Map<String, CardTexts.Coded> reasons) {
        String where = "cards." + key;
        Map<?, ?> topic = r.mapping(v.get("topic"), where + ".topic");
        String code = r.text(topic, "code");
        if (code != null && !TOPIC.matcher(code).matches()) {
            r.problems.add(r.name + ": " + where + ".topic.code must be 1-100 letters, digits or '-' (Epic)");
        }
        List<String> reasonCodes = new ArrayList<>();
        if (v.get("overrideReasons") instanceof List<?> list) {
            for (Object o : list) {
                if (!reasons.containsKey(String.valueOf(o))) {
                    r.problems.add(r.name + ": " + where + ".overrideReasons: '" + o + "' is not defined");
                }
                reasonCodes.add(String.valueOf(o));
            }
        }
        return new CardTexts.CardType(key, code, r.text(topic, "display"), r.template(v, "summary", where),
                r.template(v, "summaryShort", where), r.template(v, "detail", where),
                v.get("url") == null ? null : String.valueOf(v.get("url")), reasonCodes, r.text(v, "ref"));
    }

    /** Collects problems while reading one file. */
    private static final class Reader {
        final String name;
        final List<String> problems = new ArrayList<>();

        Reader(String name) {
            this.name = name;
        }

        String text(Object node, String key) {
            Object value = node instanceof Map<?, ?> m ? m.get(key) : null;
            if (value == null || String.valueOf(value).isBlank()) {
                problems.add(name + ": '" + key + "' missing in " + node);
                return null;
            }
            return String.valueOf(value);
        }

        String template(Object node, String key, String where) {
            String t = text(node, key);
            if (t != null && HTML.matcher(t).find()) {
                problems.add(name + ": " + where + "." + key + " contains raw HTML");
            }
            return t;
        }

        Map<?, ?> mapping(Object node, String where) {
            if (node instanceof Map<?, ?> m) {
                return m;
            }
            problems.add(name + ": " + where + ": expected a mapping");
            return Map.of();
        }

        Map<String, Map<?, ?>> map(Map<?, ?> doc, String key) {
            Map<String, Map<?, ?>> out = new LinkedHashMap<>();
            mapping(doc.get(key), key).forEach((k, v) -> out.put(String.valueOf(k), mapping(v, key + "." + k)));
            return out;
        }

        CardTexts.Coded coded(Map<?, ?> parent, String key, boolean required) {
            Object node = parent.get(key);
            if (node == null && !required) {
                return null;
            }
            Map<?, ?> m = mapping(node, "orders." + key);
            return new CardTexts.Coded(text(m, "system"), text(m, "code"),
                    m.get("display") == null ? null : String.valueOf(m.get("display")), text(m, "ref"));
        }
    }
}
