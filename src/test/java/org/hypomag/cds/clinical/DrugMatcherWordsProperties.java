package org.hypomag.cds.clinical;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;

/** The hand-written normaliser gives exactly what the regex it replaced gave, for any text. */
class DrugMatcherWordsProperties {

    @Property(tries = 2000, seed = "7")
    void words_equalsTheRegexNormalisation(@ForAll String text) {
        assertThat(DrugMatcher.words(text))
                .isEqualTo(text.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", " "));
    }

    @Property(tries = 500, seed = "8")
    void words_equalsTheRegexNormalisationOnDrugLikeText(
            @ForAll("drugText") String text) {
        assertThat(DrugMatcher.words(text))
                .isEqualTo(text.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", " "));
    }

    @net.jqwik.api.Provide
    net.jqwik.api.Arbitrary<String> drugText() {
        return net.jqwik.api.Arbitraries.strings().withChars("aZ09 -/()%.,+İıßÉ\t").ofMaxLength(60);
    }
}
