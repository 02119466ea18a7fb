package org.hypomag.cds.knowledge;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.function.Function;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import org.hypomag.cds.clinical.DoseTable;
import org.hypomag.cds.clinical.DrugCatalog;
import org.hypomag.cds.clinical.Knowledge;
import org.hypomag.cds.clinical.RuleRegistry;
import org.hypomag.cds.clinical.TextKeys;
import org.hypomag.cds.clinical.Texts;

/**
 * Loads every knowledge file named by manifest.yaml through {@link YamlBinder} (records + Bean Validation),
 * checks each file and across files (text keys, rule ids), and either returns the whole bundle or throws a
 * {@link KnowledgeException} listing ALL problems as file:line:column: path: message.
 */
public final class KnowledgeLoader {

    public static final String DEFAULT_DIR = "knowledge/";
    static final List<String> REQUIRED_FILES = List.of("rules.yaml", "thresholds.yaml", "doses.yaml",
            "drug-catalog.yaml", "conditions.yaml", "monitoring.yaml", "texts.yaml", "lab-codes.yaml", "units.yaml",
            "cards.yaml");

    /** The classpath bundle, read once by whichever thread gets there first; the others wait for it. */
    private static final FutureTask<KnowledgeBundle> DEFAULT_BUNDLE = new FutureTask<>(
            () -> loadBundle(DEFAULT_DIR, name -> KnowledgeLoader.class.getClassLoader().getResourceAsStream(name)));

    private KnowledgeLoader() {
    }

    record Manifest(@NotBlank String id, @NotBlank String version, @NotEmpty List<@NotBlank String> files)
            implements KnowledgeDoc {
    }

    /** The rules' knowledge from the classpath directory knowledge/ (loaded once). */
    public static Knowledge loadDefault() {
        return loadDefaultBundle().knowledge();
    }

    /**
     * Every file from the classpath directory knowledge/ (loaded once; the records are immutable). When
     * {@link #preloadDefaultBundle} is reading it, waits for that read; a failed read throws its
     * {@link KnowledgeException} here, every time.
     */
    public static KnowledgeBundle loadDefaultBundle() {
        DEFAULT_BUNDLE.run(); // returns at once when another thread runs it or it has run
        try {
            return DEFAULT_BUNDLE.get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            if (e.getCause() instanceof Error err) {
                throw err;
            }
            throw new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while the knowledge bundle was read", e);
        }
    }

    /**
     * Starts reading the classpath bundle on a background thread, so the service's start does the reading
     * (YAML binding and Bean Validation of every file: a quarter of the main thread's start-up work, issue 16.5)
     * beside Spring's context start instead of inside it. {@link #loadDefaultBundle} then takes its result.
     */
    public static void preloadDefaultBundle() {
        Thread t = new Thread(DEFAULT_BUNDLE, "knowledge-preload");
        t.setDaemon(true);
        t.start();
    }

    /** The rules' knowledge from {@code dir + file}, opened by {@code open} (null when a file does not exist). */
    public static Knowledge load(String dir, Function<String, InputStream> open) {
        return loadBundle(dir, open).knowledge();
    }

