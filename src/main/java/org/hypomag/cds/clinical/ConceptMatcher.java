package org.hypomag.cds.clinical;

import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Matches a condition to a concept of the condition catalog (D4, D6, D20, issue 19 item 9) by code, else by
 * text. Issue 16: each concept's codes are a set of (system, code) and its terms are normalised once per catalog
 * (they were normalised again for every condition and concept), and a condition's text is normalised once by the
 * caller ({@link #text}) for all the concepts it is held against. Same results as comparing each code and
 * calling {@link DrugMatcher#containsWord} per term.
 */
final class ConceptMatcher {

    /** The matcher of the last catalog asked for (the service has one catalog). */
    private static volatile ConceptMatcher last;

    /** A concept's codes and its terms as " words " (null for a term without words: it never matches). */
    private record Compiled(Set<CodeKey> codes, String[] terms, String[] excludeTerms) {

        static Compiled of(ConditionConcept concept) {
            Set<CodeKey> codes = new HashSet<>();
            concept.codes().forEach(c -> codes.add(CodeKey.of(c)));
            return new Compiled(codes, words(concept.terms()), words(concept.excludeTerms()));
        }

        private static String[] words(List<String> terms) {
            return terms.stream().map(t -> DrugMatcher.words(t).trim())
                    .map(t -> t.isEmpty() ? null : " " + t + " ").toArray(String[]::new);
        }
    }

    private final ConditionCatalog catalog;
    private final Map<ConditionConcept, Compiled> compiled = new IdentityHashMap<>();

    private ConceptMatcher(ConditionCatalog catalog) {
        this.catalog = catalog;
        for (List<ConditionConcept> list : List.of(catalog.emergency(), catalog.dialysis(), catalog.chronic(),
                catalog.mgIndications())) {
            list.forEach(concept -> compiled.put(concept, Compiled.of(concept)));
        }
    }

    static ConceptMatcher of(ConditionCatalog catalog) {
        ConceptMatcher m = last;
        if (m == null || m.catalog != catalog) {
            m = new ConceptMatcher(catalog);
            last = m;
        }
        return m;
    }

    /** A condition's text and its codings' displays, normalised ({@link DrugMatcher#normalise}). */
    static String text(ConditionEntry c) {
        StringBuilder text = new StringBuilder(c.text());
        c.codes().forEach(code -> text.append(' ').append(code.display() == null ? "" : code.display()));
        return DrugMatcher.normalise(text.toString());
    }

    /**
     * The finding when the condition has one of the concept's codes (its first such coding), else when its text
     * holds one of the terms and none of the exclude terms as whole words; {@code text} is {@link #text}(c).
     */
    Optional<EmergencyFinding> match(ConditionEntry c, String text, ConditionConcept concept) {
        Compiled x = compiled.get(concept);
        if (x == null) { // a concept of another catalog (not met in the service): compiled for this call
            x = Compiled.of(concept);
        }
        for (Code code : c.codes()) {
            if (x.codes().contains(CodeKey.of(code))) {
                return Optional.of(new EmergencyFinding(RuleId.D4.id(), concept.id(), concept.label(), code, null,
                        c.source(), c.onsetKnown()));
            }
        }
        if (!containsAny(text, x.excludeTerms()) && containsAny(text, x.terms())) {
            return Optional.of(new EmergencyFinding(RuleId.D4.id(), concept.id(), concept.label(), null, c.text(),
                    c.source(), c.onsetKnown()));
        }
        return Optional.empty();
    }

    private static boolean containsAny(String text, String[] terms) {
        for (String t : terms) {
            if (t != null && text.contains(t)) {
                return true;
            }
        }
        return false;
    }
}
