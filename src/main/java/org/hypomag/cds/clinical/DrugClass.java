package org.hypomag.cds.clinical;

import java.util.List;

/**
 * A drug class of the catalog (knowledge/drug-catalog.yaml).
 *
 * @param id               "ppi", "loop-diuretic" ...
 * @param label            display
 * @param role             CAUSE / RAISER / MG_SOURCE
 * @param generalKnowledge true when the source does not name the class (D9)
 * @param effectKey        texts.yaml key: what it does
 * @param frequencyKey     texts.yaml key: how often (null when the source gives no figure)
 * @param adviceKey        texts.yaml key: what the source suggests (null when none)
 * @param ingredients      member ingredients with their codes and text terms
 * @param atc              ATC codes (WHO), matched exactly
 * @param ref              section of hypomagnesemia.md / terminology.md
 */
public record DrugClass(String id, String label, DrugRole role, boolean generalKnowledge, String effectKey,
                        String frequencyKey, String adviceKey, List<Ingredient> ingredients, List<Code> atc,
                        String ref) {

    public DrugClass {
        ingredients = List.copyOf(ingredients);
        atc = List.copyOf(atc);
    }

    /** One ingredient: its codes (RxNorm IN, SNOMED substance ...) and lower-case text terms. */
    public record Ingredient(String name, List<Code> codes, List<String> terms) {
        public Ingredient {
            codes = List.copyOf(codes);
            terms = List.copyOf(terms);
        }
    }
}
