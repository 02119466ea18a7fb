package org.hypomag.cds.knowledge;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Every problem of a knowledge load, each as "file:line:column: path: message", in file order. */
final class Problems {

    private final List<Problem> all = new ArrayList<>();

    void add(String file, int line, int column, String path, String message) {
        all.add(new Problem(file, line, column, path, message));
    }

    boolean isEmpty() {
        return all.isEmpty();
    }

    /** Sorted by file (in the order first seen), line and column; messages of one position keep their order. */
    List<String> texts() {
        List<String> files = all.stream().map(Problem::file).distinct().toList();
        return all.stream().sorted(Comparator.comparingInt((Problem p) -> files.indexOf(p.file()))
                        .thenComparingInt(Problem::line).thenComparingInt(Problem::column))
                .map(Problem::toString).distinct().toList();
    }

    void throwIfAny() {
        if (!all.isEmpty()) {
            throw new KnowledgeException(texts());
        }
    }

    record Problem(String file, int line, int column, String path, String message) {
        @Override
        public String toString() {
            return file + ":" + line + ":" + column + ": " + (path.isEmpty() ? "" : path + ": ") + message;
        }
    }
}
