package org.hypomag.cds.knowledge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

class CardTextsLoaderTest {

    @Test
    void shippedCardTexts_loadWithStaticTopicsAndUnverifiedRxNormLeftOut() {
        CardTexts t = CardTextsLoader.loadDefault();
        assertThat(t.card("alert").topicCode()).isEqualTo("hypomag-alert");
        assertThat(t.cards().values()).extracting(CardTexts.CardType::topicCode).doesNotHaveDuplicates()
                .allMatch(c -> c.matches("[A-Za-z0-9-]{1,100}"));
        assertThat(t.orders().ivMedication().code()).isEqualTo("B05XA05");
        assertThat(t.orders().ivRxNorm()).isNull();
        assertThat(t.overrideReasons().values()).allMatch(r -> r.display() != null && !r.display().isBlank());
    }

    @Test
    void brokenFile_listsEveryProblem() {
        String yaml = """
                version: 1
                sourceLabel: "x {version}"
                topicSystem: urn:x
                overrideReasonSystem: urn:y
                overrideReasons:
                  other: {display: Other}
                fragments:
                  bad: {ref: D1, text: "<b>bold</b>"}
                cards:
                  alert:
                    ref: D2
                    topic: {code: "has space", display: A}
                    summary: s
                    detail: d
                    overrideReasons: [nope]
                orders:
                  ivMedication: {system: urn:atc, code: B05XA05, ref: C1}
                  ivRoute: {system: urn:sct, code: "1", ref: r}
                  oralRoute: {system: urn:sct, code: "2", ref: r}
                  medicationText: {ref: D5, text: t}
                """;
        assertThatThrownBy(() -> CardTextsLoader.load("cards.yaml",
                new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8))))
                .isInstanceOfSatisfying(KnowledgeException.class, e -> assertThat(e.problems()).anyMatch(p ->
                        p.contains("fragments.bad.text contains raw HTML")).anyMatch(p -> p.contains("topic.code"))
                        .anyMatch(p -> p.contains("'nope' is not defined")).anyMatch(p -> p.contains("'summaryShort'"))
                        .anyMatch(p -> p.contains("'ref' missing")));
    }
}
