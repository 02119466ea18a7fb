package org.hypomag.cds.knowledge;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

import org.hypomag.cds.clinical.ConditionCatalog;
import org.hypomag.cds.clinical.DoseTable;
import org.hypomag.cds.clinical.DrugCatalog;
import org.hypomag.cds.clinical.Knowledge;
import org.hypomag.cds.clinical.LabCodes;
import org.hypomag.cds.clinical.Orderables;
import org.hypomag.cds.clinical.TextKeys;
import org.hypomag.cds.clinical.Texts;
import org.hypomag.cds.clinical.Thresholds;

/**
 * Loads every knowledge file named by manifest.yaml, validates each and across files (every text key used
 * exists), and either returns the whole {@link Knowledge} or throws a {@link KnowledgeException} listing ALL
 * problems as file:line: message.
 */
public final class KnowledgeLoader {

    public static final String DEFAULT_DIR = "knowledge/";
    static final Set<String> REQUIRED_FILES = Set.of("thresholds.yaml", "doses.yaml", "drug-catalog.yaml",
            "conditions.yaml", "monitoring.yaml", "texts.yaml", "lab-codes.yaml");

    private KnowledgeLoader() {
    }

    /** From the classpath directory knowledge/. */
    public static Knowledge loadDefault() {
        return load(DEFAULT_DIR, name -> KnowledgeLoader.class.getClassLoader().getResourceAsStream(name));
    }

    /** From {@code dir + file}, opened by {@code open} (null when a file does not exist). */
    public static Knowledge load(String dir, Function<String, InputStream> open) {
        List<String> problems = new ArrayList<>();
        Map<String, byte[]> raw = new HashMap<>();
        Yml manifest = parse(dir, "manifest.yaml", open, raw, problems);
        String version = manifest.reqStr("version");
        List<String> files = manifest.strings("files");
        for (String f : REQUIRED_FILES) {
            if (!files.contains(f)) {
                manifest.get("files").problem("required file " + f + " is not listed");
            }
        }
        Map<String, String> fileVersions = new LinkedHashMap<>();
        Map<String, Yml> docs = new HashMap<>();
        for (String f : files) {
            if (!REQUIRED_FILES.contains(f)) {
                manifest.get("files").problem("unknown knowledge file " + f);
                continue;
            }
            Yml doc = parse(dir, f, open, raw, problems);
            String id = doc.reqStr("id");
            String v = doc.reqStr("version");
            if (id != null && !(id + ".yaml").equals(f)) {
                doc.get("id").problem("id '" + id + "' does not match the file name");
            }
            fileVersions.put(f, v);
            docs.put(f, doc);
        }
        Set<String> textKeysUsed = new TreeSet<>(TextKeys.REQUIRED);
        Thresholds thresholds = docs.containsKey("thresholds.yaml")
                ? ThresholdsLoader.load(docs.get("thresholds.yaml")) : null;
        DoseTable doses = docs.containsKey("doses.yaml")
                ? DoseTableLoader.load(docs.get("doses.yaml"), textKeysUsed) : null;
        DrugCatalog drugs = docs.containsKey("drug-catalog.yaml")
                ? DrugCatalogLoader.load(docs.get("drug-catalog.yaml"), fileVersions.get("drug-catalog.yaml"),
                textKeysUsed) : null;
        ConditionCatalog conditions = docs.containsKey("conditions.yaml")
                ? ConditionsLoader.load(docs.get("conditions.yaml"), fileVersions.get("conditions.yaml")) : null;
        Orderables orderables = docs.containsKey("monitoring.yaml")
                ? MonitoringLoader.load(docs.get("monitoring.yaml")) : null;
        Texts texts = docs.containsKey("texts.yaml")
                ? TextsLoader.load(docs.get("texts.yaml"), fileVersions.get("texts.yaml")) : null;
        LabCodes labCodes = labCodes(dir, raw, problems);
        if (texts != null) {
            for (String key : textKeysUsed) {
                if (!texts.entries().containsKey(key)) {
                    problems.add(dir + "texts.yaml: text '" + key + "' is used but not defined");
                }
            }
        }
        if (!problems.isEmpty()) {
            throw new KnowledgeException(problems);
        }
        return new Knowledge(version, fileVersions, thresholds, doses, drugs, conditions, labCodes, orderables,
                texts);
    }

    private static Yml parse(String dir, String file, Function<String, InputStream> open, Map<String, byte[]> raw,
                             List<String> problems) {
        String name = dir + file;
        try (InputStream in = open.apply(name)) {
            if (in == null) {
                problems.add(name + ": not found");
                return Yml.parse(name, new ByteArrayInputStream("{}".getBytes()), new ArrayList<>());
            }
            byte[] bytes = in.readAllBytes();
            raw.put(file, bytes);
            return Yml.parse(name, new ByteArrayInputStream(bytes), problems);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static LabCodes labCodes(String dir, Map<String, byte[]> raw, List<String> problems) {
        byte[] bytes = raw.get("lab-codes.yaml");
        if (bytes == null) {
            return null;
        }
        try {
            return LabCodesLoader.load(dir + "lab-codes.yaml", new ByteArrayInputStream(bytes));
        } catch (KnowledgeException e) {
            problems.addAll(e.problems());
            return null;
        } catch (RuntimeException e) {
            problems.add(dir + "lab-codes.yaml: " + e.getMessage());
            return null;
        }
    }
}
