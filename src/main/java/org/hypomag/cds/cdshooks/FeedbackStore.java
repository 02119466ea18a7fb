package org.hypomag.cds.cdshooks;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.hypomag.cds.store.LedgerEntry;

/** Where feedback goes: the shared store ({@link StoredFeedbackStore}); in memory in unit tests. */
interface FeedbackStore {

    /** Stores one outcome; storing the same outcome twice keeps one (feedback may be re-sent). */
    void save(Feedback feedback);

    /** Stores one outcome with the ledger's row of its card (type, indicator, hook ... for analytics). */
    default void save(Feedback feedback, Optional<LedgerEntry> issued) {
        save(feedback);
    }

    /** Every stored outcome for a card, oldest first. */
    List<Feedback> forCard(String cardUuid);

    /** Every stored outcome for these cards (one read for a shared store). */
    default List<Feedback> forCards(Collection<String> cardUuids) {
        List<Feedback> out = new ArrayList<>();
        cardUuids.forEach(c -> out.addAll(forCard(c)));
        return out;
    }

    /** How many outcomes are held. */
    long size();
}
