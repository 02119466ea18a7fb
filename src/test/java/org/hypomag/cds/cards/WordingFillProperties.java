package org.hypomag.cds.cards;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * {@link Wording#fill} scans templates by hand: it fills exactly what the regex {@code \{([A-Za-z0-9]+)}} with
 * appendReplacement filled (the code before issue 16, kept here as the reference), and fails the same way on a
 * placeholder without a value.
 */
class WordingFillProperties {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([A-Za-z0-9]+)}");
    private static final Map<String, String> VALUES = Map.of("a", "A$1\\{b}", "b", "", "Z9", "{a}", "long1", "x");

    static String regexFill(String template, Map<String, String> values) {
        Matcher m = PLACEHOLDER.matcher(template);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String value = values.get(m.group(1));
            if (value == null) {
                throw new IllegalStateException("no value for {" + m.group(1) + "} in: " + template);
            }
            m.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        m.appendTail(out);
        return out.toString();
    }

    @Property(tries = 3000)
    void fill_isTheRegexFill(@ForAll("templates") String template) {
        String expected;
        try {
            expected = regexFill(template, VALUES);
        } catch (IllegalStateException e) {
            assertThatThrownBy(() -> Wording.fill(template, VALUES)).isInstanceOf(IllegalStateException.class)
                    .hasMessage(e.getMessage());
            return;
        }
        assertThat(Wording.fill(template, VALUES)).isEqualTo(expected);
    }

    @Example
    void everyKnowledgeFragment_isFilledAsBefore() {
        Map<String, String> any = new java.util.HashMap<>();
        for (String t : Fixtures.CARDS.fragments().values()) {
            Matcher m = PLACEHOLDER.matcher(t);
            while (m.find()) {
                any.put(m.group(1), "<" + m.group(1) + " $\\>");
            }
        }
        Fixtures.CARDS.cards().values().forEach(c -> {
            for (String t : new String[] {c.summary(), c.summaryShort(), c.detail()}) {
                Matcher m = PLACEHOLDER.matcher(t == null ? "" : t);
                while (m.find()) {
                    any.put(m.group(1), "<" + m.group(1) + " $\\>");
                }
            }
        });
        assertThat(any).isNotEmpty();
        Fixtures.CARDS.fragments().values().forEach(t -> assertThat(Wording.fill(t, any)).isEqualTo(regexFill(t, any)));
        Fixtures.CARDS.cards().values().forEach(c -> {
            assertThat(Wording.fill(c.summary(), any)).isEqualTo(regexFill(c.summary(), any));
            assertThat(Wording.fill(c.detail(), any)).isEqualTo(regexFill(c.detail(), any));
        });
    }

    @Provide
    Arbitrary<String> templates() {
        return Arbitraries.oneOf(Arbitraries.strings().withChars("{}aZ9b$\\ -é").ofMaxLength(24),
                Arbitraries.strings().withChars("{}a").ofMaxLength(10),
                Arbitraries.of("{a}", "{{a}}", "{a{b}}", "x{Z9}y{b}", "{}", "{long1}{a}", "{a", "a}", "{missing}"));
    }
}
