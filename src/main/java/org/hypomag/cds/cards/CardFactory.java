package org.hypomag.cds.cards;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.hypomag.cds.clinical.IndicatorLevel;
import org.hypomag.cds.knowledge.CardTexts;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What every card shares: a random uuid (feedback refers to it), the source with the knowledge version and
 * the static topic of its card type, the summary chosen without truncation, the override reasons.
 */
final class CardFactory {

    private static final Logger LOG = LoggerFactory.getLogger(CardFactory.class);

    private final CardTexts texts;
    private final String knowledgeVersion;

    CardFactory(CardTexts texts, String knowledgeVersion) {
        this.texts = texts;
        this.knowledgeVersion = knowledgeVersion;
    }

    CardTexts texts() {
        return texts;
    }

    Card card(String type, IndicatorLevel level, Map<String, String> summaryValues, String detail,
              List<Suggestion> suggestions, SelectionBehavior behavior) {
        return card(type, level, summaryValues, detail, suggestions, behavior, List.of());
    }

    /** @param rules the rule ids behind the card, carried in {@link Card#RULES_EXTENSION} (none: no extension) */
    Card card(String type, IndicatorLevel level, Map<String, String> summaryValues, String detail,
              List<Suggestion> suggestions, SelectionBehavior behavior, List<String> rules) {
        CardTexts.CardType t = texts.card(type);
        return card(t, source(t), level, summaryValues, detail, suggestions, behavior, rules);
    }

    /** A card of a type whose summary templates are replaced by two fragments (same topic, same overrides). */
    Card card(String type, String summaryFragment, String shortFragment, IndicatorLevel level,
              Map<String, String> summaryValues, String detail, List<Suggestion> suggestions,
              SelectionBehavior behavior, List<String> rules) {
        CardTexts.CardType base = texts.card(type);
        CardTexts.CardType t = new CardTexts.CardType(base.key(), base.topicCode(), base.topicDisplay(),
                texts.fragment(summaryFragment), texts.fragment(shortFragment), base.detail(), base.url(),
                base.overrideReasons(), base.ref());
        return card(t, source(t), level, summaryValues, detail, suggestions, behavior, rules);
    }

    /** A card whose source.url is given by the finding (a drug class's own source), or none when null. */
    Card cardWithUrl(String type, String url, IndicatorLevel level, Map<String, String> summaryValues, String detail,
                     List<Suggestion> suggestions, SelectionBehavior behavior) {
        CardTexts.CardType t = texts.card(type);
        Source s = source(t);
        return card(t, new Source(s.label(), url, s.icon(), s.topic()), level, summaryValues, detail, suggestions,
                behavior, List.of());
    }

    private Card card(CardTexts.CardType t, Source source, IndicatorLevel level, Map<String, String> summaryValues,
                      String detail, List<Suggestion> suggestions, SelectionBehavior behavior, List<String> rules) {
        return new Card(UUID.randomUUID().toString(), summary(t, summaryValues), detail,
                level == null ? IndicatorLevel.INFO : level, source,
                suggestions, suggestions.isEmpty() ? null : behavior, overrideReasons(t), List.of(),
                rules.isEmpty() ? null : Map.of(Card.RULES_EXTENSION, List.copyOf(rules)));
    }

    /**
     * The full summary if it is under 140 characters, else the short form, else the card type's static title:
     * never a cut sentence. Falling back to the title is logged (it means a template needs shortening).
     */
    String summary(CardTexts.CardType t, Map<String, String> values) {
        String full = Wording.fill(t.summary(), values);
        if (full.length() <= Card.MAX_SUMMARY) {
            return full;
        }
        String shorter = Wording.fill(t.summaryShort(), values);
        if (shorter.length() <= Card.MAX_SUMMARY) {
            return shorter;
        }
        LOG.warn("card type {}: both summaries reach 140 characters; using its title", t.key());
        return t.topicDisplay();
    }

    Source source(CardTexts.CardType t) {
        String label = Wording.fill(texts.sourceLabel(), Wording.values("version", knowledgeVersion));
        return new Source(label, t.url(), null, new Coding(texts.topicSystem(), t.topicCode(), t.topicDisplay()));
    }

    static Suggestion suggestion(String description, boolean recommended, SuggestedOrders.Written resource) {
        return new Suggestion(description, UUID.randomUUID().toString(), recommended,
                List.of(new Action(ActionType.CREATE, description, resource.json(), null, resource.facts())));
    }

    private List<Coding> overrideReasons(CardTexts.CardType t) {
        return t.overrideReasons().stream().map(texts.overrideReasons()::get)
                .map(c -> new Coding(c.system(), c.code(), c.display())).toList();
    }
}
