package org.hypomag.cds.knowledge;

import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import org.hypomag.cds.clinical.Texts;

/** knowledge/texts.yaml: every sentence needs its text and its reference. */
final class TextsLoader {

    private TextsLoader() {
    }

    record File(@NotBlank String id, @NotBlank String version, @NotEmpty Map<String, @NotNull @Valid Entry> texts)
            implements KnowledgeDoc {
    }

    record Entry(@NotBlank String text, @NotBlank String ref, boolean generalKnowledge, boolean choice) {
    }

    static Texts load(File doc) {
        Map<String, Texts.Entry> out = new LinkedHashMap<>();
        doc.texts().forEach((key, e) -> out.put(key, new Texts.Entry(key, e.text(), e.ref(), e.generalKnowledge(),
                e.choice())));
        return new Texts(doc.version(), out);
    }
}
