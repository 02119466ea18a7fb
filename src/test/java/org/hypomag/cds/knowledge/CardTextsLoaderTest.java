package org.hypomag.cds.knowledge;

import static org.assertj.core.api.Assertions.assertThat;


import org.junit.jupiter.api.Test;

class CardTextsLoaderTest {

    @Test
    void shippedCardTexts_loadWithStaticTopicsAndUnverifiedRxNormLeftOut() {
        CardTexts t = KnowledgeLoader.loadDefaultBundle().cards();
        assertThat(t.card("alert").topicCode()).isEqualTo("hypomag-alert");
        assertThat(t.cards().values()).extracting(CardTexts.CardType::topicCode).doesNotHaveDuplicates()
                .allMatch(c -> c.matches("[A-Za-z0-9-]{1,100}"));
        assertThat(t.orders().ivMedication().code()).isEqualTo("B05XA05");
        assertThat(t.orders().ivRxNorm()).isNull();
        assertThat(t.overrideReasons().values()).allMatch(r -> r.display() != null && !r.display().isBlank());
    }
}
