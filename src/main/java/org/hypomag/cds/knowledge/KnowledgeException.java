package org.hypomag.cds.knowledge;

import java.util.List;

/** A knowledge file is broken: the service refuses to start and lists every problem found. */
public class KnowledgeException extends RuntimeException {

    private final List<String> problems;

    public KnowledgeException(List<String> problems) {
        super("Knowledge files are invalid:\n  - " + String.join("\n  - ", problems));
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}
