package org.hypomag.cds.knowledge;

import java.util.Map;
import java.util.function.BiFunction;

/** The bound knowledge files, each turned into its part (a clinical record) by its loader's own checks. */
record KnowledgeParts(Map<String, YamlFile> files, Map<String, KnowledgeDoc> docs) {

    /**
     * The part, or null when the file is absent or unbound. When binding or validation already found problems
     * in the file, its checks run on the clean parts only; should they still trip over a missing value, the
     * problems already reported are what counts (the load fails with them).
     */
    <D extends KnowledgeDoc, T> T load(String name, Class<D> type, BiFunction<YamlFile, D, T> loader) {
        KnowledgeDoc doc = docs.get(name);
        if (!type.isInstance(doc)) {
            return null;
        }
        YamlFile f = files.get(name);
        try {
            return loader.apply(f, type.cast(doc));
        } catch (RuntimeException e) {
            if (f.hasProblems()) {
                return null;
            }
            throw e;
        }
    }
}
