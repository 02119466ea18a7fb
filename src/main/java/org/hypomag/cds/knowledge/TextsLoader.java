package org.hypomag.cds.knowledge;

import java.util.LinkedHashMap;
import java.util.Map;

import org.hypomag.cds.clinical.Texts;

/** knowledge/texts.yaml: every sentence needs its text and its reference. */
final class TextsLoader {

    private TextsLoader() {
    }

    static Texts load(Yml root, String version) {
        Map<String, Texts.Entry> out = new LinkedHashMap<>();
        root.req("texts").entries().forEach((key, y) -> {
            String text = y.reqStr("text");
            String ref = y.reqStr("ref");
            if (text != null && text.isBlank()) {
                y.problem("empty text");
            }
            if (text != null && ref != null) {
                out.put(key, new Texts.Entry(key, text, ref, y.bool("generalKnowledge", false),
                        y.bool("choice", false)));
            }
        });
        return new Texts(version, out);
    }
}
