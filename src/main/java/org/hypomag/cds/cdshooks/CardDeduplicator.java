package org.hypomag.cds.cdshooks;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.hypomag.cds.cards.Card;
import org.hypomag.cds.clinical.DraftOrder;
import org.springframework.stereotype.Component;

/**
 * order-sign is the last safety net, but it must not show again a card the clinician already answered for the
 * same patient and encounter when nothing changed ("nothing changed" means the same
 * {@link CardLedger#fingerprint}: a new value, date, dose or indicator makes it a new card). Issue 19.15:
 * "accepted" means the suggestion was taken into the draft, not that it was ordered, so a card is left out
 * only when it was <b>overridden</b>, or when it was <b>accepted and the accepted order is among the orders
 * being signed</b> (recognised by its {@link OrderPrints} fingerprint). Otherwise it is shown again. Only the
 * same caller's cards and feedback count (issuer and tenant, 12.4). An accepted order already active is not
 * recognised (the snapshot's active medications carry no dose), so such a card is shown again: the safe side.
 */
@Component
class CardDeduplicator {

    private final CardLedger ledger;
    private final FeedbackStore feedback;

    CardDeduplicator(CardLedger ledger, FeedbackStore feedback) {
        this.ledger = ledger;
        this.feedback = feedback;
    }

    List<Card> withoutAnswered(String owner, HookCall call, List<Card> cards, List<DraftOrder> drafts) {
        Set<String> answered = answeredFingerprints(owner, CardLedger.scope(owner, call), OrderPrints.ofDrafts(drafts));
        if (answered.isEmpty()) {
            return cards;
        }
        return cards.stream().filter(c -> !answered.contains(CardLedger.fingerprint(c))).toList();
    }

    private Set<String> answeredFingerprints(String owner, String scope, Set<String> draftPrints) {
        Set<String> out = new HashSet<>();
        Map<String, CardLedger.Issued> issuedHere = ledger.issuedIn(scope);
        if (issuedHere.isEmpty()) {
            return out;
        }
        Map<String, List<Feedback>> byCard = new HashMap<>();
        feedback.forCards(issuedHere.keySet()).forEach(f -> byCard.computeIfAbsent(f.cardUuid(),
                k -> new ArrayList<>()).add(f));
        for (Map.Entry<String, CardLedger.Issued> e : issuedHere.entrySet()) {
            CardLedger.Issued issued = e.getValue();
            if (!issued.owner().equals(owner)) {
                continue;
            }
            for (Feedback f : byCard.getOrDefault(e.getKey(), List.of())) {
                if (!owner.equals(f.owner())) {
                    continue;
                }
                if (!f.accepted() || acceptedOrderIsBeingSigned(issued, f, draftPrints)) {
                    out.add(issued.fingerprint());
                }
            }
        }
        return out;
    }

    private static boolean acceptedOrderIsBeingSigned(CardLedger.Issued issued, Feedback f, Set<String> draftPrints) {
        for (String suggestion : f.acceptedSuggestions()) {
            Set<String> prints = issued.orders().getOrDefault(suggestion, Set.of());
            if (!prints.isEmpty() && !Collections.disjoint(prints, draftPrints)) {
                return true;
            }
        }
        return false;
    }
}
