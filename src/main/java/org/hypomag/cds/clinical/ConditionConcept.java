package org.hypomag.cds.clinical;

import java.util.List;

/** A condition the rules look for (emergency list D4, dialysis D6), by code and by text. */
public record ConditionConcept(String id, String label, List<Code> codes, List<String> terms,
                               List<String> excludeTerms) {

    public ConditionConcept {
        codes = List.copyOf(codes);
        terms = List.copyOf(terms);
        excludeTerms = List.copyOf(excludeTerms);
    }
}