    /** Every file from {@code dir + file}, opened by {@code open} (null when a file does not exist). */
    public static KnowledgeBundle loadBundle(String dir, Function<String, InputStream> open) {
        Problems problems = new Problems();
        YamlFile mf = new YamlFile(dir + "manifest.yaml", problems);
        Manifest manifest = read(mf, open, Manifest.class);
        if (manifest == null || manifest.files() == null) {
            problems.throwIfAny();
            throw new KnowledgeException(List.of(mf.name() + ":1:1: not found"));
        }
        for (String f : REQUIRED_FILES) {
            if (!manifest.files().contains(f)) {
                mf.problem("/files", "required file " + f + " is not listed");
            }
        }
        Map<String, YamlFile> files = new LinkedHashMap<>();
        Map<String, KnowledgeDoc> docs = new LinkedHashMap<>();
        Map<String, String> fileVersions = new LinkedHashMap<>();
        for (int i = 0; i < manifest.files().size(); i++) {
            String name = manifest.files().get(i);
            String at = YamlFile.at("/files", i);
            Class<? extends KnowledgeDoc> type = type(name);
            if (type == null) {
                mf.problem(at, "unknown knowledge file " + name);
                continue;
            }
            YamlFile f = new YamlFile(dir + name, problems);
            try (InputStream in = open.apply(f.name())) {
                if (in == null) {
                    mf.problem(at, name + " not found");
                    continue;
                }
                KnowledgeDoc doc = YamlBinder.read(f, in.readAllBytes(), type);
                if (doc != null && !(doc.id() + ".yaml").equals(name)) {
                    f.problem("/id", "id '" + doc.id() + "' does not match the file name");
                }
                if (doc != null) {
                    files.put(name, f);
                    docs.put(name, doc);
                    fileVersions.put(name, doc.version());
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        KnowledgeBundle bundle = assemble(manifest.version(), files, docs, fileVersions);
        problems.throwIfAny();
        return bundle;
    }

    private static KnowledgeBundle assemble(String version, Map<String, YamlFile> files, Map<String, KnowledgeDoc> docs,
                                            Map<String, String> fileVersions) {
        KnowledgeParts parts = new KnowledgeParts(files, docs);
        TextUses texts = new TextUses();
        RuleRegistry rules = parts.load("rules.yaml", RulesLoader.File.class, RulesLoader::load);
        DoseTable doses = parts.load("doses.yaml", DosesFile.class, (f, d) -> {
            if (rules != null && f.clean("")) {
                DoseTableLoader.rowIds(d).forEach((at, id) -> {
                    if (rules.rule(id).isEmpty()) {
                        f.problem(at, "row " + id + " is not in the rule registry (rules.yaml)");
                    }
                });
            }
            return DoseTableLoader.load(f, d, texts);
        });
        DrugCatalog drugs = parts.load("drug-catalog.yaml", DrugCatalogLoader.File.class,
                (f, d) -> DrugCatalogLoader.load(f, d, texts));
        Texts textsFile = parts.load("texts.yaml", TextsLoader.File.class, (f, d) -> {
            TextKeys.REQUIRED.stream().sorted().filter(k -> !d.texts().containsKey(k))
                    .forEach(k -> f.problem("/texts", "text '" + k + "' is used by the code but not defined"));
            texts.check(d.texts().keySet());
            return TextsLoader.load(d);
        });
        Knowledge knowledge = new Knowledge(version, fileVersions,
                parts.load("thresholds.yaml", ThresholdsLoader.File.class, ThresholdsLoader::load), doses, drugs,
                parts.load("conditions.yaml", ConditionsLoader.File.class, ConditionsLoader::load),
                parts.load("lab-codes.yaml", LabCodesLoader.File.class, LabCodesLoader::load),
                parts.load("monitoring.yaml", MonitoringLoader.File.class, MonitoringLoader::load), textsFile,
                parts.load("units.yaml", UnitsLoader.File.class, UnitsLoader::load), rules);
        return new KnowledgeBundle(knowledge,
                parts.load("cards.yaml", CardTextsLoader.File.class, CardTextsLoader::load));
    }

    private static Class<? extends KnowledgeDoc> type(String file) {
        return switch (file) {
            case "rules.yaml" -> RulesLoader.File.class;
            case "thresholds.yaml" -> ThresholdsLoader.File.class;
            case "doses.yaml" -> DosesFile.class;
            case "drug-catalog.yaml" -> DrugCatalogLoader.File.class;
            case "conditions.yaml" -> ConditionsLoader.File.class;
            case "monitoring.yaml" -> MonitoringLoader.File.class;
            case "texts.yaml" -> TextsLoader.File.class;
            case "lab-codes.yaml" -> LabCodesLoader.File.class;
            case "units.yaml" -> UnitsLoader.File.class;
            case "cards.yaml" -> CardTextsLoader.File.class;
            default -> null;
        };
    }

    private static <T> T read(YamlFile f, Function<String, InputStream> open, Class<T> type) {
        try (InputStream in = open.apply(f.name())) {
            return in == null ? null : YamlBinder.read(f, in.readAllBytes(), type);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
