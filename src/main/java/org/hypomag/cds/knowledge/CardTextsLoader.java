package org.hypomag.cds.knowledge;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

/**
 * knowledge/cards.yaml: card wording and order codings. Beyond the record constraints: no raw HTML in a template,
 * a topic code Epic accepts, override reasons that are defined.
 */
final class CardTextsLoader {

    private static final String NO_HTML = "(?s)(?!.*<\\s*[a-zA-Z/!?]).*";
    private static final String HTML_MESSAGE = "contains raw HTML";

    private CardTextsLoader() {
    }

    record File(@NotBlank String id, @NotBlank String version, String ref, @NotBlank String sourceLabel,
                @NotBlank String topicSystem, @NotBlank String overrideReasonSystem, @NotNull @Valid Orders orders,
                @NotEmpty Map<String, @NotNull @Valid Reason> overrideReasons,
                @NotEmpty Map<String, @NotNull @Valid CardType> cards,
                @NotEmpty Map<String, @NotNull @Valid Template> fragments) implements KnowledgeDoc {
    }

    record Orders(@NotNull @Valid Coded ivMedication, @Valid Coded ivRxNorm, @NotNull @Valid Coded ivRoute,
                  @NotNull @Valid Coded oralRoute, @NotNull @Valid Template medicationText) {
    }

    record Coded(@NotBlank String system, @NotBlank String code, String display, @NotBlank String ref) {
        CardTexts.Coded toCoded() {
            return new CardTexts.Coded(system, code, display, ref);
        }
    }

    record Reason(@NotBlank String display, @NotBlank String ref) {
    }

    record Template(@NotBlank String ref, @NotBlank @Pattern(regexp = NO_HTML, message = HTML_MESSAGE) String text) {
    }

    record CardType(@NotBlank String ref, @NotNull @Valid Topic topic,
                    @NotBlank @Pattern(regexp = NO_HTML, message = HTML_MESSAGE) String summary,
                    @NotBlank @Pattern(regexp = NO_HTML, message = HTML_MESSAGE) String summaryShort,
                    @NotBlank @Pattern(regexp = NO_HTML, message = HTML_MESSAGE) String detail, String url,
                    List<String> overrideReasons) {
    }

    record Topic(@NotBlank @Pattern(regexp = "[A-Za-z0-9-]{1,100}",
            message = "must be 1-100 letters, digits or '-' (Epic)") String code, @NotBlank String display) {
    }

    static CardTexts load(YamlFile f, File doc) {
        Map<String, CardTexts.Coded> reasons = new LinkedHashMap<>();
        doc.overrideReasons().forEach((k, r) -> reasons.put(k,
                new CardTexts.Coded(doc.overrideReasonSystem(), k, r.display(), r.ref())));
        Map<String, String> fragments = new LinkedHashMap<>();
        doc.fragments().forEach((k, t) -> fragments.put(k, t.text()));
        Map<String, CardTexts.CardType> cards = new LinkedHashMap<>();
        doc.cards().forEach((k, c) -> {
            if (!f.clean(YamlFile.at("/cards", k))) {
                return;
            }
            List<String> codes = c.overrideReasons() == null ? List.of() : new ArrayList<>(c.overrideReasons());
            for (int i = 0; i < codes.size(); i++) {
                if (!reasons.containsKey(codes.get(i))) {
                    f.problem(YamlFile.at("/cards", k, "overrideReasons", i), "'" + codes.get(i) + "' is not defined");
                }
            }
            cards.put(k, new CardTexts.CardType(k, c.topic().code(), c.topic().display(), c.summary(),
                    c.summaryShort(), c.detail(), c.url(), codes, c.ref()));
        });
        Orders o = doc.orders();
        return new CardTexts(doc.version(), doc.sourceLabel(), doc.topicSystem(), cards, fragments, reasons,
                new CardTexts.OrderCodings(o.ivMedication().toCoded(),
                        o.ivRxNorm() == null ? null : o.ivRxNorm().toCoded(), o.ivRoute().toCoded(),
                        o.oralRoute().toCoded(), o.medicationText().text()));
    }
}
