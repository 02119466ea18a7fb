package org.hypomag.cds.cdshooks;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.stereotype.Component;

/**
 * order-sign is the last safety net, but it must not show again a card the clinician already accepted or
 * dismissed for the same patient and encounter when nothing changed. "Nothing changed" means the same
 * {@link CardLedger#fingerprint}: a new value, date, dose or indicator makes it a new card.
 */
@Component
class CardDeduplicator {

    private final CardLedger ledger;
    private final FeedbackStore feedback;

    CardDeduplicator(CardLedger ledger, FeedbackStore feedback) {
        this.ledger = ledger;
        this.feedback = feedback;
    }

    List<Card> withoutAnswered(HookCall call, List<Card> cards) {
        Set<String> answered = answeredFingerprints(CardLedger.scope(call));
        if (answered.isEmpty()) {
            return cards;
        }
        return cards.stream().filter(c -> !answered.contains(CardLedger.fingerprint(c))).toList();
    }

    private Set<String> answeredFingerprints(String scope) {
        Set<String> out = new HashSet<>();
        for (Map.Entry<String, CardLedger.Issued> e : ledger.issuedIn(scope).entrySet()) {
            CardLedger.Issued issued = e.getValue();
            if (!feedback.forCard(e.getKey()).isEmpty()) {
                out.add(issued.fingerprint());
            }
        }
        return out;
    }
}
