package org.hypomag.cds.cards;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.hypomag.cds.clinical.IndicatorLevel;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/** The one indicator type is written as the spec's lowercase card indicator (CDS Hooks 2.0.1 §Card Attributes). */
class IndicatorJsonTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static String indicatorOnTheWire(IndicatorLevel level) {
        Card card = new Card("u1", "Mg 1.3 mg/dL", null, level, new Source("Hypomagnesemia CDS", null, null, null),
                List.of(), null, List.of(), List.of());
        return JSON.readTree(JSON.writeValueAsString(card)).get("indicator").asString();
    }

    @Test
    void eachLevel_isWrittenLowercase() {
        assertThat(indicatorOnTheWire(IndicatorLevel.INFO)).isEqualTo("info");
        assertThat(indicatorOnTheWire(IndicatorLevel.WARNING)).isEqualTo("warning");
        assertThat(indicatorOnTheWire(IndicatorLevel.CRITICAL)).isEqualTo("critical");
    }
}
