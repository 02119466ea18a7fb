package org.hypomag.cds.cards;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Issue 17: the cards a clinician decides magnesium on carry a CDS Hooks 2.0.1 Link of type {@code smart} to the
 * trend app — the alert ({@code hypomag-alert}), the drug causes ({@code hypomag-drug-cause}) and every card of
 * the order hooks' own types ({@code hypomag-order-*}). The EHR launches the link with the patient in context,
 * so the link carries no {@code appContext} (and never patient data). Which URL is decided by the caller
 * (configuration, see {@code smart.SmartLaunch}); no URL, no link.
 */
public final class TrendLinks {

    static final Set<String> TOPICS = Set.of("hypomag-alert", "hypomag-drug-cause");
    static final String ORDER_TOPIC_PREFIX = "hypomag-order-";

    /** The link's label, from cards.yaml ({@code trend-link-label}). */
    private final String label;

    TrendLinks(String label) {
        this.label = label;
    }

    /** The cards, those of the linked types with the trend link added; unchanged when {@code launchUrl} is null. */
    public List<Card> withTrendLink(List<Card> cards, String launchUrl) {
        if (launchUrl == null || launchUrl.isBlank()) {
            return cards;
        }
        List<Card> out = new ArrayList<>(cards.size());
        for (Card c : cards) {
            out.add(linked(c) ? withLink(c, new Link(label, launchUrl, "smart", null, null)) : c);
        }
        return List.copyOf(out);
    }

    static boolean linked(Card card) {
        String topic = card.source().topic() == null ? "" : card.source().topic().code();
        return TOPICS.contains(topic) || topic.startsWith(ORDER_TOPIC_PREFIX);
    }

    private static Card withLink(Card c, Link link) {
        List<Link> links = new ArrayList<>(c.links());
        links.add(link);
        return new Card(c.uuid(), c.summary(), c.detail(), c.indicator(), c.source(), c.suggestions(),
                c.selectionBehavior(), c.overrideReasons(), links, c.extension().isEmpty() ? null : c.extension());
    }
}
