package org.hypomag.cds.clinical;

import java.time.Duration;
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
 * @param gapKey           texts.yaml key: the class's own monitoring-gap advice (D10, D22), null when the
 *                         source gives none for this class
 * @param url              the class's own source page (terminology.md §D), null when there is none
 * @param administrationCountsFor how long one administration (MedicationAdministration) counts as exposure
 *                         after it ends; null: the catalog's default (D22, §4.2, a choice)
 */
public record DrugClass(String id, String label, DrugRole role, boolean generalKnowledge, String effectKey,
                        String frequencyKey, String adviceKey, List<Ingredient> ingredients, List<Code> atc,
                        String ref, String gapKey, String url, Duration administrationCountsFor) {

    public DrugClass {
        ingredients = List.copyOf(ingredients);
        atc = List.copyOf(atc);
    }

    public DrugClass(String id, String label, DrugRole role, boolean generalKnowledge, String effectKey,
                     String frequencyKey, String adviceKey, List<Ingredient> ingredients, List<Code> atc,
                     String ref) {
        this(id, label, role, generalKnowledge, effectKey, frequencyKey, adviceKey, ingredients, atc, ref, null,
                null, null);
    }

    /** One ingredient: its codes (RxNorm IN, SNOMED substance ...) and lower-case text terms. */
    public record Ingredient(String name, List<Code> codes, List<String> terms) {
        public Ingredient {
            codes = List.copyOf(codes);
            terms = List.copyOf(terms);
        }
    }
}
