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
        if (!problems.isEmpty()) {
            throw new KnowledgeException(problems);
        }
        return new LabCodes(version, analytes, excluded);
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
}
