package org.hypomag.cds.cards;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.hypomag.cds.clinical.IndicatorLevel;
import org.junit.jupiter.api.Test;

class TrendLinksTest {

    private final TrendLinks links = new TrendLinks(
            org.hypomag.cds.knowledge.KnowledgeLoader.loadDefaultBundle().cards().fragment("trend-link-label"));

    private static Card card(String topic) {
        return new Card("u-" + topic, "summary", null, IndicatorLevel.WARNING,
                new Source("label", null, null, new Coding("urn:x", topic, "t")), List.of(), null, List.of(), List.of());
    }

    @Test
    void alertDrugCauseAndOrderCards_getOneSmartLink_othersNot() {
        List<Card> out = links.withTrendLink(List.of(card("hypomag-alert"), card("hypomag-drug-cause"),
                card("hypomag-order-mg-check"), card("hypomag-monitoring"), card("hypomag-could-not-check")),
                "https://cds.example.org/smart/launch.html");
        assertThat(out).extracting(c -> c.links().size()).containsExactly(1, 1, 1, 0, 0);
        assertThat(out.get(0).links().get(0)).isEqualTo(new Link("Magnesium trend",
                "https://cds.example.org/smart/launch.html", "smart", null, null));
        assertThat(out.get(0).uuid()).isEqualTo("u-hypomag-alert");
    }

    @Test
    void noUrl_noLink() {
        List<Card> in = List.of(card("hypomag-alert"));
        assertThat(links.withTrendLink(in, null)).isSameAs(in);
    }
}
