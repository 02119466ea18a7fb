package org.hypomag.cds.knowledge;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.hypomag.cds.clinical.Analyte;
import org.hypomag.cds.clinical.Code;
import org.hypomag.cds.clinical.LabCodes;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/** Reads knowledge/lab-codes.yaml; every problem is collected and reported together. */
public final class LabCodesLoader {

    public static final String RESOURCE = "knowledge/lab-codes.yaml";

    private LabCodesLoader() {
    }

    public static LabCodes loadDefault() {
        try (InputStream in = LabCodesLoader.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new KnowledgeException(List.of(RESOURCE + ": not found on the classpath"));
            }
            return load(RESOURCE, in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @SuppressWarnings("unchecked")
    public static LabCodes load(String name, InputStream in) {
        Object root = new Yaml(new SafeConstructor(new LoaderOptions())).load(in);
        List<String> problems = new ArrayList<>();
        if (!(root instanceof Map<?, ?> doc)) {
            throw new KnowledgeException(List.of(name + ": not a YAML mapping"));
        }
        String version = String.valueOf(doc.get("version"));
        Map<Analyte, List<Code>> analytes = new EnumMap<>(Analyte.class);
        Object rawAnalytes = doc.get("analytes");
        if (rawAnalytes instanceof Map<?, ?> m) {
            for (Map.Entry<?, ?> e : m.entrySet()) {
                Analyte analyte;
                try {
                    analyte = Analyte.valueOf(String.valueOf(e.getKey()));
                } catch (IllegalArgumentException ex) {
                    problems.add(name + ": analytes." + e.getKey() + ": unknown analyte");
                    continue;
                }
                analytes.put(analyte, codes(name + ": analytes." + analyte, e.getValue(), problems));
            }
        } else {
            problems.add(name + ": 'analytes' missing");
        }
        for (Analyte a : Analyte.values()) {
            if (!analytes.containsKey(a)) {
                problems.add(name + ": analytes." + a + ": missing (write [] if none is sourced)");
            }
        }
        List<Code> excluded = codes(name + ": excluded", doc.get("excluded"), problems);
        Map<Analyte, LabCodes.Plausible> plausible = plausible(name, doc.get("plausible"), problems);
        if (!problems.isEmpty()) {
            throw new KnowledgeException(problems);
        }
        return new LabCodes(version, analytes, excluded, plausible);
    }

    private static List<Code> codes(String where, Object raw, List<String> problems) {
        List<Code> out = new ArrayList<>();
        if (!(raw instanceof List<?> list)) {
            problems.add(where + ": expected a list");
            return out;
        }
        for (int i = 0; i < list.size(); i++) {
            if (!(list.get(i) instanceof Map<?, ?> entry)
                    || entry.get("system") == null || entry.get("code") == null || entry.get("ref") == null) {
                problems.add(where + "[" + i + "]: needs system, code and ref");
                continue;
            }
            out.add(new Code(String.valueOf(entry.get("system")), String.valueOf(entry.get("code")),
                    entry.get("display") == null ? null : String.valueOf(entry.get("display"))));
        }
        return out;
    }

    /** {@code plausible: {ANALYTE: {min: .., max: .., ref: ..}}}: every analyte needs one. */
    private static Map<Analyte, LabCodes.Plausible> plausible(String name, Object raw, List<String> problems) {
        Map<Analyte, LabCodes.Plausible> out = new EnumMap<>(Analyte.class);
        if (!(raw instanceof Map<?, ?> m)) {
            problems.add(name + ": 'plausible' missing (a range per analyte)");
            return out;
        }
        for (Map.Entry<?, ?> e : m.entrySet()) {
            String where = name + ": plausible." + e.getKey();
            Analyte analyte;
            try {
                analyte = Analyte.valueOf(String.valueOf(e.getKey()));
            } catch (IllegalArgumentException ex) {
                problems.add(where + ": unknown analyte");
                continue;
            }
            if (!(e.getValue() instanceof Map<?, ?> range) || range.get("ref") == null) {
                problems.add(where + ": expected {min, max, ref}");
                continue;
            }
            try {
                out.put(analyte, new LabCodes.Plausible(new java.math.BigDecimal(String.valueOf(range.get("min"))),
                        new java.math.BigDecimal(String.valueOf(range.get("max")))));
            } catch (IllegalArgumentException ex) {
                problems.add(where + ": min and max must be numbers, min < max");
            }
        }
        for (Analyte a : Analyte.values()) {
            if (!out.containsKey(a) && problems.stream().noneMatch(p -> p.contains("plausible." + a))) {
                problems.add(name + ": plausible." + a + ": missing");
            }
        }
        return out;
    }
}
