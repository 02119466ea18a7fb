package org.hypomag.cds.cdshooks;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.hypomag.cds.store.CardStore;
import org.hypomag.cds.store.FeedbackOutcome;
import org.hypomag.cds.store.LedgerEntry;
import org.springframework.stereotype.Component;

/** Feedback in the shared {@link CardStore} (issue 14): every instance sees every outcome; nothing lost on restart. */
@Component
class StoredFeedbackStore implements FeedbackStore {

    private final CardStore store;

    StoredFeedbackStore(CardStore store) {
        this.store = store;
    }

    @Override
    public void save(Feedback f) {
        save(f, Optional.empty());
    }

    @Override
    public void save(Feedback f, Optional<LedgerEntry> issued) {
        store.saveFeedback(new FeedbackOutcome(f.serviceId(), f.cardUuid(), f.owner(), f.accepted(),
                f.acceptedSuggestions(), f.overrideCode(), f.comment(), f.outcomeTimestamp(), f.received()),
                issued.orElse(null));
    }

    @Override
    public List<Feedback> forCard(String cardUuid) {
        return forCards(List.of(cardUuid));
    }

    @Override
    public List<Feedback> forCards(Collection<String> cardUuids) {
        return store.feedbackFor(cardUuids).stream().map(o -> new Feedback(o.serviceId(), o.cardUuid(), o.accepted(),
                o.acceptedSuggestions(), o.overrideReason(), o.outcomeAt(), o.receivedAt(), o.owner(), o.comment()))
                .toList();
    }

    @Override
    public long size() {
        return store.feedbackCount();
    }
}
