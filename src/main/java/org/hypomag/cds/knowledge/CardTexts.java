package org.hypomag.cds.knowledge;

import java.util.List;
import java.util.Map;

/**
 * Card wording and order coding for the cards (knowledge/cards.yaml): per card type a static topic, summary
 * templates, a detail template; reusable detail fragments; override reasons; the codings of suggested orders.
 * Templates use {@code {name}} placeholders; every entry names the section of shared/clinical it renders.
 *
 * @param version        file version
 * @param sourceLabel    card source label template ({version} = the knowledge version)
 * @param topicSystem    code system of the static per-card-type topic codes
 * @param cards          card types by key ("alert", "drug-cause" ...)
 * @param fragments      detail fragments by key
 * @param overrideReasons override reasons by code
 * @param orders         codings of the suggested orders
 */
public record CardTexts(String version, String sourceLabel, String topicSystem, Map<String, CardType> cards,
                        Map<String, String> fragments, Map<String, Coded> overrideReasons, OrderCodings orders) {

    public CardTexts {
        cards = Map.copyOf(cards);
        fragments = Map.copyOf(fragments);
        overrideReasons = Map.copyOf(overrideReasons);
    }

    public CardType card(String key) {
        CardType t = cards.get(key);
        if (t == null) {
            throw new IllegalArgumentException("no card type " + key);
        }
        return t;
    }

    public String fragment(String key) {
        String f = fragments.get(key);
        if (f == null) {
            throw new IllegalArgumentException("no card fragment " + key);
        }
        return f;
    }

    /**
     * @param key            "alert", "drug-cause" ...
     * @param topicCode      static source.topic code (Epic remembers overrides against it)
     * @param topicDisplay   its display
     * @param summary        summary template
     * @param summaryShort   used when the filled summary would reach 140 characters
     * @param detail         markdown template (no raw HTML)
     * @param url            source url or null
     * @param overrideReasons codes into {@link CardTexts#overrideReasons()}
     * @param ref            section of shared/clinical the card renders
     */
    public record CardType(String key, String topicCode, String topicDisplay, String summary, String summaryShort,
                           String detail, String url, List<String> overrideReasons, String ref) {
        public CardType {
            overrideReasons = List.copyOf(overrideReasons);
        }
    }

    /** A coding with the reference it was read from (terminology.md section, HL7 example ...). */
    public record Coded(String system, String code, String display, String ref) {
    }

    /**
     * @param ivMedication   coding of IV magnesium sulfate (ATC B05XA05 while no RxNorm code is verified)
     * @param ivRxNorm       a verified RxNorm coding, or null (terminology.md §C1: 6585 is not verified)
     * @param ivRoute        SNOMED CT intravenous route
     * @param oralRoute      SNOMED CT oral route
     * @param medicationText product text template of the IV order
     */
    public record OrderCodings(Coded ivMedication, Coded ivRxNorm, Coded ivRoute, Coded oralRoute,
                               String medicationText) {
    }
}
