package org.hypomag.cds.clinical;

import java.util.Map;

/** Card sentences by key (knowledge/texts.yaml), each with its reference. */
public record Texts(String version, Map<String, Entry> entries) {

    public Texts {
        entries = Map.copyOf(entries);
    }

    /** The sentence for a key; a missing key is a programming error (the loader checks keys used). */
    public String text(String key) {
        Entry e = entries.get(key);
        if (e == null) {
            throw new IllegalArgumentException("no text " + key);
        }
        return e.text();
    }

    /**
     * @param generalKnowledge the sentence is not from the source
     * @param choice           the sentence states a service choice, not the source
     */
    public record Entry(String key, String text, String ref, boolean generalKnowledge, boolean choice) {
    }
}
