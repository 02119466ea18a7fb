package org.hypomag.cds.knowledge;

import tools.jackson.core.JsonPointer;

/**
 * One knowledge file being loaded: its name, its position index and the load's problem list. Checks after
 * binding report against a JSON pointer ({@link #at}), so every message carries file:line:column.
 */
final class YamlFile {

    private final String name;
    private final Problems problems;
    private Positions positions;
    private final java.util.List<String> problemPointers = new java.util.ArrayList<>();

    YamlFile(String name, Problems problems) {
        this.name = name;
        this.problems = problems;
    }

    String name() {
        return name;
    }

    void positions(Positions positions) {
        this.positions = positions;
    }

    /** A problem at the node {@code pointer} (or its nearest existing ancestor). */
    void problem(String pointer, String message) {
        int[] at = positions == null ? new int[] {1, 1} : positions.of(pointer);
        problemPointers.add(pointer);
        problems.add(name, at[0], at[1], dotted(pointer), message);
    }

    /** A problem at a position the parser gave. */
    void problemAt(int line, int column, String pointer, String message) {
        problemPointers.add(pointer);
        problems.add(name, Math.max(line, 1), Math.max(column, 1), dotted(pointer), message);
    }

    boolean hasProblems() {
        return !problemPointers.isEmpty();
    }

    /** Whether no problem was reported at {@code pointer} or below it (its checks may then read it). */
    boolean clean(String pointer) {
        return problemPointers.stream().noneMatch(p -> p.equals(pointer) || p.startsWith(pointer + "/"));
    }

    /** The pointer of a child: {@code at("/iv", 2, "grams")} is "/iv/2/grams". */
    static String at(String parent, Object... segments) {
        JsonPointer p = JsonPointer.compile(parent);
        for (Object s : segments) {
            p = s instanceof Integer i ? p.appendIndex(i) : p.appendProperty(String.valueOf(s));
        }
        return p.toString();
    }

    /** "/iv/2/grams" as "iv[2].grams", the way the file reads. */
    static String dotted(String pointer) {
        StringBuilder out = new StringBuilder();
        for (JsonPointer p = JsonPointer.compile(pointer); !p.matches(); p = p.tail()) {
            String seg = p.getMatchingProperty();
            if (p.getMatchingIndex() >= 0) {
                out.append('[').append(seg).append(']');
            } else {
                out.append(out.isEmpty() ? "" : ".").append(seg);
            }
        }
        return out.toString();
    }
}
