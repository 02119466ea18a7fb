package org.hypomag.cds.knowledge;

import java.io.InputStream;
import java.io.InputStreamReader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * A YAML node with its file and line, reading values and recording every problem as "file:line: message"
 * instead of failing on the first one. A missing node reads as absent and reports against its parent's line.
 */
final class Yml {

    private final String file;
    private final Node node;
    private final int fallbackLine;
    private final String path;
    private final List<String> problems;

    private Yml(String file, Node node, int fallbackLine, String path, List<String> problems) {
        this.file = file;
        this.node = node;
        this.fallbackLine = fallbackLine;
        this.path = path;
        this.problems = problems;
    }

    static Yml parse(String file, InputStream in, List<String> problems) {
        try {
            Node root = new Yaml(new SafeConstructor(new LoaderOptions()))
                    .compose(new InputStreamReader(in, StandardCharsets.UTF_8));
            if (!(root instanceof MappingNode)) {
                problems.add(file + ":1: not a YAML mapping");
            }
            return new Yml(file, root, 1, "", problems);
        } catch (MarkedYAMLException e) {
            int line = e.getProblemMark() == null ? 1 : e.getProblemMark().getLine() + 1;
            problems.add(file + ":" + line + ": YAML syntax: " + e.getProblem());
        } catch (YAMLException e) {
            problems.add(file + ":1: YAML: " + e.getMessage());
        }
        return new Yml(file, null, 1, "", problems);
    }

    String file() {
        return file;
    }

    int line() {
        return node == null ? fallbackLine : node.getStartMark().getLine() + 1;
    }

    boolean present() {
        return node != null && !(node instanceof ScalarNode s && Tag.NULL.equals(s.getTag()));
    }

    void problem(String message) {
        problems.add(file + ":" + line() + ": " + (path.isEmpty() ? "" : path + ": ") + message);
    }

    /** The child, absent when missing. */
    Yml get(String key) {
        if (node instanceof MappingNode m) {
            for (NodeTuple t : m.getValue()) {
                if (t.getKeyNode() instanceof ScalarNode k && k.getValue().equals(key)) {
                    return new Yml(file, t.getValueNode(), line(), join(key), problems);
                }
            }
        }
        return new Yml(file, null, line(), join(key), problems);
    }

    /** The child; a problem when missing. */
    Yml req(String key) {
        Yml child = get(key);
        if (!child.present()) {
            problem("'" + key + "' is required");
        }
        return child;
    }

    String str() {
        if (node instanceof ScalarNode s && present()) {
            return s.getValue();
        }
        if (present()) {
            problem("expected a text value");
        }
        return null;
    }

    String reqStr(String key) {
        Yml c = req(key);
        return c.present() ? c.str() : null;
    }

    String optStr(String key) {
        Yml c = get(key);
        return c.present() ? c.str() : null;
    }

    BigDecimal dec() {
        String s = str();
        if (s == null) {
            return null;
        }
        try {
            return new BigDecimal(s.trim());
        } catch (NumberFormatException e) {
            problem("'" + s + "' is not a number");
            return null;
        }
    }

    BigDecimal reqDec(String key) {
        Yml c = req(key);
        return c.present() ? c.dec() : null;
    }

    Integer reqInt(String key) {
        BigDecimal d = reqDec(key);
        if (d == null) {
            return null;
        }
        try {
            return d.intValueExact();
        } catch (ArithmeticException e) {
            get(key).problem("expected a whole number");
            return null;
        }
    }

    boolean bool(String key, boolean dflt) {
        Yml c = get(key);
        if (!c.present()) {
            return dflt;
        }
        String s = c.str();
        if ("true".equals(s)) {
            return true;
        }
        if ("false".equals(s)) {
            return false;
        }
        c.problem("expected true or false");
        return dflt;
    }

    List<Yml> list() {
        List<Yml> out = new ArrayList<>();
        if (node instanceof SequenceNode seq) {
            for (int i = 0; i < seq.getValue().size(); i++) {
                out.add(new Yml(file, seq.getValue().get(i), line(), path + "[" + i + "]", problems));
            }
        } else if (present()) {
            problem("expected a list");
        }
        return out;
    }

    List<Yml> reqList(String key) {
        Yml c = req(key);
        return c.present() ? c.list() : List.of();
    }

    List<String> strings(String key) {
        List<String> out = new ArrayList<>();
        for (Yml y : get(key).list()) {
            String s = y.str();
            if (s != null) {
                out.add(s);
            }
        }
        return out;
    }

    /** The entries of a mapping, in file order. */
    Map<String, Yml> entries() {
        Map<String, Yml> out = new LinkedHashMap<>();
        if (node instanceof MappingNode m) {
            for (NodeTuple t : m.getValue()) {
                if (t.getKeyNode() instanceof ScalarNode k) {
                    out.put(k.getValue(), new Yml(file, t.getValueNode(), line(), join(k.getValue()), problems));
                }
            }
        } else if (present()) {
            problem("expected a mapping");
        }
        return out;
    }

    private String join(String key) {
        return path.isEmpty() ? key : path + "." + key;
    }
}
